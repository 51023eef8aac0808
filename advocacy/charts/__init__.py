"""Charts as functions from rows to SVG drawn on the server: no JavaScript, nothing from another server.

Each function returns a ``Chart``: the SVG (``role="img"``, labelled by its own ``<title>`` and ``<desc>``),
the one-sentence summary shown beside it, and the rows of the data table and the CSV download. The caller
writes the summary, since only it knows what the figures are about; the SVG repeats it in ``<desc>``.

Colour is never the only carrier: lines differ by dash, tiles and bars carry their value in a ``<title>``,
and every figure is in the table.
"""

from .bars import bar_chart
from .labels import display_day, fit, number, text_width
from .lines import time_series, year_over_year
from .model import Bar, Chart, Column, Marker, Series
from .tile_map import province_map

__all__ = [
    "Bar",
    "Chart",
    "Column",
    "Marker",
    "Series",
    "bar_chart",
    "display_day",
    "fit",
    "number",
    "province_map",
    "text_width",
    "time_series",
    "year_over_year",
]
