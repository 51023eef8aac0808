"""Share cards: the picture a link preview shows (``og:image``), drawn per page and language.

- ``drawing``: the 1200 × 630 PNG, its text shaped by Raqm and wrapped where ICU finds word boundaries;
- ``mark``: the coalition's mark, shared with the favicon;
- ``cards``: which pages have a card (``share_card_text()``), its address and version, the cached drawing;
- ``views``: ``/<language>/share-card/<page id>.png``.
"""

from .cards import ShareCardText, card_alt, card_url, count_step, page_card

__all__ = ["ShareCardText", "card_alt", "card_url", "count_step", "page_card"]
