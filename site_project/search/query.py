"""A reader's query, read like the pages were, and its results, matched and ranked by the database a page at a time."""

from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString
from wagtail.models import Page

from . import fulltext, text

MAX_WORDS = 8  # words of a query (split on spaces)
MAX_KEYS_PER_WORD = 8  # keys of one word (Thai: the dictionary words in a run of text typed without spaces)


def parse(query: str, language: str) -> fulltext.Query:
    """The query's words, each as the keys it is indexed under; the words that have no key left out."""
    words = []
    for typed in text.normalise(query).split(" ")[:MAX_WORDS]:
        keys = tuple(key for _start, _end, key in text.words(typed, language))
        if keys:
            words.append(keys[:MAX_KEYS_PER_WORD])
    return words


@dataclass(frozen=True)
class Result:
    page: Page
    snippet: SafeString


class Results:
    """The live pages in ``language`` that match ``query``, best first.

    A paginator slices it: each slice is one ranked query with LIMIT and OFFSET, then the pages of that slice.
    """

    def __init__(self, query: str, language: str):
        self.language = language
        self.words = parse(query, language)

    @cached_property
    def _count(self) -> int:
        return fulltext.count(self.words, self.language) if self.words else 0

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, window: slice) -> list[Result]:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("Results are read a page at a time, with a slice.")
        offset = window.start or 0
        limit = (window.stop if window.stop is not None else self._count) - offset
        if not self.words or limit <= 0:
            return []
        rows = fulltext.ranked(self.words, self.language, limit=limit, offset=offset)
        pages = Page.objects.filter(pk__in=[page_id for page_id, _text in rows]).specific().in_bulk()
        return [
            Result(pages[page_id], text.highlight(body, self.words, self.language))
            for page_id, body in rows
            if page_id in pages
        ]


def search(query: str, *, language: str) -> Results:
    return Results(query, language)
