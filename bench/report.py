"""Turn a run's results into ``bench/results/latest.json`` and ``latest.md``.

Each run (one database engine) is kept as ``results/<engine>.json``; ``latest.*`` combine the newest run
of each engine, so running on SQLite and then on PostgreSQL leaves both side by side.
"""

import json
from pathlib import Path

from .capacity import capacity_markdown
from .chart import ratio_chart

ENGINE_ORDER = ("sqlite", "postgresql")
PAGE_WEIGHT_TARGET = {"petition": {"total_kb": 150, "js_kb": 20}}


def _number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def _met(value: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "–"}[value]


def scenario_table(rows: list[dict]) -> str:
    lines = [
        "| Scenario | Data | Clients | Generator (CPU) | req/s | p50 ms | p95 ms | p99 ms | Errors "
        "| × baseline | Server CPU ms/req | Target | Met |",
        "|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|---|---|",
    ]
    for row in rows:
        if row.get("status") == "skipped":
            lines.append(
                f"| {row['name']} | {row.get('data', 'demo')} | {row['concurrency']} | {row['generator']} "
                f"| not available: {row['reason']} | | | | | | | {row.get('target') or ''} | – |"
            )
            continue
        generator = row["generator"]
        if row.get("generator_cpu_pct") is not None:
            generator += f" ({row['generator_cpu_pct']:.0f}%)"
        errors = row.get("errors_all_kinds", row.get("errors", 0))
        queries = _measured(row)
        lines.append(
            f"| {row['name']} | {row.get('data', 'demo')} | {row['concurrency']} | {generator} "
            f"| {_number(row.get('rps'))} | {_number(row.get('p50_ms'))} | {_number(row.get('p95_ms'))} "
            f"| {_number(row.get('p99_ms'))} | {errors} | {_number(row.get('ratio'), 2)} "
            f"| {_number(row.get('server_cpu_ms_per_request'), 2)} | {row.get('target') or ''}{queries} "
            f"| {_met(row.get('met'))} |"
        )
    return "\n".join(lines)


def _measured(row: dict) -> str:
    """What the probe measured beside the load: SQL on a cache hit, or a staff screen's SQL and first view."""
    if row.get("queries_on_hit") is not None:
        return f" (measured: {row['queries_on_hit']} SQL)"
    if row.get("queries_per_view") is not None:
        first = row.get("first_view_ms")
        first_text = f", first view in a fresh process {_number(first, 0)} ms" if first is not None else ""
        return f" (measured: {row['queries_per_view']} SQL a view{first_text})"
    return ""


def page_weight_table(weights: dict) -> str:
    lines = [
        "| Page | Path | Total KB | HTML | CSS | JS | Images | Fonts | Requests | Leaves the site | Target | Met |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|---|",
    ]
    for key, weight in weights.items():
        if "reason" in weight:
            lines.append(f"| {key} | not available: {weight['reason']} | | | | | | | | | | – |")
            continue
        kinds = weight["bytes_by_kind"]
        kb = {kind: kinds.get(kind, 0) / 1024 for kind in ("html", "css", "js", "img", "font")}
        target = PAGE_WEIGHT_TARGET.get(key)
        met, target_text = None, ""
        if target:
            target_text = f"≤ {target['total_kb']} KB, JS ≤ {target['js_kb']} KB"
            met = weight["total_bytes"] / 1024 <= target["total_kb"] and kb["js"] <= target["js_kb"]
        leaves = ", ".join(weight["external"]) if weight["external"] else "no"
        lines.append(
            f"| {key} | {weight['path']} | {weight['total_bytes'] / 1024:.1f} | {kb['html']:.1f} | {kb['css']:.1f} "
            f"| {kb['js']:.1f} | {kb['img']:.1f} | {kb['font']:.1f} | {weight['requests']} | {leaves} "
            f"| {target_text} | {_met(met)} |"
        )
    return "\n".join(lines)


def memory_table(memory: dict) -> str:
    lines = ["| Server | Process | Peak RSS MiB |", "|---|---|--:|"]
    for server, roles in memory.items():
        for role, mib in sorted(roles.items()):
            lines.append(f"| {server} | {role} | {mib:,.1f} |")
    return "\n".join(lines)


def scale_table(rows: list[dict]) -> str:
    demo = {row["name"]: row for row in rows if row.get("data") == "demo" and row.get("status") == "ok"}
    full = [row for row in rows if row.get("data") == "full" and row.get("status") == "ok"]
    if not full:
        return ""
    lines = [
        "| Scenario | req/s demo → full | p95 ms demo → full | Slowdown | Target ≤ 1.5× | Met |",
        "|---|---|---|--:|---|---|",
    ]
    for row in full:
        before = demo.get(row["name"])
        if not before:
            continue
        slowdown = _slowdown(before, row)
        lines.append(
            f"| {row['name']} | {_number(before['rps'])} → {_number(row['rps'])} "
            f"| {_number(before['p95_ms'])} → {_number(row['p95_ms'])} | {_number(slowdown, 2)} | ≤ 1.5× "
            f"| {_met(None if slowdown is None else slowdown <= 1.5)} |"
        )
    return "\n".join(lines)


def _slowdown(demo: dict, full: dict) -> float | None:
    """How much slower full size is: the worse of the p95 latency ratio and the throughput ratio."""
    ratios = []
    if demo.get("p95_ms") and full.get("p95_ms"):
        ratios.append(full["p95_ms"] / demo["p95_ms"])
    if demo.get("rps") and full.get("rps"):
        ratios.append(demo["rps"] / full["rps"])
    return max(ratios) if ratios else None


