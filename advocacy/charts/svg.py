"""The SVG every chart is drawn in: the palette, the labelled ``<svg>`` element, text, and the empty chart."""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .model import Chart, Column

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
EMPTY_WIDTH = 300


def svg_document(
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


def svg_text(
    x: float, y: float, content: str, *, anchor: str = "start", fill: str = INK, size: int = 12
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}">'
        f"{escape(content)}</text>"
    )


def empty_chart(key: str, title: str, summary: str, columns: Sequence[Column]) -> Chart:
    body = [
        svg_text(EMPTY_WIDTH / 2, 50, _("Nothing to show for these filters."), anchor="middle", fill=MUTED)
    ]
    return Chart(key, title, summary, svg_document(key, title, summary, EMPTY_WIDTH, 90, body), columns, [])
