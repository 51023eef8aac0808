"""What the floors above add to the partner portal's home page: one section each, for the signed-in person.

The portal belongs to ``partners``, below petitions, campaigns and advocacy, so it cannot import them. A
floor above registers a section in its ``AppConfig.ready()``::

    portal.register_section(
        key="advocacy.reach", template="advocacy/portal/_reach.html", context=reach_context, order=20
    )

``context(request, representative)`` returns the section template's context (as ``section``), or None to
leave the section out for this person (not a member, nothing to show). It may be given by its dotted path,
as settings name classes, when the module that holds it imports models and so cannot be imported before the
app registry is ready. A section's own pages are routed
by the root URLconf, the composition root, under ``account/``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.module_loading import import_string

if TYPE_CHECKING:  # imports no model, so an app above can import this module in its apps.py
    from .models import Representative

SectionContext = Callable[[HttpRequest, "Representative"], dict | None]


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: SectionContext | str
    order: int = 50

    def context_for(self, request: HttpRequest, representative: Representative) -> dict | None:
        context = import_string(self.context) if isinstance(self.context, str) else self.context
        return context(request, representative)


_sections: dict[str, Section] = {}


def register_section(*, key: str, template: str, context: SectionContext | str, order: int = 50) -> None:
    """Add (or replace, by key) a section of the portal's home page."""
    _sections[key] = Section(key=key, template=template, context=context, order=order)


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def sections_for(request: HttpRequest, representative: Representative) -> list[tuple[Section, dict]]:
    """The sections this person sees, in order, each with its context."""
    shown = []
    for section in sorted(_sections.values(), key=lambda section: (section.order, section.key)):
        context = section.context_for(request, representative)
        if context is not None:
            shown.append((section, context))
    return shown