def run_markdown(run: dict) -> str:
    machine = run["machine"]
    parts = [
        f"## {run['database']['version']} ({run['engine']})",
        "",
        f"Run {run['started_at']} → {run['finished_at']}; {run['seconds_per_scenario']} s per scenario; "
        f"data: {run['data_size']}. Machine: {machine['cpu_model']}, {machine['cpus']} CPUs, "
        f"{machine['memory_gib']} GiB; Python {machine['python']}; {machine['wrk']}; gunicorn "
        f"{machine['gunicorn']}, {run['server']['workers']} sync workers for the site and the baseline alike; "
        f"site cache {run['server']['cache']} (cold rows: dummy://). Commit {machine['commit']}.",
        "",
        scenario_table(run["rows"]),
        "",
    ]
    if run.get("checks"):
        parts += ["Correctness and freshness checks:", ""]
        for check in run["checks"]:
            parts.append(f"- {check['name']}: {_met(check['ok'])} ({check['detail']})")
        parts.append("")
    if run.get("page_weight"):
        parts += [
            "Page weight, first view, compressed as served:",
            "",
            page_weight_table(run["page_weight"]),
            "",
        ]
    if run.get("memory"):
        parts += ["Peak resident memory during the run:", "", memory_table(run["memory"]), ""]
    export = run.get("export")
    if export:
        if "reason" in export:
            parts += [f"CSV export of the largest petition: not available: {export['reason']}", ""]
        else:
            flat = export["above_idle_mib"] < 100 and export.get("rows_per_s", 0) >= 50_000
            parts += [
                f"CSV export of the largest petition: {export['rows']:,} rows in {export['seconds']} s "
                f"({export['rows_per_s']:,} rows/s), peak RSS {export['peak_mib']} MiB, "
                f"{export['above_idle_mib']} MiB above an idle Django process (target < 100 MiB above idle, "
                f"≥ 50,000 rows/s: {_met(flat)}).",
                "",
            ]
    if run.get("annex"):
        parts += [annex_lines(run["annex"]), ""]
    capacity = capacity_markdown(run)
    if capacity:
        parts += [capacity]
    table = scale_table(run["rows"])
    if table:
        parts += ["Demo size → full size:", "", table, ""]
    if run.get("notes"):
        parts += ["Notes:", ""] + [f"- {note}" for note in run["notes"]] + [""]
    return "\n".join(parts)


def annex_lines(annex: dict) -> str:
    """The signer annex of the dossier: the largest petition's from the database, and 500,000 made-up signers'."""
    parts = []
    for key, what in (
        ("petition", f"the largest petition ({annex.get('data', 'demo')} data)"),
        ("synthetic", ""),
    ):
        result = annex.get(key) or {"reason": "not run"}
        what = what or f"{result.get('rows', 500_000):,} made-up signers"
        if "reason" in result:
            parts.append(f"{what}: not available: {result['reason']}")
            continue
        parts.append(
            f"{what}: {result['rows']:,} rows, {result['pages']:,} pages in {result['seconds']} s"
            + (f" ({result['cpu_seconds']} s of CPU)" if result.get("cpu_seconds") is not None else "")
            + (
                f" ({result['seconds_at_500000']} s at 500,000 rows)"
                if result.get("seconds_at_500000")
                else ""
            )
            + f", memory +{result['growth_mib']} MiB "
            f"(peak {result['rss_peak_mib']} MiB): {_met(result['met'])}"
        )
    lines = (
        "Signer annex, streamed PDF (target < 120 s for 500,000 rows, memory flat: < 50 MiB growth): "
        + "; ".join(parts)
        + "."
    )
    dossier = annex.get("dossier")
    if not dossier:
        return lines
    if "reason" in dossier:
        return f"{lines}\n\nDelivery dossier (target < 30 s at any size): not available: {dossier['reason']}."
    return (
        f"{lines}\n\nDelivery dossier of the largest petition, Thai and English (target < 30 s at any size): "
        f"{dossier['signatures']:,} signatures digested and the PDF ({dossier['pdf_kib']} KiB) in "
        f"{dossier['seconds']} s ({dossier['cpu_seconds']} s of CPU), memory +{dossier['growth_mib']} MiB: "
        f"{_met(dossier['met'])}."
    )


def write(results_dir: Path, run: dict) -> None:
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / f"{run['engine']}.json").write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    runs = {}
    for engine in ENGINE_ORDER:
        path = results_dir / f"{engine}.json"
        if path.exists():
            runs[engine] = json.loads(path.read_text())
    (results_dir / "latest.json").write_text(json.dumps({"runs": runs}, indent=2, ensure_ascii=False) + "\n")
    header = [
        "# Phakhi benchmark: latest results",
        "",
        "Written by `make bench` (`python -m bench.run`). Throughput is compared with a bare Django baseline "
        "served by the same gunicorn on the same machine in the same run: `× baseline` is the scenario's "
        "req/s divided by the baseline's (`ok` for reads, `insert` for writes) through the same load "
        "generator. Targets are reported, never enforced.",
        "",
    ]
    chart = ratio_chart(runs)
    if chart:
        (results_dir / "ratios.svg").write_text(chart)
        header += ["![Throughput against the bare baseline, by engine](ratios.svg)", ""]
    body = [run_markdown(runs[engine]) for engine in ENGINE_ORDER if engine in runs]
    (results_dir / "latest.md").write_text("\n".join(header + body))
