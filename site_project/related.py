"""Related content: what one app shows on another app's pages, without either of them importing the other.

A page type asks for what has been contributed to it, by name::

    contributed = related.collect(self)          # e.g. {"related_stories": [...]} on a campaign page

and an app that has something to add says so in its ``AppConfig.ready()``, with a function that takes the
page and returns what to show::

    related.contribute("campaigns.CampaignPage", "related_stories", StoryPage.related_to_campaign)

A page whose contributors are not installed simply gets nothing under that name.
"""

from collections.abc import Callable

_contributors: dict[str, dict[str, Callable]] = {}


def contribute(page_type: str, name: str, provider: Callable) -> None:
    """Show ``provider(page)`` as ``name`` on every page of ``page_type`` ("app_label.ModelName")."""
    _contributors.setdefault(page_type.lower(), {})[name] = provider


def collect(page) -> dict[str, list]:
    """Everything contributed to ``page``'s type, by name."""
    contributors = _contributors.get(page._meta.label_lower, {})
    return {name: provider(page) for name, provider in contributors.items()}
