"""Charts as functions from rows to SVG drawn on the server: no JavaScript, nothing from another server.

Each function returns a ``Chart``: the SVG (``role="img"``, labelled by its own ``<title>`` and ``<desc>``),
the one-sentence summary shown beside it, and the rows of the data table and the CSV download. The caller
writes the summary, since only it knows what the figures are about; the SVG repeats it in ``<desc>``.

Colour is never the only carrier: lines differ by dash, tiles and bars carry their value in a ``<title>``,
and every figure is in the table.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from site_project import provinces
from site_project.dates import display_date

from .provinces_grid import COLUMNS, ROWS, TILES

INK = "#1f1f1f"
MUTED = "#5c5c5c"
GRID = "#d9d9d9"
BAR = "#2a6496"
LIMIT = "#8c8c8c"
# A sequential scale (light to dark blue) for the tile map; no signatures is grey.
SCALE = ("#deebf7", "#9ecae1", "#5b9bd0", "#2f6fae", "#0b3f7a")
NONE = "#f0f0f0"
SERIES_STYLES = (
    {"stroke": "#0b3f7a", "dash": ""},
    {"stroke": "#a34a00", "dash": "6 4"},
    {"stroke": "#4d4d4d", "dash": "2 3"},
    {"stroke": "#6a3d9a", "dash": "8 3 2 3"},
)
LABEL_CHARACTERS = 26


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"  # "text", "number", "percent" or "date": how a cell is printed in the table


@dataclass(frozen=True)
class Chart:
    key: str  # a slug: the element ids and the CSV's name
    title: str
    summary: str
    svg: SafeString
    columns: Sequence[Column]
    rows: Sequence[Sequence] = ()
    listed: int = 0  # how many of the first rows to list beside the chart as well as in the table

    def top(self) -> list[list[str]]:
        """The first ``listed`` rows as printed, for a short visible list (the tile map's busiest provinces)."""
        return self.table()[: self.listed]

    def table(self) -> list[list[str]]:
        """The rows as the data table prints them: numbers grouped, dates as readers count them."""
        return [
            [_cell(value, column.kind) for value, column in zip(row, self.columns, strict=True)]
            for row in self.rows
        ]

    def csv_rows(self) -> list[list]:
        """The header and rows for the CSV: numbers as numbers, dates in ISO form."""
        header = [column.label for column in self.columns]
        body = [
            [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
            for row in self.rows
        ]
        return [header, *body]


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int]


@dataclass(frozen=True)
class Marker:
    day: datetime.date
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    limit: int | None = None  # e.g. an event's places: drawn as an outline the bar fills
    note: str = field(default="", compare=False)


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return "–"
    if kind == "number":
        return number(value)
    if kind == "percent":
        return f"{value:.1f}%"
    if kind == "date":
        return display_date(value, "short")
    return str(value)


def number(value: int) -> str:
    return f"{value:,}"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


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


def _svg(key: str, title: str, summary: str, width: int, height: int, body: list[str]) -> SafeString:
    ident = f"chart-{key}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="advocacy-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" font-family="inherit" font-size="12">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(summary)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308  (every text above and in body is escaped)


def _text(x: float, y: float, content: str, *, anchor: str = "start", fill: str = INK, size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}">'
        f"{escape(content)}</text>"
    )


def _empty(key: str, title: str, summary: str, columns: Sequence[Column]) -> Chart:
    body = [_text(200, 50, _("Nothing to show for these filters."), anchor="middle", fill=MUTED)]
    return Chart(key, title, summary, _svg(key, title, summary, 400, 90, body), columns, [])


