"""Untranslated copies: what "Translate" leaves behind in a language as the parent of a new translation.

Asked to translate a page whose parent has no translation yet, Wagtail copies each missing parent into the new
language as an *alias* of the original: the same content, in the original's language, live whenever the
original is (Wagtail republishes aliases with their original). Such a copy is not a translation: nobody has
translated it. It is never served (404), linked from menus, offered by the language switcher and ``hreflang``,
or listed in the sitemap, until a translator translates it (wagtail-localize then turns it into a page of its
own). An alias within one language (the same page shown in two places) is served as usual.
"""

from django.db.models import F, Q
from wagtail.models import Page

# Pages that are not copies of a page in another language, for querysets (menus, the language switcher).
NOT_UNTRANSLATED = Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id"))


def is_untranslated_copy(page: Page) -> bool:
    """An alias of a page in another language (one query, only for aliases: rare)."""
    if not page.alias_of_id:
        return False
    return Page.objects.filter(pk=page.alias_of_id).exclude(locale_id=page.locale_id).exists()
