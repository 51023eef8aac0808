"""Text of the signer annex shaped by HarfBuzz into PDF text operators, one font per script.

A string is split into script runs by Unicode block (Thai, Khmer, Myanmar; everything else is set in the Thai
font, which also has Latin). Spaces, digits, punctuation and joiners belong to the run around them. Each run
is shaped by HarfBuzz and written as one ``TJ`` array of two-byte glyph ids (the fonts are Identity-H): the PDF
viewer advances each glyph by its width in the font's ``W`` array, and the array's numbers move the pen to
where HarfBuzz put the glyph (kerning, marks' x offsets); a mark raised or lowered by HarfBuzz is drawn with a
text rise (``Ts``). So Thai tone marks, Khmer subscripts and Burmese medials sit where the font's own rules
put them.

Every glyph drawn is recorded with the text it stands for, from HarfBuzz's clusters (at character level, so
a mark is its own cluster) and the font's own glyph for each character: the ToUnicode CMap is built from that.
A glyph id maps to one text only; a cell whose glyphs do not give back its characters one for one and in order
(Burmese pre-base vowels, Khmer subscripts, Thai sara am, a mark moved over its base, a glyph the font lacks)
is flagged so the writer wraps it in ``/ActualText``, and ``pdftotext`` gives back the name exactly as typed.
"""

import functools
import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb
from fontTools import subset
from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype")
# Each script's font, best first: the first one installed is used.
FONT_FILES = {
    "thai": (FONT_DIR / "tlwg" / "Garuda.ttf", FONT_DIR / "tlwg" / "Loma.ttf"),
    "khmer": (FONT_DIR / "khmeros" / "KhmerOS.ttf", FONT_DIR / "khmeros" / "KhmerOSsys.ttf"),
    "myanmar": (FONT_DIR / "padauk" / "Padauk-Regular.ttf", FONT_DIR / "padauk" / "PadaukBook-Regular.ttf"),
}
LATIN = "latin"  # Latin letters, and anything without a font of its own, are set in the Thai font
# Tables a PDF viewer does not read once text is shaped: HarfBuzz's layout, Graphite, FontForge's time stamp.
UNUSED_TABLES = ["GSUB", "GPOS", "GDEF", "kern", "Silf", "Glat", "Gloc", "Feat", "Sill", "FFTM", "post"]
CACHE_SIZE = 4096  # shaped cells kept: every province label, and the most recent names


def script_of(char: str) -> str | None:
    """The font a character needs, or None for one that takes its neighbours' (space, digit, mark, joiner)."""
    code = ord(char)
    if 0x0E00 <= code <= 0x0E7F:
        return "thai"
    if 0x1780 <= code <= 0x17FF or 0x19E0 <= code <= 0x19FF:
        return "khmer"
    if 0x1000 <= code <= 0x109F or 0xA9E0 <= code <= 0xA9FF or 0xAA60 <= code <= 0xAA7F:
        return "myanmar"
    if code < 0x80:
        return LATIN if char.isalpha() else None
    if unicodedata.category(char)[0] in "LS":  # another script's letter, or a symbol: no font of ours has it
        return LATIN
    return None  # combining marks, joiners, spaces, punctuation


# A string in one script with only spaces, digits, ASCII punctuation and joiners besides: one run, no loop.
_NEUTRAL = r"\x20-\x40\x5b-\x60\x7b-\x7e\u200b-\u200d"
_ONE_SCRIPT = {
    script: re.compile(f"[{block}{_NEUTRAL}]*")
    for script, block in (
        ("thai", r"\u0e00-\u0e7f"),
        ("khmer", r"\u1780-\u17ff\u19e0-\u19ff"),
        ("myanmar", r"\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"),
    )
}


def script_runs(text: str) -> Iterator[tuple[str, str]]:
    """(script, substring) runs covering ``text``; neutral characters join the run before them (or after)."""
    if not text:
        return
    if text.isascii():
        yield LATIN, text
        return
    for script, pattern in _ONE_SCRIPT.items():
        if pattern.fullmatch(text):
            yield script, text
            return
    start, current = 0, None
    for index, char in enumerate(text):
        script = script_of(char)
        if script is None or script == current:
            continue
        if current is None:
            current = script
            continue
        yield current, text[start:index]
        start, current = index, script
    if text:
        yield current or LATIN, text[start:]


