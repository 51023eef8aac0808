"""What keeps a copy fresh: the content version, and how long a copy may be served.

The content version is one value that changes whenever an editor publishes, unpublishes or edits the
chrome (``signals``). Whatever is built from published content and kept in a cache (these pages, the chrome,
the petition API's entries) carries the version it was built under, so one change makes all of it stale at
once, in every process that shares the cache.

A page's copy is served for ``PAGE_CACHE_SECONDS`` while the version holds, and kept for ``STALE_SECONDS``
as its last good copy, served only while the database cannot be reached.
"""

import time
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "chrome:version"  # named before the page cache had a package; kept so a deploy keeps its caches
STALE_SECONDS = 24 * 60 * 60


def content_changed() -> None:
    """Mark everything built from content as stale."""
    cache.set(VERSION_KEY, uuid4().hex, None)


def content_version() -> str:
    """The current version: a cache read, never SQL."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def fresh_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def longest_copy_seconds() -> int:
    """The oldest copy of a page a reader may be served (as the last good copy, while the database is away)."""
    return max(settings.PAGE_CACHE_SECONDS, STALE_SECONDS)


def is_fresh(*, version: str, stored_at: float, current_version: str) -> bool:
    return version == current_version and time.time() - stored_at < settings.PAGE_CACHE_SECONDS
