"""Charts as functions from rows to SVG drawn on the server: no JavaScript, nothing from another server.

Each function returns a ``Chart``: the SVG (``role="img"``, labelled by its own ``<title>`` and ``<desc>``),
the one-sentence summary shown beside it, and the rows of the data table and the CSV download. The caller
writes the summary, since only it knows what the figures are about; the SVG repeats it in ``<desc>``.

Colour is never the only carrier: lines differ by dash, tiles and bars carry their value in a ``<title>``,
and every figure is in the table.
"""

import datetime
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
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
# Approximate advance widths, as a share of the font size, of the sans-serif faces the admin uses: enough to keep a
# label inside its column without a font to measure with.
EMPTY_WIDTH = 300
NARROW, WIDE = frozenset(" .,:;'|!il()[]/-"), frozenset("mwMW@%")


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
    wide: bool = (
        False  # too wide to shrink onto a phone with its words readable: it scrolls in its own box there
    )

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
    values: Sequence[int | None]  # None: not yet known (a day still to come), and drawn as no point


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
        return display_day(value)
    return str(value)


def number(value: int) -> str:
    return f"{value:,}"


def display_day(value: datetime.date) -> str:
    """A day as the dashboard prints it, always day first: ``25 พ.ย. 2569`` in Thai, ``25 November 2026`` in
    English (the short English form of ``display_date`` is month first, which readers here misread)."""
    return display_date(value, "short" if get_language() == "th" else "long")


def _advance(character: str) -> float:
    if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
        return 0  # Thai vowels and tone marks above and below the line take no width
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return 1.0
    if character in NARROW:
        return 0.32
    if character in WIDE:
        return 0.9
    if "\u0e00" <= character <= "\u0e7f":
        return 0.68  # a Thai letter, in the Thai faces the admin falls back to
    return 0.72 if character.isupper() else 0.64 if character.isdigit() else 0.6


def text_width(text: str, size: int = 12) -> float:
    """About how wide ``text`` is drawn at ``size`` pixels (generous, so that what is judged to fit does)."""
    return size * sum(_advance(character) for character in text)


def fit(label: str, room: float, size: int = 12) -> str:
    """``label`` as it fits ``room`` pixels: whole, or cut at the end with an ellipsis. Marks take no width, so
    a Thai letter keeps the vowels and tone marks above and below it."""
    if text_width(label, size) <= room:
        return label
    room -= text_width("…", size)
    used, end = 0.0, 0
    for index, character in enumerate(label):
        used += _advance(character) * size
        if used > room:
            break
        end = index + 1
    return label[:end].rstrip() + "…"


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


def _svg(
    key: str, title: str, summary: str, width: int, height: int, body: list[str], *, wide: bool = False
) -> SafeString:
    ident = f"chart-{key}"
    classes = "advocacy-chart advocacy-chart--wide" if wide else "advocacy-chart"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" width="{width}" height="{height}" '
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
    body = [_text(EMPTY_WIDTH / 2, 50, _("Nothing to show for these filters."), anchor="middle", fill=MUTED)]
    return Chart(key, title, summary, _svg(key, title, summary, EMPTY_WIDTH, 90, body), columns, [])


# --- Lines over time -------------------------------------------------------------------------------------------
WIDTH, PLOT_HEIGHT = 640, 192
LEFT, RIGHT, BOTTOM = 56, 16, 36
LEGEND_ROW = 16
MARKER_ROOM = 220  # the most a key date's label runs beside its line


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
        body.append(_text(LEFT - 6, y + 4, number(value), anchor="end", fill=MUTED))
    for position, label in axis_labels:
        x = LEFT + plot_w * position
        anchor = "start" if position < 0.1 else "end" if position > 0.9 else "middle"
        body.append(_text(x, height - BOTTOM + 18, label, anchor=anchor, fill=MUTED))
    for position, label in markers:
        x = LEFT + plot_w * position
        after, before = WIDTH - RIGHT - x - 3, x - LEFT - 3
        side = (x + 3, "start", after) if after >= min(before, MARKER_ROOM) else (x - 3, "end", before)
        body.append(
            f'<g><title>{escape(label)}</title><line x1="{x:.1f}" x2="{x:.1f}" y1="{top_y - 14}" '
            f'y2="{top_y + plot_h}" stroke="{INK}" stroke-dasharray="1 3"/>'
            f"{_text(side[0], top_y - 4, fit(label, min(side[2], MARKER_ROOM), 11), anchor=side[1], size=11)}</g>"
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
            f"{_text(LEFT + 30, legend_y + 4, fit(one.label, WIDTH - RIGHT - LEFT - 30))}</g>"
        )
    return _svg(key, title, summary, WIDTH, height, body, wide=True)


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

    labels = [display_day(day) for day in days]
    axis = [(position(day), display_day(day)) for day in {first, days[len(days) // 2], last}]
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
    return Chart(key, title, summary, svg, columns, rows, wide=True)


# --- Bars --------------------------------------------------------------------------------------------------------
# Narrow enough to shrink onto a 360-pixel phone (about 300 pixels inside a panel) with words of 11 pixels.
BAR_WIDTH, BAR_ROW, BAR_LABELS = 320, 24, 140


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
    figures = [
        number(bar.value) if bar.limit is None else f"{number(bar.value)} / {number(bar.limit)}"
        for bar in ordered
    ]
    room = BAR_WIDTH - BAR_LABELS - 10 - max(text_width(text) for text in figures)
    body = []
    for index, (bar, text) in enumerate(zip(ordered, figures, strict=True)):
        y = 8 + index * BAR_ROW
        length = room * bar.value / top
        body.append(f"<g><title>{escape(bar.label)}: {text}</title>")
        body.append(_text(BAR_LABELS - 6, y + 13, fit(bar.label, BAR_LABELS - 10), anchor="end"))
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
    width = 8 + COLUMNS * (TILE + GAP)
    # The map shrinks onto a phone (to about 300 pixels): its few words are drawn larger to stay readable there.
    fewer, more = _("Fewer"), _("More")
    scale_x = 4 + round(text_width(fewer, 14)) + 6  # the scale starts where "Fewer" ends, in any language
    body.append(_text(4, legend_y + 14, fewer, fill=MUTED, size=14))
    for index, colour in enumerate((NONE, *SCALE)):
        body.append(
            f'<rect x="{scale_x + index * 22}" y="{legend_y}" width="18" height="18" fill="{colour}" '
            f'stroke="{GRID}"/>'
        )
    more_x = scale_x + 6 * 22 + 4
    body.append(_text(more_x, legend_y + 14, fit(more, width - more_x - 4, 14), fill=MUTED, size=14))
    height = legend_y + 26
    rows = sorted(
        ((provinces.name(code), value) for code, value in counts.items() if value),
        key=lambda row: (-row[1], row[0]),
    )
    return Chart(
        key, title, summary, _svg(key, title, summary, width, height, body), columns, rows, listed=10
    )
