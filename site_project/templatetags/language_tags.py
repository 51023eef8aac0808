"""The ``lang`` attribute for text shown in a language other than the page's.

A page, snippet or other translatable object shown on a page in another language (a related campaign not yet
translated, falling back to the Thai one) prints ``{{ campaign|lang_attr:page }}`` inside its element's tag,
which gives `` lang="th"`` then and nothing when the object is in the page's language (without a query).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def lang_attr(obj, page) -> str:
    """`` lang="…"`` when ``obj`` is in another locale than ``page``, else an empty string."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None or locale_id == getattr(page, "locale_id", None):
        return ""
    return format_html(' lang="{}"', obj.locale.language_code)