class Cell(NamedTuple):
    """A shaped string: its text operators (after ``Tm``), its width in points, and whether it needs
    ``/ActualText`` to be read back."""

    ops: bytes
    width: float
    actual_text: bool


class Font:
    """One font file: HarfBuzz's handle, the glyph widths, and the glyphs drawn with the text they stand for."""

    def __init__(self, key: str, resource: str):
        self.key, self.resource = key, resource
        self.path = next((path for path in FONT_FILES[key] if path.exists()), FONT_FILES[key][0])
        self.data = self.path.read_bytes()
        face = hb.Face(hb.Blob(self.data))
        self.hb_font = hb.Font(face)
        self.upem = face.upem
        font = TTFont(self.path, lazy=True)
        metrics = font["hmtx"].metrics
        self.advances = [metrics[name][0] for name in font.getGlyphOrder()]
        head, hhea = font["head"], font["hhea"]
        self.name = font["name"].getDebugName(6) or self.path.stem
        self.bbox = [
            round(value * 1000 / self.upem) for value in (head.xMin, head.yMin, head.xMax, head.yMax)
        ]
        self.ascent = round(hhea.ascent * 1000 / self.upem)
        self.descent = round(hhea.descent * 1000 / self.upem)
        gids = {glyph_name: gid for gid, glyph_name in enumerate(font.getGlyphOrder())}
        self.cmap = {
            code: gids[glyph_name] for code, glyph_name in font.getBestCmap().items()
        }  # char -> glyph
        font.close()
        self.to_unicode: dict[int, str] = {}  # glyph id -> the text it was first drawn for
        self.hexes = [b"%04X" % gid for gid in range(len(self.advances))]

    def record(self, gid: int, text: str) -> bool:
        """Note that ``gid`` was drawn for ``text``; False if it already stands for another text.

        A glyph drawn for nothing (the second glyph of a cluster, inside ``/ActualText``) takes the first text
        it is later drawn for alone."""
        known = self.to_unicode.get(gid)
        if not known:
            self.to_unicode[gid] = text
            return gid != 0 or not text
        return known == text and gid != 0

    def embedded(self) -> bytes:
        """The font file to embed: the glyphs drawn, at their own ids (the pages name glyphs by id), or the whole
        file if fontTools cannot subset it."""
        options = subset.Options()
        options.retain_gids = True
        options.notdef_outline = True
        options.layout_features = []
        options.name_IDs = ["*"]
        options.drop_tables += UNUSED_TABLES
        font = TTFont(io.BytesIO(self.data))
        subsetter = subset.Subsetter(options)
        subsetter.populate(gids=sorted({0, *self.to_unicode}))
        try:
            subsetter.subset(font)
        except subset.Subsetter.SubsettingError:
            return self.data
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()

    def width(self, gid: int) -> int:
        """The glyph's advance in thousandths of an em (the ``W`` array's unit)."""
        return round(self.advances[gid] * 1000 / self.upem) if gid < len(self.advances) else 0


def glyph_texts(font: Font, text: str, infos: list) -> list[str]:
    """The text each glyph stands for, when glyphs and characters do not pair off in order: within a cluster,
    a glyph that is a character's own glyph stands for it; the first other glyph takes the characters left
    (Thai sara am split into nikhahit and sara aa, a Khmer subscript); further glyphs stand for nothing."""
    starts = sorted({info.cluster for info in infos})
    end_of = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    texts: list[str | None] = [None] * len(infos)
    members: dict[int, list[int]] = {}
    for index, info in enumerate(infos):
        members.setdefault(info.cluster, []).append(index)
    for cluster, indexes in members.items():
        remaining = list(text[cluster : end_of[cluster]])
        for index in indexes:
            own = next(
                (char for char in remaining if font.cmap.get(ord(char)) == infos[index].codepoint), None
            )
            if own is not None:
                remaining.remove(own)
                texts[index] = own
        left = "".join(remaining)
        for index in indexes:
            if texts[index] is None:
                texts[index], left = left, ""
        if left:  # every glyph was some character's own, and characters are left: the last glyph takes them
            texts[indexes[-1]] += left
    return [glyph_text or "" for glyph_text in texts]


