"""Draw a share card: a 1200 × 630 PNG with a page's title, one line about it (a count, a date), an optional
progress bar, the coalition's mark and name, in the site's colours.

Text is shaped by HarfBuzz through Pillow's Raqm layout engine, so Thai, Khmer and Burmese marks stack and
reorder as they should (``raqm_available`` says whether it is there; without it no card is drawn). Titles wrap
where ICU's line break iterator allows: between words, which it finds in Thai, Khmer and Burmese (written without
spaces) with a dictionary. A character a language's font lacks (a Thai name on a Burmese card) is drawn with the
first font in ``FALLBACK_FONTS`` that has it.

Nothing here knows about pages or Django: ``cards`` decides what to draw and when.
"""

import functools
import io
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import icu
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

from . import mark

WIDTH, HEIGHT = 1200, 630
DESIGN_VERSION = 1  # raise it when the layout changes, so every cached card is drawn again
MARGIN = 72
BAND_TOP = 520  # the dark band with the mark and the coalition's name
TITLE_SIZES = (68, 60, 52, 46, 40)  # the largest size at which the title fits in TITLE_LINES lines
TITLE_LINES = 3
LINE_ROOM = 96  # under the title: the line with its large figure...
BAR_ROOM = 50  # ...and the progress bar
LINE_SIZES = ((36, 64), (30, 52), (24, 40))  # the line's words and its figure, smaller if it would not fit
ELLIPSIS = "…"

TLWG = Path("/usr/share/fonts/truetype/tlwg")
KHMER = Path("/usr/share/fonts/truetype/khmeros")
PADAUK = Path("/usr/share/fonts/truetype/padauk")


@dataclass(frozen=True)
class Fonts:
    bold: Path
    regular: Path


LANGUAGE_FONTS = {
    "th": Fonts(TLWG / "Loma-Bold.ttf", TLWG / "Loma.ttf"),
    "en": Fonts(TLWG / "Garuda-Bold.ttf", TLWG / "Garuda.ttf"),
    "km": Fonts(KHMER / "KhmerOS.ttf", KHMER / "KhmerOS.ttf"),  # Khmer OS has no bold
    "my": Fonts(PADAUK / "Padauk-Bold.ttf", PADAUK / "Padauk-Regular.ttf"),
}
FALLBACK_FONTS = (LANGUAGE_FONTS["th"], LANGUAGE_FONTS["km"], LANGUAGE_FONTS["my"])

