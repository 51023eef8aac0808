"""A petition's public timeline: its own entries, and what the floors above add (the policy-push ledger).

A policy push that carries a petition lives in ``advocacy``, above petitions, so this app cannot import it. A
floor above registers a provider in its ``AppConfig.ready()``::

    timeline.register_provider(key="advocacy.pushes", provider=ledger_entries)

``provider(*, petition, today)`` returns the entries it adds to ``petition``'s page (the page as read, in the
reader's language), in a fixed number of queries whatever their number. It may be given by its dotted path
when the module that holds it imports models. The petition page caches its timeline with the page cache's
content version, so a provider's data must change that version when it changes (``pagecache.content_changed``).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from django.utils.module_loading import import_string


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline: ``label`` in bold, then ``text``; ``state`` (a class name, e.g. "overdue") and
    ``state_words`` (“overdue by 3 days”) for an entry that awaits something."""

    date: datetime.date
    kind: str
    label: str
    text: str
    state: str = ""
    state_words: str = ""

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


Provider = Callable[..., list[TimelineEntry]]

_providers: dict[str, Provider | str] = {}


def register_provider(*, key: str, provider: Provider | str) -> None:
    """Add (or replace, by key) a source of timeline entries."""
    _providers[key] = provider


def unregister_provider(key: str) -> None:
    _providers.pop(key, None)


def contributed_entries(*, petition, today: datetime.date) -> list[TimelineEntry]:
    """Every registered provider's entries for ``petition``, in the providers' key order."""
    entries = []
    for key in sorted(_providers):
        provider = _providers[key]
        provider = import_string(provider) if isinstance(provider, str) else provider
        entries.extend(provider(petition=petition, today=today))
    return entries
