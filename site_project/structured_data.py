"""schema.org structured data (JSON-LD) for search engines: events on campaign pages, articles for stories."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def json_ld(data: dict) -> str:
    """A schema.org data block. It is data, not script, so the strict Content-Security-Policy allows it."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  (escaped above)
