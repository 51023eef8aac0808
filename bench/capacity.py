"""The capacity model: what one core does, as measured by this run, and what a surge of signatures needs.

Everything here is arithmetic on the run's own rows (``server_cpu_ms_per_request`` is the gunicorn workers'
CPU time divided by the requests they answered), so the model is rewritten with each run and never quotes a
figure the run did not measure. What it cannot measure on one machine (a mail provider's rate, a second web
machine) is a stated assumption, named in the table.

One signer, in the model, costs: a read of the petition page (a page-cache hit; none at all behind a shared
cache), the sign post, the confirmation click and one e-mail. Web machines are sized to run at most at
``UTILISATION`` of their cores, so that a burst inside the minute does not queue.
"""

import math
import os

UTILISATION = 0.6
SURGES_PER_MINUTE = (1_000, 10_000, 60_000)
# A mail provider's sending rate, e-mails a second. 14/s is Amazon SES's starting quota; providers raise it
# on request. BENCH_MAIL_RATE overrides it.
DEFAULT_MAIL_RATE = 14.0
SURGE_MINUTES = 10


def _row(rows: list[dict], name: str) -> dict | None:
    for row in rows:
        if row.get("name") == name and row.get("data", "demo") == "demo" and row.get("status") == "ok":
            return row
    return None


def _cpu_ms(rows: list[dict], name: str) -> float | None:
    row = _row(rows, name)
    return row.get("server_cpu_ms_per_request") if row else None


def per_core(rows: list[dict]) -> dict[str, float]:
    """Requests a second one core answers, by kind, from the measured server CPU per request."""
    kinds = {
        "signatures": "signing",
        "confirmations": "confirming",
        "petition reads (page cache)": "read petition",
        "petition reads (cold, every cache off)": "cold petition ×1",
        "bare insert (baseline)": "baseline insert (python)",
        "bare ok (baseline)": "baseline ok",
    }
    measured = {}
    for label, name in kinds.items():
        cpu = _cpu_ms(rows, name)
        if cpu:
            measured[label] = 1000 / cpu
    return measured


def surge(rows: list[dict], per_minute: int, mail_rate: float) -> dict | None:
    """What ``per_minute`` signatures a minute need, for ``SURGE_MINUTES`` minutes, or None if not measured."""
    sign, confirm, read = (_cpu_ms(rows, name) for name in ("signing", "confirming", "read petition"))
    if not (sign and confirm and read):
        return None
    per_second = per_minute / 60
    cores = per_second * (sign + confirm + read) / 1000 / UTILISATION
    backlog = max(0.0, (per_second - mail_rate) * SURGE_MINUTES * 60)
    return {
        "per_minute": per_minute,
        "per_second": per_second,
        "web_cores": max(1, math.ceil(cores)),
        "web_cores_behind_cache": max(1, math.ceil(per_second * (sign + confirm) / 1000 / UTILISATION)),
        "database_writes_per_second": per_second * 2,
        "cache_round_trips_per_second": per_second * 3,
        "emails_per_second": per_second,
        "mail_backlog": backlog,
        "last_email_late_minutes": backlog / mail_rate / 60 if backlog else 0.0,
    }


def capacity_markdown(run: dict) -> str:
    """The per-core table and the surge table of one run, as Markdown, or "" when the rows are missing."""
    rows = run.get("rows", [])
    cores = per_core(rows)
    if not cores:
        return ""
    mail_rate = float(os.environ.get("BENCH_MAIL_RATE", DEFAULT_MAIL_RATE))
    lines = [
        f"Capacity per core ({run.get('engine', '')}, demo data, 1000 ÷ the server CPU ms a request measured above):",
        "",
        "| Kind | Per core, a second |",
        "|---|--:|",
        *[f"| {label} | {value:,.0f} |" for label, value in cores.items()],
        "",
    ]
    surges = [surge(rows, n, mail_rate) for n in SURGES_PER_MINUTE]
    if any(surges):
        lines += [
            f"A surge of N signatures a minute for {SURGE_MINUTES} minutes (web cores at {UTILISATION:.0%}; "
            f"a signer reads the page once, signs, confirms and gets one e-mail; mail provider at "
            f"{mail_rate:g} e-mails/s, an assumption):",
            "",
            "| N a minute | Signatures/s | Web cores | … behind a shared cache | Database writes/s "
            "| Cache round trips/s | E-mails/s | Mail backlog after the surge | Last e-mail late by |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for one in filter(None, surges):
            lines.append(
                f"| {one['per_minute']:,} | {one['per_second']:,.0f} | {one['web_cores']} "
                f"| {one['web_cores_behind_cache']} | {one['database_writes_per_second']:,.0f} "
                f"| {one['cache_round_trips_per_second']:,.0f} | {one['emails_per_second']:,.0f} "
                f"| {one['mail_backlog']:,.0f} | {one['last_email_late_minutes']:,.0f} min |"
            )
        lines.append("")
    return "\n".join(lines)
