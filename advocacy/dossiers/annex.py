"""The signer annex of a delivery dossier: every signer's name and province, numbered, as a PDF written page by
page.

The annex of a 500,000-signature petition is 10,000 pages. An HTML-to-PDF engine holds the whole document and
takes half an hour for that here, so the annex is written by its own small writer: each page's text is shaped
by HarfBuzz (``annex_shaping``) and written out with its content stream as soon as its 50 rows are in
(``annex_pdf``); only byte offsets, object numbers and the glyphs used stay in memory, and the fonts, the page
tree and the cross-reference table come at the end. Province labels and other repeated strings are shaped once
(a bounded cache).

``write_annex(rows=..., out=..., heading=..., language=...)`` takes (name, province label) pairs in any of the
site's scripts, in the order to number them, and any binary file open for writing.
"""

from collections.abc import Iterable
from typing import BinaryIO, NamedTuple

from django.utils import translation
from django.utils.translation import pgettext

from .annex_pdf import PdfWriter, pdf_text
from .annex_shaping import Cell, Shaper

PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89  # A4 in points
MARGIN = 42.0
ROWS_PER_PAGE = 50
LINE_HEIGHT = 14.4
BODY_SIZE = 9.0
HEADING_SIZE = 11.0
HEADING_BASELINE = PAGE_HEIGHT - 48
COLUMN_HEADS_BASELINE = HEADING_BASELINE - 26
FIRST_ROW_BASELINE = COLUMN_HEADS_BASELINE - 20
NUMBER_RIGHT = MARGIN + 40  # row numbers are right-aligned on this edge
NAME_LEFT = NUMBER_RIGHT + 12
PROVINCE_LEFT = NAME_LEFT + 290
RIGHT = PAGE_WIDTH - MARGIN
CONTROL_CHARACTERS = dict.fromkeys([*range(32), 127], " ")


def write_annex(rows: Iterable[tuple[str, str]], out: BinaryIO, *, heading: str, language: str) -> int:
    """Write the annex of ``rows`` (signer's name, province label) to ``out`` as a PDF; returns its page count.

    ``heading`` (the petition's title) runs at the top of every page with the page number; the column heads
    are in ``language``. No rows gives one page that says so. Characters no font has are drawn as empty boxes
    but are still in the text a reader copies.
    """
    with translation.override(language):
        labels = Labels(
            number=pgettext("signer annex column", "No."),
            name=pgettext("signer annex column", "Name"),
            province=pgettext("signer annex column", "Province"),
            page=pgettext("signer annex", "Page %(number)s"),
            empty=pgettext("signer annex", "No one has signed."),
        )
    annex = _Annex(out, heading=_clean(heading), labels=labels)
    page_rows: list[tuple[int, str, str]] = []
    for number, (name, province) in enumerate(rows, start=1):
        page_rows.append((number, name, province))
        if len(page_rows) == ROWS_PER_PAGE:
            annex.add_page(page_rows)
            page_rows = []
    if page_rows or not annex.pdf.page_count:
        annex.add_page(page_rows)
    annex.finish()
    return annex.pdf.page_count


class Labels(NamedTuple):
    number: str
    name: str
    province: str
    page: str
    empty: str


def _clean(text: str | None) -> str:
    return (text or "").translate(CONTROL_CHARACTERS).strip()


class _Annex:
    def __init__(self, out: BinaryIO, *, heading: str, labels: Labels):
        self.heading, self.labels = heading, labels
        self.shaper = Shaper()
        self.pdf = PdfWriter(out)
        self.frame = self._frame()

    def _frame(self) -> bytes:
        """What every page has besides its rows: the rules and the column heads (shaped once)."""
        rule_heading, rule_heads = HEADING_BASELINE - 8, COLUMN_HEADS_BASELINE - 5
        rules = b"q 0.6 w 0.4 G %.2f %.2f m %.2f %.2f l S %.2f %.2f m %.2f %.2f l S Q\n" % (
            MARGIN,
            rule_heading,
            RIGHT,
            rule_heading,
            MARGIN,
            rule_heads,
            RIGHT,
            rule_heads,
        )
        shape, labels = self.shaper.shape, self.labels
        number = shape(labels.number, BODY_SIZE)
        heads = (
            _place(number, labels.number, NUMBER_RIGHT - number.width, COLUMN_HEADS_BASELINE)
            + _place(shape(labels.name, BODY_SIZE), labels.name, NAME_LEFT, COLUMN_HEADS_BASELINE)
            + _place(shape(labels.province, BODY_SIZE), labels.province, PROVINCE_LEFT, COLUMN_HEADS_BASELINE)
        )
        return rules + b"BT\n" + heads

    def add_page(self, rows: list[tuple[int, str, str]]) -> None:
        shape, number_of = self.shaper.shape, self.shaper.number
        page_label = self.labels.page % {"number": self.pdf.page_count + 1}
        label = shape(page_label, BODY_SIZE)
        heading = shape(self.heading, HEADING_SIZE)
        parts = [
            self.frame,
            _place(label, page_label, RIGHT - label.width, HEADING_BASELINE),
            _place(heading, self.heading, MARGIN, HEADING_BASELINE, RIGHT - label.width - 12 - MARGIN),
        ]
        y = FIRST_ROW_BASELINE
        for number, name, province in rows:
            number_cell = number_of(number, BODY_SIZE)
            name, province = _clean(name), _clean(province)
            parts.append(_place(number_cell, str(number), NUMBER_RIGHT - number_cell.width, y))
            parts.append(_place(shape(name, BODY_SIZE), name, NAME_LEFT, y, PROVINCE_LEFT - NAME_LEFT - 10))
            parts.append(
                _place(shape(province, BODY_SIZE), province, PROVINCE_LEFT, y, RIGHT - PROVINCE_LEFT)
            )
            y -= LINE_HEIGHT
        if not rows:
            parts.append(_place(shape(self.labels.empty, BODY_SIZE), self.labels.empty, NAME_LEFT, y))
        parts.append(b"ET\n")
        self.pdf.add_page(b"".join(parts))

    def finish(self) -> None:
        self.pdf.finish(self.shaper.used_fonts(), width=PAGE_WIDTH, height=PAGE_HEIGHT, title=self.heading)


def _place(cell: Cell, text: str, x: float, y: float, max_width: float | None = None) -> bytes:
    """A shaped cell at (x, y), squeezed to ``max_width`` if wider, with its text as ``/ActualText`` if its
    glyphs alone would not give it back."""
    if not cell.ops:
        return b""
    ops = cell.ops
    if max_width is not None and cell.width > max_width:
        ops = b"%.1f Tz %s 100 Tz" % (100 * max_width / cell.width, ops)
    if cell.actual_text:
        ops = b"/Span<</ActualText%s>>BDC %s EMC" % (pdf_text(text), ops)
    return b"1 0 0 1 %.2f %.2f Tm %s\n" % (x, y, ops)
