"""Reads a page's HTML as a screen reader picks its voice: each piece of text in the language of the nearest
``lang`` around it. ``mislabelled(html)`` lists the Thai, Khmer and Burmese text that is not inside an element
whose ``lang`` is that language (text in other scripts, such as Latin, is not checked).
``khmer_and_burmese_pages()`` lists the pages to read."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from wagtail.models import Page

# What the demo must have in Khmer and in Burmese (issue 14, point 4), besides whatever else it translates.
REQUIRED = {
    "km": [
        "/km/",
        "/km/about/",
        "/km/privacy/",
        "/km/stories/dont-tell-me-how-to-dress/",
        "/km/campaigns/30-july-2025/",
        "/km/petitions/nightlife-4am/",
        "/km/partners/oxfam-natural-resource-governance-program/",
        "/km/partners/cambodian-local-ngos-natural-resource-governance/",
        "/km/partners/stung-treng-provincial-administration/",
    ],
    "my": [
        "/my/",
        "/my/about/",
        "/my/privacy/",
        "/my/stories/dont-tell-me-how-to-dress/",
        "/my/campaigns/30-july-2025/",
        "/my/petitions/nightlife-4am/",
    ],
}

SCRIPTS = {
    "th": re.compile(r"[\u0e00-\u0e7f]"),
    "km": re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]"),
    "my": re.compile(r"[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]"),
}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
UNREAD = {"script", "style", "template"}


@dataclass(frozen=True)
class Mislabelled:
    script: str  # the language the text is written in
    lang: str  # the language the page says it is in
    text: str


class _Reader(HTMLParser):
    def __init__(self, within: set[str] | None = None):
        super().__init__(convert_charrefs=True)
        self.within = within  # only text inside an element with one of these tag names or classes
        self.stack: list[tuple[str, str]] = []
        self.inside: list[bool] = []
        self.found: list[Mislabelled] = []

    def _lang(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def _check(self, text: str, lang: str) -> None:
        if self.within is not None and not any(self.inside):
            return
        for script, pattern in SCRIPTS.items():
            if pattern.search(text) and lang.split("-")[0] != script:
                self.found.append(Mislabelled(script, lang, " ".join(text.split())[:100]))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang") or ""
        names = {tag, *(attributes.get("class") or "").split()}
        inside = self.within is not None and bool(names & self.within)
        if tag not in VOID_ELEMENTS:
            self.inside.append(inside)
        for name in SPOKEN_ATTRIBUTES:
            if attributes.get(name):
                self._check(attributes[name], lang or self._lang())
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()
            self.inside.pop()

    def handle_endtag(self, tag):
        while self.stack:
            self.inside.pop()
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not any(tag in UNREAD for tag, _lang in self.stack):
            self._check(data, self._lang())


def mislabelled(html: str, within: set[str] | None = None) -> list[Mislabelled]:
    """The text in a language other than the ``lang`` around it; ``within``: only inside those tags or classes."""
    reader = _Reader(within)
    reader.feed(html)
    reader.close()
    return reader.found


def links_in(html: str, selector_class: str) -> list[dict[str, str]]:
    """The ``<a>`` elements (their attributes) inside the first element whose class includes ``selector_class``,
    or inside the element with that tag name (``footer``)."""
    collector = _LinkCollector(selector_class)
    collector.feed(html)
    return collector.links


class _LinkCollector(HTMLParser):
    def __init__(self, container: str):
        super().__init__(convert_charrefs=True)
        self.container = container
        self.depth = 0  # > 0 while inside the container
        self.links: list[dict[str, str]] = []

    def _is_container(self, tag: str, attributes: dict) -> bool:
        return tag == self.container or self.container in (attributes.get("class") or "").split()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag in VOID_ELEMENTS:
            return
        if self.depth:
            self.depth += 1
        elif self._is_container(tag, attributes):
            self.depth = 1
        if self.depth and tag == "a":
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID_ELEMENTS:
            self.depth -= 1


def khmer_and_burmese_pages() -> dict[str, str]:
    """Every live page of the site in Khmer or Burmese, by address: its language."""
    pages = (
        Page.objects.live().filter(locale__language_code__in=REQUIRED, depth__gt=1).select_related("locale")
    )
    return {page.get_url(): page.locale.language_code for page in pages}
