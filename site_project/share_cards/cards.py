"""Which card a page has, where it is served, and the drawing kept in the cache.

A page offers a card by defining ``share_card_text() -> ShareCardText | None`` (petitions and campaigns do; this
package names no app). The card is drawn on its first request and kept under a key made of everything drawn
on it except the exact count: the title, the language, the coalition's name and address, and the page's own
``freshness`` (its count rounded to a step, its goal), so it is drawn again when the count moves past a step
or an editor changes the title, and otherwise served from the cache.

Drawing can fail (a font removed from the server, Pillow without Raqm): ``card_png`` then logs it and answers
``None``, and the view sends the editor's sharing image or the static default card instead of a 500.
"""

import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from ..public_url import absolute_url
from .drawing import DESIGN_VERSION, CardContent, draw_card, plain_text

logger = logging.getLogger(__name__)

CARD_SECONDS = 7 * 24 * 60 * 60  # a card not asked for in a week is dropped
DRAWING_SECONDS = 30  # while one process draws a card, the others serve the page's previous one


@dataclass(frozen=True)
class ShareCardText:
    """What a page puts on its card.

    ``line``: one line under the title, its figure marked ``<strong>`` (``<strong>1,234</strong> signatures of
    2,000``) or a date; ``progress``: 0 to 1 for a bar; ``freshness``: a short value that changes when the card
    must be drawn again (the count rounded to a step, the goal), never the exact count.
    """

    title: str
    line: str = ""
    progress: float | None = None
    freshness: str = ""
    alt: str = ""  # what the card shows, for og:image:alt; the title and line when empty


def count_step(goal: int) -> int:
    """The count is rounded to 1% of the goal (at least 1, at most 100) before it decides a card is stale."""
    return min(100, max(1, goal // 100))


def page_card(page, *, language: str = "") -> ShareCardText | None:
    """The page's card text in the page's language (``language``, when the caller knows it); ``None`` for a page
    that has no card."""
    describe = getattr(page, "share_card_text", None)
    if describe is None:
        return None
    with translation.override(language or page.locale.language_code):
        return describe()


def card_content(page, text: ShareCardText, *, organisation: str, language: str = "") -> CardContent:
    return CardContent(
        title=text.title,
        line=text.line,
        progress=text.progress,
        organisation=organisation,
        host=urlsplit(settings.PUBLIC_URL).hostname or "",
        language=language or page.locale.language_code,
    )


def card_version(page, text: ShareCardText, content: CardContent) -> str:
    """Short, and the same as long as the card need not be drawn again."""
    parts = (
        DESIGN_VERSION,
        page.pk,
        content.language,
        content.title,
        text.freshness,
        content.organisation,
        content.host,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def card_url(page, text: ShareCardText, *, organisation: str, language: str = "") -> str:
    """The card's absolute address, with its version, so that a link preview that kept an old card fetches the
    new one once the count has moved."""
    content = card_content(page, text, organisation=organisation, language=language)
    with translation.override(content.language):
        path = reverse("share_card", kwargs={"page_id": page.pk})
    return absolute_url(f"{path}?v={card_version(page, text, content)}")


def card_alt(text: ShareCardText) -> str:
    return text.alt or " · ".join(
        part for part in (text.title, " ".join(plain_text(text.line).split())) if part
    )


def card_png(page, text: ShareCardText, *, organisation: str, language: str = "") -> bytes | None:
    """The card as PNG bytes: from the cache, or drawn now and kept. ``None`` when it cannot be drawn."""
    content = card_content(page, text, organisation=organisation, language=language)
    key = f"share-card:{card_version(page, text, content)}"
    latest_key = f"share-card:latest:{page.pk}"
    png = cache.get(key)
    if png is not None:
        return png
    if not cache.add(f"{key}:drawing", True, DRAWING_SECONDS):
        previous = cache.get(latest_key)
        if previous is not None:
            return previous
    try:
        png = draw_card(content)
    except Exception:  # a missing font, no Raqm, a Pillow bug: a default card beats a 500
        logger.exception("The share card of page %s could not be drawn", page.pk)
        return None
    finally:
        cache.delete(f"{key}:drawing")
    cache.set_many({key: png, latest_key: png}, CARD_SECONDS)
    return png
