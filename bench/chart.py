"""A bar chart of the run's ratios to the bare baseline, as SVG beside ``latest.md``: one bar per engine.

Each scenario with a ratio target (repeat reads ≥ 0.8 × ``ok``, signing and confirming ≥ 0.6 × ``insert``)
gets a bar per engine and a tick at its target; a bar that reaches its tick is drawn solid, one that falls
short is drawn hatched, so the chart reads without colour too. The table in ``latest.md`` holds the
numbers; the chart has a ``<title>`` and a ``<desc>`` that say what it shows.
"""

from html import escape

from .scenarios import SCENARIOS

ENGINE_COLOURS = {"sqlite": "#1f5f8b", "postgresql": "#b3541e"}
ROW_HEIGHT = 30
BAR_HEIGHT = 11
LABEL_WIDTH = 190
PLOT_WIDTH = 380
MAX_RATIO = 1.5


def _ratio_rows(runs: dict) -> list[tuple[str, float, dict[str, float]]]:
    """(scenario, target ratio, {engine: ratio}) for each demo-size row with a ratio target, in run order."""
    wanted = {s.name: s.target.min_ratio for s in SCENARIOS if s.target and s.target.min_ratio is not None}
    order: list[str] = []
    targets: dict[str, float] = {}
    ratios: dict[str, dict[str, float]] = {}
    for engine, run in runs.items():
        for row in run.get("rows", []):
            target = wanted.get(row["name"])
            if row.get("data", "demo") != "demo" or row.get("ratio") is None or target is None:
                continue
            if row["name"] not in targets:
                order.append(row["name"])
                targets[row["name"]] = target
            ratios.setdefault(row["name"], {})[engine] = row["ratio"]
    return [(name, targets[name], ratios[name]) for name in order]


def ratio_chart(runs: dict) -> str:
    """The SVG text, or "" when no row has a ratio and a ratio target."""
    rows = _ratio_rows(runs)
    if not rows:
        return ""
    engines = [engine for engine in ENGINE_COLOURS if engine in runs]
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    height = 40 + ROW_HEIGHT * len(rows) + 40

    def x(ratio: float) -> float:
        return LABEL_WIDTH + PLOT_WIDTH * min(ratio, MAX_RATIO) / MAX_RATIO

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="12">',
        '<title id="t">Throughput against the bare Django baseline, demo data</title>',
        '<desc id="d">One bar per database engine for each scenario with a target; the tick is the target. '
        "Hatched bars fall short of it. The numbers are in the table of latest.md.</desc>",
        "<defs>",
        *[
            f'<pattern id="short-{engine}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="white"/>'
            f'<rect width="3" height="6" fill="{colour}"/></pattern>'
            for engine, colour in ENGINE_COLOURS.items()
        ],
        "</defs>",
        '<rect width="100%" height="100%" fill="white"/>',
    ]
    for tick in (0.0, 0.5, 1.0, 1.5):
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="30" y2="{height - 35}" stroke="#ddd"/>'
            f'<text x="{x(tick):.1f}" y="{height - 20}" text-anchor="middle">{tick:g} ×</text>'
        )
    for index, (name, target, ratios) in enumerate(rows):
        top = 36 + index * ROW_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{top + BAR_HEIGHT + 2}" text-anchor="end">{escape(name)}</text>'
        )
        for slot, engine in enumerate(engines):
            if engine not in ratios:
                continue
            ratio = ratios[engine]
            fill = ENGINE_COLOURS[engine] if ratio >= target else f"url(#short-{engine})"
            y = top + slot * BAR_HEIGHT
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{x(ratio) - LABEL_WIDTH:.1f}" height="{BAR_HEIGHT - 1}" '
                f'fill="{fill}" stroke="{ENGINE_COLOURS[engine]}"><title>{escape(name)}, {engine}: '
                f"{ratio:.2f} × (target {target:g} ×)</title></rect>"
                f'<text x="{x(ratio) + 4:.1f}" y="{y + BAR_HEIGHT - 2}" font-size="10">{ratio:.2f}</text>'
            )
        parts.append(
            f'<line x1="{x(target):.1f}" x2="{x(target):.1f}" y1="{top - 3}" '
            f'y2="{top + BAR_HEIGHT * len(engines) + 2}" stroke="black" stroke-width="2"/>'
        )
    legend_x = LABEL_WIDTH
    for engine in engines:
        parts.append(
            f'<rect x="{legend_x}" y="8" width="12" height="12" fill="{ENGINE_COLOURS[engine]}"/>'
            f'<text x="{legend_x + 16}" y="18">{"SQLite" if engine == "sqlite" else "PostgreSQL"}</text>'
        )
        legend_x += 110
    parts.append(f'<text x="{legend_x}" y="18">│ target</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