# --- Lines over time -------------------------------------------------------------------------------------------
WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 52, 36


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
    """Lines over ``positions`` (0 to 1 across the plot), with labelled vertical markers and a legend."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_ceiling(max((max(s.values, default=0) for s in series), default=0))
    body = []
    for step in range(5):
        value = top * step // 4
        y = TOP + plot_h - plot_h * step / 4
        body.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(LEFT - 6, y + 4, number(value), anchor="end", fill=MUTED))
    for position, label in axis_labels:
        x = LEFT + plot_w * position
        anchor = "start" if position < 0.1 else "end" if position > 0.9 else "middle"
        body.append(_text(x, HEIGHT - BOTTOM + 18, label, anchor=anchor, fill=MUTED))
    for position, label in markers:
        x = LEFT + plot_w * position
        body.append(
            f'<g><title>{escape(label)}</title><line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 4}" '
            f'y2="{TOP + plot_h}" stroke="{INK}" stroke-dasharray="1 3"/>'
            f"{_text(x + 3, TOP + 8, _short(label), size=11)}</g>"
        )
    for index, one in enumerate(series):
        style = SERIES_STYLES[index % len(SERIES_STYLES)]
        points = [
            (LEFT + plot_w * position, TOP + plot_h - plot_h * value / top)
            for position, value in zip(positions, one.values, strict=True)
        ]
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{style["stroke"]}" stroke-width="2"{dash}/>'
        )
        if len(points) <= 62:
            body.extend(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{style["stroke"]}">'
                f"<title>{escape(one.label)}, {escape(label)}: {number(value)}</title></circle>"
                for (x, y), label, value in zip(points, point_labels, one.values, strict=True)
            )
        legend_x, legend_y = LEFT + 290 * (index % 2), 12 + 16 * (index // 2)
        body.append(
            f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="{legend_y}" y2="{legend_y}" '
            f'stroke="{style["stroke"]}" stroke-width="2"{dash}/>'
        )
        body.append(_text(legend_x + 30, legend_y + 4, _short(one.label) if len(series) > 2 else one.label))
    return _svg(key, title, summary, WIDTH, HEIGHT, body)


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
        return _empty(key, title, summary, columns)
    first, last = days[0], days[-1]
    span = max((last - first).days, 1)

    def position(day: datetime.date) -> float:
        return (day - first).days / span if len(days) > 1 else 0.5

    labels = [display_date(day, "short") for day in days]
    axis = [(position(day), display_date(day, "short")) for day in {first, days[len(days) // 2], last}]
    shown = [
        (position(m.day), f"{m.label} ({display_date(m.day, 'short')})")
        for m in markers
        if first <= m.day <= last
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
    return Chart(key, title, summary, svg, columns, rows)


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
        return _empty(key, title, summary, columns)
    first, last = offsets[0], offsets[-1]
    span = max(last - first, 1)
    positions = [(offset - first) / span for offset in offsets]
    axis = [((offset - first) / span, f"{offset:+d}" if offset else "0") for offset in {first, 0, last}]
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
    return Chart(key, title, summary, svg, columns, rows)


# --- Bars --------------------------------------------------------------------------------------------------------
BAR_WIDTH, BAR_ROW, BAR_LABELS = 420, 24, 150


def bar_chart(
    *,
    key: str,
    title: str,
    summary: str,
    bars: Sequence[Bar],
    label: str,
    value_label: str,
    limit_label: str = "",
) -> Chart:
    """Horizontal bars, largest first; a bar with a ``limit`` is drawn inside an outline of that length."""
    columns = [Column(label), Column(value_label, "number")]
    if limit_label:
        columns.append(Column(limit_label, "number"))
    if any(bar.note for bar in bars):
        columns.append(Column(_("Note")))
    if not bars:
        return _empty(key, title, summary, columns)
    ordered = sorted(bars, key=lambda bar: (-bar.value, bar.label))
    top = max(max(bar.value, bar.limit or 0) for bar in ordered) or 1
    room = BAR_WIDTH - BAR_LABELS - 70
    body = []
    for index, bar in enumerate(ordered):
        y = 8 + index * BAR_ROW
        length = room * bar.value / top
        text = number(bar.value) if bar.limit is None else f"{number(bar.value)} / {number(bar.limit)}"
        body.append(f"<g><title>{escape(bar.label)}: {text}</title>")
        body.append(_text(BAR_LABELS - 6, y + 13, _short(bar.label), anchor="end"))
        if bar.limit:
            body.append(
                f'<rect x="{BAR_LABELS}" y="{y + 2}" width="{room * bar.limit / top:.1f}" height="14" '
                f'fill="none" stroke="{LIMIT}" stroke-dasharray="3 2"/>'
            )
        body.append(
            f'<rect x="{BAR_LABELS}" y="{y + 2}" width="{max(length, 1):.1f}" height="14" fill="{BAR}"/>'
        )
        body.append(_text(BAR_LABELS + max(length, room * (bar.limit or 0) / top) + 6, y + 13, text))
        body.append("</g>")
    height = 16 + len(ordered) * BAR_ROW
    rows = []
    for bar in ordered:
        row = [bar.label, bar.value]
        if limit_label:
            row.append(bar.limit)
        if len(columns) > len(row):
            row.append(bar.note)
        rows.append(row)
    return Chart(key, title, summary, _svg(key, title, summary, BAR_WIDTH, height, body), columns, rows)


# --- The tile map ------------------------------------------------------------------------------------------------
TILE, GAP = 30, 3


def _shade(value: int, top: int) -> str:
    if value <= 0:
        return NONE
    return SCALE[min(len(SCALE) - 1, (value * len(SCALE) - 1) // top)]


def province_map(*, key: str, title: str, summary: str, counts: dict[str, int], value_label: str) -> Chart:
    """Thailand's 77 provinces as equal squares, darker for more; the table lists them largest first.

    Counts for codes that are not a province (``outside-th``, an old code) are listed in the table only.
    """
    columns = [Column(_("Province")), Column(value_label, "number")]
    top = max(counts.values(), default=0) or 1
    names = provinces.names_in(None)
    body = []
    for code, (column, row) in TILES.items():
        value = counts.get(code, 0)
        x, y = 4 + column * (TILE + GAP), 4 + row * (TILE + GAP)
        body.append(
            f"<g><title>{escape(names.get(code, code))}: {number(value)}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3" fill="{_shade(value, top)}" '
            f'stroke="#fff"/></g>'
        )
    legend_y = 8 + ROWS * (TILE + GAP)
    body.append(_text(4, legend_y + 12, _("Fewer"), fill=MUTED))
    for index, colour in enumerate((NONE, *SCALE)):
        body.append(
            f'<rect x="{52 + index * 22}" y="{legend_y}" width="18" height="18" fill="{colour}" stroke="{GRID}"/>'
        )
    body.append(_text(52 + 6 * 22 + 4, legend_y + 12, _("More"), fill=MUTED))
    width = 8 + COLUMNS * (TILE + GAP)
    height = legend_y + 26
    rows = sorted(
        ((provinces.name(code), value) for code, value in counts.items() if value),
        key=lambda row: (-row[1], row[0]),
    )
    return Chart(
        key, title, summary, _svg(key, title, summary, width, height, body), columns, rows, listed=10
    )
