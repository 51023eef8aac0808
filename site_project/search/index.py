"""Keeping the index in step with what is live: index one page, forget one, rebuild them all."""

from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Page

from . import fulltext, registry, text
from .models import SearchEntry


def page_text(page: Page, page_type: registry.PageType) -> str:
    """What a reader sees on the page besides its title: its description, every field in its ``search_fields``
    (StreamField blocks through their searchable content), and the registration's ``extra_text``; no markup."""
    parts = [page.search_description or ""]
    for search_field in page.get_search_fields():
        name = getattr(search_field, "field_name", "")
        if name in {"title", "search_description"} or not hasattr(search_field, "boost"):
            continue  # the title is indexed on its own; filter and related fields are not text
        try:
            model_field = page._meta.get_field(name)
        except Exception:  # noqa: BLE001  (a method or a property: read it as an attribute)
            model_field = None
        value = getattr(page, name, "")
        if callable(value):
            value = value()
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            parts.extend(str(item) for item in model_field.get_searchable_content(value))
        elif value:
            parts.append(str(value))
    if page_type.extra_text is not None:
        parts.append(page_type.extra_text(page))
    return strip_tags(" ".join(parts))


def _keys(normalised: str, language: str) -> list[str]:
    return [key for _start, _end, key in text.words(normalised, language)]


def index_page(page: Page) -> None:
    """Index ``page`` if it is live and of a registered type; forget it if it is no longer live."""
    page_type = registry.page_type_of(page)
    if page_type is None:
        return
    page = page.specific
    if not page.live:
        forget_page(page)
        return
    language = page.locale.language_code
    title = text.normalise(page.title)
    body = text.normalise(page_text(page, page_type))
    title_keys = _keys(title, language)
    kind_keys = _keys(text.normalise(page_type.kind_in(language)), language)
    body_keys = _keys(body, language)
    with transaction.atomic():
        SearchEntry.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "locale_id": page.locale_id,
                "title": title,
                "text": body,
                "title_words": " ".join(title_keys),
                "kind_words": " ".join(kind_keys),
                "body_words": " ".join(body_keys),
            },
        )
        fulltext.engine().store(page.pk, title_keys, kind_keys, body_keys)


def forget_page(page: Page) -> None:
    SearchEntry.objects.filter(page_id=page.pk).delete()


def rebuild() -> int:
    """Index every live page of every registered type afresh; the number of pages indexed."""
    indexed = set()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for model in registry.registered_models():
            for page in model.objects.live().select_related("locale").specific():
                if page.pk not in indexed:  # a page of a registered subclass is listed twice
                    index_page(page)
                    indexed.add(page.pk)
    return len(indexed)
