"""What each domain contributes to the site search: its page types, the words that name their kind, extra text.

``site_project`` names no app above it, so each app registers its own page types in its ``AppConfig.ready()``::

    search.register_page_type(
        PetitionPage,
        kind_words=pgettext_lazy("search words for a petition page", "petition petitions"),
    )

A page is indexed under its title, its kind and its text. Its kind is the model's verbose names and the
``kind_words``, in the page's language (so ``petitions`` finds the petitions in English and ``คำร้อง`` in Thai);
``kind_words`` is a translated string, so each language lists its own words and synonyms. The text is every
field named in the model's Wagtail ``search_fields``, plus what ``extra_text(page)`` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.functional import Promise

if TYPE_CHECKING:
    from wagtail.models import Page


@dataclass(frozen=True)
class PageType:
    model: type[Page]
    kind_words: Promise | str
    extra_text: Callable[[Page], str] | None = None

    def kind_in(self, language_code: str) -> str:
        meta = self.model._meta
        with translation.override(language_code):
            return " ".join(
                str(words) for words in (meta.verbose_name, meta.verbose_name_plural, self.kind_words)
            )


_page_types: dict[type[Page], PageType] = {}


def register_page_type(
    model: type[Page], *, kind_words: Promise | str, extra_text: Callable[[Page], str] | None = None
) -> None:
    """Index the live pages of ``model`` in the site search (call it from the app's ``AppConfig.ready()``)."""
    _page_types[model] = PageType(model=model, kind_words=kind_words, extra_text=extra_text)


def page_type_of(page: Page) -> PageType | None:
    """The registration that covers ``page`` (its own class, else a registered base class), or None."""
    for model in page.specific_class.__mro__ if page.specific_class else ():
        if model in _page_types:
            return _page_types[model]
    return None


def registered_models() -> list[type[Page]]:
    return list(_page_types)
