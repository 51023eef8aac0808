"""What the home page shows from the floors above: the call to action, the key-date campaign, open petitions,
stories, events and partners, without ``site_project`` importing any of them.

The home page belongs to the ground floor. A floor above registers a section in its ``AppConfig.ready()``::

    home.register_section(
        key="stories.latest",
        template="stories/home/_stories.html",
        provider="stories.home.latest_stories",  # by its dotted path: the module imports models
        order=40,
    )

``provider(query)`` is given a ``HomeQuery`` (the home page, its language, the request) and returns the
section template's context (as ``section``), or None to leave the section out (nothing to show). It reads
through its app's querysets and selectors in a fixed number of queries, whatever the number of pages. Two
sections of one app that share a read use ``query.once(key, compute)`` so the read happens once per view.

``HomePage.get_context`` calls ``sections_for`` once. The order is the page's: call to action 10, campaign 20,
petitions 30, stories 40, events 50, partners 60. A section may name a script (a static path) the page loads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.module_loading import import_string


@dataclasses.dataclass
class HomeQuery:
    """What a provider is given: the home page (specific), its language code and the request (may be None)."""

    page: Any
    language: str
    request: HttpRequest | None = None
    _found: dict = dataclasses.field(default_factory=dict, repr=False)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, run once per view of the home page and shared by the sections that need it."""
        if key not in self._found:
            self._found[key] = compute()
        return self._found[key]


Provider = Callable[[HomeQuery], dict | None]


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    template: str
    provider: Provider | str
    order: int = 50
    script: str = (
        ""  # a static path, e.g. "js/petitions.js", loaded (once) by the page when the section shows
    )

    def context_for(self, query: HomeQuery) -> dict | None:
        provider = import_string(self.provider) if isinstance(self.provider, str) else self.provider
        return provider(query)


_sections: dict[str, Section] = {}


def register_section(
    *, key: str, template: str, provider: Provider | str, order: int = 50, script: str = ""
) -> None:
    """Add (or replace, by key) a section of the home page."""
    _sections[key] = Section(key=key, template=template, provider=provider, order=order, script=script)


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


@dataclasses.dataclass(frozen=True)
class ShownSection:
    key: str
    template: str
    context: dict


def sections_for(*, page, language: str, request: HttpRequest | None = None) -> tuple[list, list[str]]:
    """The sections the home page shows, in order, each with its context, and the scripts they need."""
    query = HomeQuery(page=page, language=language, request=request)
    shown, scripts = [], []
    for section in sorted(_sections.values(), key=lambda section: (section.order, section.key)):
        context = section.context_for(query)
        if context is None:
            continue
        shown.append(ShownSection(key=section.key, template=section.template, context=context))
        if section.script and section.script not in scripts:
            scripts.append(section.script)
    return shown, scripts