def _number(value: float) -> bytes:
    return str(round(value)).encode()


class Shaper:
    """Shapes strings for one document. Its fonts collect the glyphs used; ``shape`` keeps a bounded cache."""

    def __init__(self):
        self.fonts = {
            "thai": Font("thai", "F1"),
            "khmer": Font("khmer", "F2"),
            "myanmar": Font("myanmar", "F3"),
        }
        self.fonts[LATIN] = self.fonts["thai"]
        self.shape = functools.lru_cache(maxsize=CACHE_SIZE)(self._shape)
        self._digits = self._digit_glyphs()

    def _digit_glyphs(self) -> dict[str, tuple[bytes, int]]:
        """ASCII digits as (glyph id in hex, advance in font units): row and page numbers skip HarfBuzz."""
        font, digits = self.fonts[LATIN], {}
        for digit in "0123456789":
            buffer = hb.Buffer()
            buffer.add_str(digit)
            buffer.guess_segment_properties()
            hb.shape(font.hb_font, buffer, {})
            gid = buffer.glyph_infos[0].codepoint
            font.record(gid, digit)
            digits[digit] = (b"%04X" % gid, buffer.glyph_positions[0].x_advance)
        return digits

    def used_fonts(self) -> list[Font]:
        return [font for key, font in self.fonts.items() if key != LATIN and font.to_unicode]

    def number(self, value: int, size: float) -> Cell:
        """A whole number in the Latin font, without HarfBuzz (digits neither kern nor combine here)."""
        font, digits = self.fonts[LATIN], self._digits
        glyphs = [digits[digit] for digit in str(value)]
        ops = b"/%s %s Tf[<%s>]TJ" % (
            font.resource.encode(),
            _number(size),
            b"".join(hexa for hexa, _ in glyphs),
        )
        return Cell(ops, sum(advance for _, advance in glyphs) * size / font.upem, False)

    def _shape(self, text: str, size: float) -> Cell:
        parts, width, actual = [], 0.0, False
        for script, run in script_runs(text):
            ops, run_width, run_actual = self._shape_run(self.fonts[script], run, size)
            parts.append(ops)
            width += run_width
            actual = actual or run_actual
        return Cell(b"".join(parts), width, actual)

    def _shape_run(self, font: Font, text: str, size: float) -> tuple[bytes, float, bool]:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS  # a mark keeps its own cluster
        hb.shape(font.hb_font, buffer, {})
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
        clusters = [info.cluster for info in infos]
        one_to_one = clusters == list(range(len(text)))
        texts = list(text) if one_to_one else glyph_texts(font, text, infos)
        scale, rise_scale = 1000 / font.upem, size / font.upem
        out = [b"/%s %s Tf[<" % (font.resource.encode(), _number(size))]
        exact, units = one_to_one, 0
        advances, hexes, to_unicode = font.advances, font.hexes, font.to_unicode
        pending = 0.0  # a pen move (thousandths of an em) not yet written
        for info, position, glyph_text in zip(infos, positions, texts, strict=True):
            gid = info.codepoint
            known = to_unicode.get(gid)  # Font.record, inlined: this loop runs for every glyph of the annex
            if not known:
                to_unicode[gid] = glyph_text
                exact = exact and (gid != 0 or not glyph_text)
            elif known != glyph_text or not gid:
                exact = False
            x_offset, y_offset, advance = position.x_offset, position.y_offset, position.x_advance
            units += advance
            if x_offset:  # a mark moved over its base: text extraction would see a gap, so /ActualText
                pending -= x_offset * scale
                exact = False
            if pending and round(pending):
                out.append(b">%d<" % round(pending))
            pending = 0.0
            if y_offset:
                exact = False
                out.append(b">]TJ %.2f Ts[<%s>]TJ 0 Ts[<" % (y_offset * rise_scale, hexes[gid]))
            else:
                out.append(hexes[gid])
            shift = advances[gid] + x_offset - advance
            if shift:
                pending = shift * scale
        if round(pending):
            out.append(b">%s<" % _number(pending))
        out.append(b">]TJ")
        return b"".join(out).replace(b"<>", b""), units * size / font.upem, not exact
