"""How the charts write and measure words and figures: numbers grouped, days day first, and labels cut to fit.

There is no font on the server to measure with: widths are estimated generously from each character's kind.
"""

import datetime
import functools
import unicodedata

from django.utils.translation import get_language

from site_project.dates import display_date

# Approximate advance widths, as a share of the font size, of the sans-serif faces the admin uses: enough to keep a
# label inside its column without a font to measure with.
NARROW, WIDE = frozenset(" .,:;'|!il()[]/-"), frozenset("mwMW@%")


def number(value: int) -> str:
    return f"{value:,}"


def display_day(value: datetime.date) -> str:
    """A day as the dashboard prints it, always day first: ``25 พ.ย. 2569`` in Thai, ``25 November 2026`` in
    English (the short English form of ``display_date`` is month first, which readers here misread)."""
    return display_date(value, "short" if get_language() == "th" else "long")


@functools.cache  # a pure function of one character: a chart measures thousands of them, the same ones
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


@functools.lru_cache(
    maxsize=8192
)  # pure: the same labels (provinces, petitions, sources) come back each request
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
