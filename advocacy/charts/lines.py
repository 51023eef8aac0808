"""Lines over time: counts per day or week with key dates marked, and this year against last on one axis."""

import datetime
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .labels import display_day, fit, number
from .model import Chart, Column, Marker, Series
from .svg import GRID, INK, MUTED, SERIES_STYLES, empty_chart, svg_document, svg_text

WIDTH, PLOT_HEIGHT = 640, 192
LEFT, RIGHT, BOTTOM = 56, 16, 36
LEGEND_ROW = 16
MARKER_ROOM = 220  # the most a key date's label runs beside its line


def _nice_ceiling(value: int) -> int:
    """A round number at or above ``value`` for the top of an axis: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 1
    while power * 10 <= value:
        power *= 10
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _known(series: Series, positions: Sequence[float], labels: Sequence[str]) -> list[tuple[float, int, str]]:
    return [
        (position, value, label)
        for position, value, label in zip(positions, series.values, labels, strict=True)
        if value is not None
    ]


def _line_chart(
    *,
    key: str,
    title: str,
    summary: str,
    positions: Sequence[float],
    axis_labels: Sequence[tuple[float, str]],
    series: Sequence[Series],
    point_labels: Sequence[str],
    markers: Sequence[tuple[float, str]],
) -> SafeString:
    """Lines over ``positions`` (0 to 1 across the plot), with labelled vertical markers and a legend above,
    one series a line. A value of None is no point: a line stops where its figures do."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, PLOT_HEIGHT
    top_y = 8 + LEGEND_ROW * len(series) + (18 if markers else 8)
    height = top_y + plot_h + BOTTOM
    top = _nice_ceiling(
        max((max((v for v in s.values if v is not None), default=0) for s in series), default=0)
    )
    body = []
    steps = next(n for n in (4, 5, 2, 1) if top % n == 0)  # whole numbers on every grid line: 0 to 50 by 10
    for step in range(steps + 1):
        value = top * step // steps
        y = top_y + plot_h - plot_h * step / steps
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(svg_text(LEFT - 6, y + 4, number(value), anchor="end", fill=MUTED))
    for position, label in axis_labels:
        x = LEFT + plot_w * position
        anchor = "start" if position < 0.1 else "end" if position > 0.9 else "middle"
        body.append(svg_text(x, height - BOTTOM + 18, label, anchor=anchor, fill=MUTED))
    for position, label in markers:
        x = LEFT + plot_w * position
        after, before = WIDTH - RIGHT - x - 3, x - LEFT - 3
        side = (x + 3, "start", after) if after >= min(before, MARKER_ROOM) else (x - 3, "end", before)
        body.append(
            f'<g><title>{escape(label)}</title><line x1="{x:.1f}" x2="{x:.1f}" y1="{top_y - 14}" '
            f'y2="{top_y + plot_h}" stroke="{INK}" stroke-dasharray="1 3"/>'
            f"{svg_text(side[0], top_y - 4, fit(label, min(side[2], MARKER_ROOM), 11), anchor=side[1], size=11)}</g>"
        )
    for index, one in enumerate(series):
        style = SERIES_STYLES[index % len(SERIES_STYLES)]
        known = _known(one, positions, point_labels)
        points = [
            (LEFT + plot_w * position, top_y + plot_h - plot_h * value / top, value, label)
            for position, value, label in known
        ]
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _value, _label in points)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{style["stroke"]}" stroke-width="2"{dash}/>'
        )
        if len(points) <= 62:
            body.extend(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{style["stroke"]}">'
                f"<title>{escape(one.label)}, {escape(label)}: {number(value)}</title></circle>"
                for x, y, value, label in points
            )
        legend_y = 12 + LEGEND_ROW * index
        body.append(
            f'<g><title>{escape(one.label)}</title><line x1="{LEFT}" x2="{LEFT + 24}" y1="{legend_y}" '
            f'y2="{legend_y}" stroke="{style["stroke"]}" stroke-width="2"{dash}/>'
            f"{svg_text(LEFT + 30, legend_y + 4, fit(one.label, WIDTH - RIGHT - LEFT - 30))}</g>"
        )
    return svg_document(key, title, summary, WIDTH, height, body, wide=True)


def time_series(
    *,
    key: str,
    title: str,
    summary: str,
    days: Sequence[datetime.date],
    series: Sequence[Series],
    markers: Sequence[Marker] = (),
    period_label: str = "",
) -> Chart:
    """Counts per day or per week (``days`` are each bucket's first day), with key dates marked.

    The table has one row per bucket and one column per series.
    """
    columns = [Column(period_label or _("Day"), "date"), *(Column(s.label, "number") for s in series)]
    if not days:
        return empty_chart(key, title, summary, columns)
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)

    def position(day: datetime.date) -> float:
        return (day - first).days / span if len(days) > 1 else 0.5

    labels = [display_day(day) for day in days]
    axis = [(position(day), display_day(day)) for day in sorted({first, days[len(days) // 2], last})]
    shown = [
        (position(m.day), f"{m.label} ({display_day(m.day)})") for m in markers if first <= m.day <= last
    ]
    svg = _line_chart(
        key=key,
        title=title,
        summary=summary,
        positions=[position(day) for day in days],
        axis_labels=axis,
        series=series,
        point_labels=labels,
        markers=shown,
    )
    rows = [(day, *(s.values[index] for s in series)) for index, day in enumerate(days)]
    return Chart(key, title, summary, svg, columns, rows, wide=True)


def year_over_year(
    *,
    key: str,
    title: str,
    summary: str,
    offsets: Sequence[int],
    series: Sequence[Series],
    key_date_label: str,
) -> Chart:
    """Running totals aligned on days from each year's key date (0), so that this year reads against last."""
    columns = [Column(_("Days from the key date"), "number"), *(Column(s.label, "number") for s in series)]
    if not offsets or not series:
        return empty_chart(key, title, summary, columns)
    first, last = offsets[0], offsets[-1]
    span = max(last - first, 1)
    positions = [(offset - first) / span for offset in offsets]
    axis = [
        ((offset - first) / span, f"{offset:+d}" if offset else "0") for offset in sorted({first, 0, last})
    ]
    svg = _line_chart(
        key=key,
        title=title,
        summary=summary,
        positions=positions,
        axis_labels=sorted(axis),
        series=series,
        point_labels=[_("day %(offset)+d") % {"offset": offset} for offset in offsets],
        markers=[((0 - first) / span, key_date_label)] if first <= 0 <= last else [],
    )
    rows = [(offset, *(s.values[index] for s in series)) for index, offset in enumerate(offsets)]
    return Chart(key, title, summary, svg, columns, rows, wide=True)
