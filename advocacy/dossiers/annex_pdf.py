"""A PDF written front to back to any binary file, for documents of thousands of pages in flat memory.

The writer counts the bytes it writes (the file need not be seekable) and keeps only each object's byte
offset. Object numbers can be reserved before the object is written, so pages point to a page-tree node and
to the shared resources that are written at the end, once every glyph used is known. Pages hang from nodes of
up to ``PAGES_PER_NODE`` pages under the root, so no single object lists 10,000 pages.

Fonts are embedded once each as a Type 0 font with a CIDFontType2 descendant (Identity-H, glyph ids as
character codes), the TrueType file cut down to the glyphs drawn as ``FontFile2``, a ``W`` array of the glyphs drawn and a ToUnicode CMap
from the glyphs to the text they were drawn for.
"""

import zlib
from typing import BinaryIO

from .annex_shaping import Font

PAGES_PER_NODE = 64
COMPRESSION = 6


def pdf_text(text: str) -> bytes:
    """A text string as UTF-16BE hex with its byte order mark: ``<FEFF...>``."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def name(text: str) -> bytes:
    """A PDF name from a font's name: only ASCII letters, digits, hyphens."""
    clean = "".join(char for char in text if char.isascii() and (char.isalnum() or char == "-"))
    return (clean or "Font").encode()


class PdfWriter:
    def __init__(self, out: BinaryIO):
        self.out = out
        self.position = 0
        self.offsets: dict[int, int] = {}
        self.last_number = 0
        self.root_node = self.reserve()
        self.resources = self.reserve()
        self.nodes: list[tuple[int, list[int]]] = []  # (node object, its pages' objects): a few ints a page
        self.page_count = 0
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def reserve(self) -> int:
        self.last_number += 1
        return self.last_number

    def write_object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def write_stream(self, number: int, data: bytes, extra: bytes = b"", *, compress: bool = True) -> None:
        if compress:
            data, extra = zlib.compress(data, COMPRESSION), extra + b"/Filter/FlateDecode"
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n<<%s/Length %d>>\nstream\n" % (number, extra, len(data)))
        self._write(data)
        self._write(b"\nendstream\nendobj\n")

    def add_page(self, content: bytes) -> int:
        """Write one page with its content stream; returns its page number (from 1)."""
        if not self.nodes or len(self.nodes[-1][1]) == PAGES_PER_NODE:
            self.nodes.append((self.reserve(), []))
        node, pages = self.nodes[-1]
        page, contents = self.reserve(), self.reserve()
        self.write_object(page, b"<</Type/Page/Parent %d 0 R/Contents %d 0 R>>" % (node, contents))
        self.write_stream(contents, content)
        pages.append(page)
        self.page_count += 1
        return self.page_count

    def finish(self, fonts: list[Font], *, width: float, height: float, title: str) -> None:
        """Fonts, resources, the page tree, the catalogue, the cross-reference table and the trailer."""
        resources = b"".join(
            b"/%s %d 0 R" % (font.resource.encode(), self.write_font(font)) for font in fonts
        )
        self.write_object(self.resources, b"<</Font<<%s>>/ProcSet[/PDF/Text]>>" % resources)
        for node, pages in self.nodes:
            kids = b" ".join(b"%d 0 R" % page for page in pages)
            self.write_object(
                node, b"<</Type/Pages/Parent %d 0 R/Kids[%s]/Count %d>>" % (self.root_node, kids, len(pages))
            )
        kids = b" ".join(b"%d 0 R" % node for node, _ in self.nodes)
        self.write_object(
            self.root_node,
            b"<</Type/Pages/Kids[%s]/Count %d/MediaBox[0 0 %.2f %.2f]/Resources %d 0 R>>"
            % (kids, self.page_count, width, height, self.resources),
        )
        info, catalog = self.reserve(), self.reserve()
        self.write_object(info, b"<</Title%s/Producer(Phakhi)>>" % pdf_text(title))
        self.write_object(catalog, b"<</Type/Catalog/Pages %d 0 R>>" % self.root_node)
        xref = self.position
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % (self.last_number + 1)]
        for number in range(1, self.last_number + 1):
            offset = self.offsets.get(number)
            lines.append(b"%010d 00000 n \n" % offset if offset is not None else b"0000000000 65535 f \n")
        self._write(b"".join(lines))
        self._write(
            b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n"
            % (self.last_number + 1, catalog, info, xref)
        )

    def write_font(self, font: Font) -> int:
        """Embed ``font`` with the glyphs it drew; returns the Type 0 font's object number."""
        type0, cid_font, descriptor, font_file, cmap = (self.reserve() for _ in range(5))
        base = b"/" + name(font.name)
        data = font.embedded()
        self.write_stream(font_file, data, b"/Length1 %d" % len(data))
        bbox = b" ".join(b"%d" % value for value in font.bbox)
        self.write_object(
            descriptor,
            b"<</Type/FontDescriptor/FontName%s/Flags 4/FontBBox[%s]/ItalicAngle 0/Ascent %d/Descent %d"
            b"/CapHeight %d/StemV 80/FontFile2 %d 0 R>>"
            % (base, bbox, font.ascent, font.descent, font.ascent, font_file),
        )
        self.write_object(
            cid_font,
            b"<</Type/Font/Subtype/CIDFontType2/BaseFont%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)"
            b"/Supplement 0>>/FontDescriptor %d 0 R/DW 0/W[%s]/CIDToGIDMap/Identity>>"
            % (base, descriptor, widths_array(font)),
        )
        self.write_stream(cmap, to_unicode_cmap(font.to_unicode))
        self.write_object(
            type0,
            b"<</Type/Font/Subtype/Type0/BaseFont%s/Encoding/Identity-H/DescendantFonts[%d 0 R]"
            b"/ToUnicode %d 0 R>>" % (base, cid_font, cmap),
        )
        return type0


def widths_array(font: Font) -> bytes:
    """``W`` entries for the glyphs drawn, consecutive ids grouped: ``3[340] 217[551 600]``."""
    parts, run_start, run = [], None, []
    for gid in sorted(font.to_unicode):
        if run and gid == run_start + len(run):
            run.append(font.width(gid))
            continue
        if run:
            parts.append(b"%d[%s]" % (run_start, b" ".join(b"%d" % width for width in run)))
        run_start, run = gid, [font.width(gid)]
    if run:
        parts.append(b"%d[%s]" % (run_start, b" ".join(b"%d" % width for width in run)))
    return b" ".join(parts)


def to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap from glyph ids to the text each was drawn for (glyphs that stand for nothing left out)."""
    entries = [
        b"<%04X><%s>" % (gid, text.encode("utf-16-be").hex().upper().encode())
        for gid, text in sorted(mapping.items())
        if text
    ]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks.append(b"%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), b"\n".join(chunk)))
    return (
        b"/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"
        b"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"
        b"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n"
        + b"".join(blocks)
        + b"endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n"
    )
