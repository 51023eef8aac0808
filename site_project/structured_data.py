"""schema.org structured data (JSON-LD) for search engines: events on campaign pages, articles for stories."""

import datetime
import json

from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def json_ld(data: dict) -> str:
    """A schema.org data block. It is data, not script, so the strict Content-Security-Policy allows it."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  (escaped above)


def schema_date(value: datetime.date | datetime.datetime) -> str:
    """A date as schema.org reads it: a day as ``2025-11-25``; a moment with the site's offset,
    ``2025-11-25T16:00:00+07:00`` (a naive one is read as the site's local time), so that a search engine
    does not take a Bangkok evening for a London one."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).isoformat()
