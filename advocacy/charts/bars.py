"""Horizontal bars, largest first, each with its figure and, where it has one, the limit it fills."""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.translation import gettext as _

from .labels import fit, number, text_width
from .model import Bar, Chart, Column
from .svg import BAR, LIMIT, empty_chart, svg_document, svg_text

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
        return empty_chart(key, title, summary, columns)
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
        body.append(svg_text(BAR_LABELS - 6, y + 13, fit(bar.label, BAR_LABELS - 10), anchor="end"))
        if bar.limit:
            body.append(
                f'<rect x="{BAR_LABELS}" y="{y + 2}" width="{room * bar.limit / top:.1f}" height="14" '
                f'fill="none" stroke="{LIMIT}" stroke-dasharray="3 2"/>'
            )
        body.append(
            f'<rect x="{BAR_LABELS}" y="{y + 2}" width="{max(length, 1):.1f}" height="14" fill="{BAR}"/>'
        )
        body.append(svg_text(BAR_LABELS + max(length, room * (bar.limit or 0) / top) + 6, y + 13, text))
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
    return Chart(
        key, title, summary, svg_document(key, title, summary, BAR_WIDTH, height, body), columns, rows
    )
