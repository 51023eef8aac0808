"""Thailand's 77 provinces as a tile map: one equal square each, darker for more."""

from django.utils.html import escape
from django.utils.translation import gettext as _

from site_project import provinces

from .labels import fit, number, text_width
from .model import Chart, Column
from .provinces_grid import COLUMNS, ROWS, TILES
from .svg import GRID, MUTED, NONE, SCALE, svg_document, svg_text

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
    body.append(svg_text(4, legend_y + 14, fewer, fill=MUTED, size=14))
    for index, colour in enumerate((NONE, *SCALE)):
        body.append(
            f'<rect x="{scale_x + index * 22}" y="{legend_y}" width="18" height="18" fill="{colour}" '
            f'stroke="{GRID}"/>'
        )
    more_x = scale_x + 6 * 22 + 4
    body.append(svg_text(more_x, legend_y + 14, fit(more, width - more_x - 4, 14), fill=MUTED, size=14))
    height = legend_y + 26
    rows = sorted(
        ((provinces.name(code), value) for code, value in counts.items() if value),
        key=lambda row: (-row[1], row[0]),
    )
    return Chart(
        key, title, summary, svg_document(key, title, summary, width, height, body), columns, rows, listed=10
    )
