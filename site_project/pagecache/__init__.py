"""The anonymous page cache: repeat reads of public pages served from the cache, with no SQL at all.

- ``middleware.PageCacheMiddleware`` stores and serves the pages (and the last good copy while the database
  is away);
- ``keys`` makes their cache keys with ``django.utils.cache``;
- ``query``: the query parameters that change a page, which each app declares in its ``AppConfig.ready()``
  with ``declare_query_parameters``; no other parameter makes a new entry or bypasses the cache;
- ``freshness``: the content version every publish changes, and how long a copy is served;
- ``signals`` changes the content version when editors publish or edit the chrome.
"""

from .freshness import STALE_SECONDS, content_changed, content_version, longest_copy_seconds
from .query import declare_query_parameters

__all__ = [
    "STALE_SECONDS",
    "content_changed",
    "content_version",
    "declare_query_parameters",
    "longest_copy_seconds",
]