_STRONG = re.compile(r"<strong>(.*?)</strong>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_lock = threading.Lock()  # FreeType faces and ICU iterators are shared; cards are drawn rarely


@dataclass(frozen=True)
class CardContent:
    """What one card shows. ``line`` may mark its figure with ``<strong>``, as the site's count strings do."""

    title: str
    line: str = ""
    progress: float | None = None  # 0 to 1: a bar under the line
    organisation: str = ""
    host: str = ""
    language: str = "th"


def raqm_available() -> bool:
    """Whether Pillow lays text out with Raqm (HarfBuzz shaping, FriBiDi); without it Thai marks collide."""
    return bool(features.check("raqm"))


def missing_fonts() -> list[Path]:
    """The font files cards are drawn with that this server lacks (``bin/install-fonts`` installs them)."""
    paths = {path for fonts in LANGUAGE_FONTS.values() for path in (fonts.bold, fonts.regular)}
    return sorted(path for path in paths if not path.exists())


def draw_card(content: CardContent) -> bytes:
    """The card as PNG bytes. Raises ``OSError`` when a font cannot be read, ``RuntimeError`` without Raqm."""
    if not raqm_available():
        raise RuntimeError(
            "Pillow has no Raqm layout engine: Thai, Khmer and Burmese would be drawn unshaped."
        )
    with _lock:
        image = Image.new("RGB", (WIDTH, HEIGHT), mark.BRAND)
        draw = ImageDraw.Draw(image)
        writer = _Writer(draw, content.language)
        room = (
            BAND_TOP
            - 24
            - (LINE_ROOM if content.line else 0)
            - (BAR_ROOM if content.progress is not None else 0)
        )
        bottom = writer.title(content.title, top=MARGIN - 16, bottom=room)
        baseline = max(bottom + 64, 400 if content.progress is not None else 440)
        if content.line:
            writer.line(content.line, baseline=baseline)
        if content.progress is not None:
            _progress_bar(draw, content.progress, top=baseline + 34)
        _band(image, draw, writer, content)
        output = io.BytesIO()
        image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def plain_text(markup: str) -> str:
    """``<strong>1,234</strong> signatures`` as ``1,234 signatures``."""
    return _TAG.sub("", markup)


class _Writer:
    """Writes runs of text in the language's fonts, falling back per character, on one baseline."""

    def __init__(self, draw: ImageDraw.ImageDraw, language: str):
        self.draw = draw
        self.language = language if language in LANGUAGE_FONTS else "en"
        own = LANGUAGE_FONTS[self.language]
        self.chain = (own, *(fonts for fonts in FALLBACK_FONTS if fonts != own))

    def runs(self, text: str, *, bold: bool, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """``text`` cut where the font must change: each run with the first font that has its letters."""
        runs: list[list] = []
        for char in text:
            if runs and (unicodedata.category(char)[0] in "MZ" or _has(runs[-1][1], char)):
                runs[-1][0] += char  # marks and spaces stay with their letter's font
                continue
            path = next((fonts for fonts in self.chain if _has(_path(fonts, bold), char)), self.chain[0])
            path = _path(path, bold)
            if runs and runs[-1][1] == path:
                runs[-1][0] += char
            else:
                runs.append([char, path])
        return [(run, _font(path, size)) for run, path in runs]

    def width(self, text: str, *, bold: bool, size: int) -> float:
        return sum(
            font.getlength(run, language=self.language) for run, font in self.runs(text, bold=bold, size=size)
        )

    def write(self, x: float, baseline: float, text: str, *, bold: bool, size: int, fill: str) -> float:
        for run, font in self.runs(text, bold=bold, size=size):
            self.draw.text((x, baseline), run, font=font, fill=fill, anchor="ls", language=self.language)
            x += font.getlength(run, language=self.language)
        return x

    def line_height(self, *, bold: bool, size: int) -> int:
        ascent, descent = _font(_path(self.chain[0], bold), size).getmetrics()
        return round((ascent + descent) * 1.02)

    def title(self, title: str, *, top: int, bottom: int) -> int:
        """Write the title between ``top`` and ``bottom`` in at most ``TITLE_LINES`` lines, at the largest size
        that fits (shortened with an ellipsis at the smallest); return where it ends."""
        max_width = WIDTH - 2 * MARGIN
        for size in TITLE_SIZES:
            height = self.line_height(bold=True, size=size)
            fits = max(1, min(TITLE_LINES, (bottom - top) // height))
            measure = functools.partial(self.width, bold=True, size=size)
            lines = wrap(title, width=measure, max_width=max_width, language=self.language)
            if len(lines) <= fits:
                break
        else:
            lines = _shorten(lines, fits, max_width, measure)
        ascent, _descent = _font(_path(self.chain[0], True), size).getmetrics()
        baseline = top + ascent
        for text in lines:
            self.write(MARGIN, baseline, text, bold=True, size=size, fill=mark.WHITE)
            baseline += height
        return top + height * len(lines)

    def line(self, markup: str, *, baseline: int) -> None:
        """One line under the title; its ``<strong>`` part (the figure) large and in the accent colour. Smaller
        when a long translation would not fit the card's width."""
        pieces = _pieces_of_markup(markup)
        for small, large in LINE_SIZES:
            width = sum(
                self.width(text, bold=strong, size=large if strong else small) for text, strong in pieces
            )
            if width <= WIDTH - 2 * MARGIN:
                break
        x = MARGIN
        for text, strong in pieces:
            fill = mark.ACCENT if strong else mark.WHITE
            x = self.write(x, baseline, text, bold=strong, size=large if strong else small, fill=fill)


def _pieces_of_markup(markup: str) -> list[tuple[str, bool]]:
    """``a <strong>1</strong> b`` as ``[("a ", False), ("1", True), (" b", False)]``."""
    pieces, position = [], 0
    for found in _STRONG.finditer(markup):
        pieces += [(plain_text(markup[position : found.start()]), False), (plain_text(found.group(1)), True)]
        position = found.end()
    pieces.append((plain_text(markup[position:]), False))
    return [(text, strong) for text, strong in pieces if text]


def wrap(text: str, *, width, max_width: float, language: str) -> list[str]:
    """``text`` in lines no wider than ``max_width`` (as ``width(text)`` measures), broken where ICU's line
    break iterator allows; a word longer than a line is broken between its letters (grapheme clusters)."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(" ".join(text.split()), icu.BreakIterator.createLineInstance(icu.Locale(language))):
        candidate = current + piece
        if not current or width(candidate.rstrip()) <= max_width:
            current = candidate
        else:
            lines.append(current.rstrip())
            current = piece
        while width(current.rstrip()) > max_width and len(current) > 1:
            head, current = _split_long(current, width=width, max_width=max_width, language=language)
            lines.append(head)
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _split_long(text: str, *, width, max_width: float, language: str) -> tuple[str, str]:
    head = ""
    for cluster in _pieces(text, icu.BreakIterator.createCharacterInstance(icu.Locale(language))):
        if head and width(head + cluster) > max_width:
            break
        head += cluster
    return head, text[len(head) :]


def _shorten(lines: list[str], count: int, max_width: float, width) -> list[str]:
    """The first ``count`` lines, the last ending in an ellipsis that fits."""
    kept = lines[:count]
    last = kept[-1]
    while last and width(last + ELLIPSIS) > max_width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept


def _pieces(text: str, breaker) -> list[str]:
    """``text`` cut at each boundary ``breaker`` finds (ICU counts UTF-16 units; Python counts code points)."""
    units = []
    for index, char in enumerate(text):
        units.extend([index] * (2 if ord(char) >= 0x10000 else 1))
    units.append(len(text))
    breaker.setText(text)
    pieces, start = [], 0
    for end in breaker:
        pieces.append(text[units[start] : units[end]])
        start = end
    return [piece for piece in pieces if piece]


def _progress_bar(draw: ImageDraw.ImageDraw, progress: float, *, top: int) -> None:
    right = WIDTH - MARGIN
    draw.rounded_rectangle((MARGIN, top, right, top + 20), radius=10, fill=mark.BRAND_DARK)
    filled = MARGIN + (right - MARGIN) * min(max(progress, 0.0), 1.0)
    if filled - MARGIN >= 20:
        draw.rounded_rectangle((MARGIN, top, filled, top + 20), radius=10, fill=mark.ACCENT)


def _band(image: Image.Image, draw: ImageDraw.ImageDraw, writer: _Writer, content: CardContent) -> None:
    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=mark.BRAND_DARK)
    size = 64
    top = BAND_TOP + (HEIGHT - BAND_TOP - size) // 2
    logo = mark.mark_image(size)
    image.paste(logo, (MARGIN, top), logo)
    baseline = top + 46
    if content.organisation:
        writer.write(MARGIN + size + 24, baseline, content.organisation, bold=True, size=34, fill=mark.WHITE)
    if content.host:
        host_width = writer.width(content.host, bold=False, size=28)
        writer.write(WIDTH - MARGIN - host_width, baseline, content.host, bold=False, size=28, fill=mark.TINT)


def _path(fonts: Fonts, bold: bool) -> Path:
    return fonts.bold if bold else fonts.regular


@functools.lru_cache(maxsize=16)
def _characters(path: Path) -> frozenset[int]:
    return frozenset(TTFont(str(path), lazy=True).getBestCmap())


def _has(path: Path, char: str) -> bool:
    return ord(char) in _characters(path)


@functools.lru_cache(maxsize=64)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)
