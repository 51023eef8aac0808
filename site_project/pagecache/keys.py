"""Cache keys for pages, made by ``django.utils.cache`` from what may change a page and nothing else.

Django keys a page by its absolute URL, the request headers the response's ``Vary`` names, and the
language. Here the URL carries only the declared query parameters (``query``), and the language is read
from the request itself (the path's prefix, else what ``LocaleMiddleware`` would choose), since this runs
before ``LocaleMiddleware`` has activated it. Two headers a stored page varies on never enter the key:
``Cookie``, since only readers without a session or messages cookie reach the cache and no other cookie
changes a page, and ``Accept-Encoding``, since one entry holds the page both plain and gzipped.
"""

from django.utils import translation
from django.utils.cache import get_cache_key, learn_cache_key
from django.utils.encoding import escape_uri_path

from .query import normalised_query

KEY_PREFIX = "pages"  # a new prefix whenever the stored entry changes shape, so none is read wrongly


class _KeyHeaders:
    """``request.META`` as the key sees it: without the cookies and the encodings the reader accepts."""

    NOT_KEYED = frozenset({"HTTP_COOKIE", "HTTP_ACCEPT_ENCODING"})

    def __init__(self, meta):
        self._meta = meta

    def get(self, name, default=None):
        return default if name in self.NOT_KEYED else self._meta.get(name, default)


class KeyRequest:
    """What ``get_cache_key`` and ``learn_cache_key`` read of a request, normalised."""

    method = "GET"  # a HEAD is answered from the GET's entry

    def __init__(self, request):
        query = normalised_query(request.GET) if request.META.get("QUERY_STRING") else ""
        self.META = _KeyHeaders(request.META)
        self.LANGUAGE_CODE = translation.get_language_from_path(
            request.path_info
        ) or translation.get_language_from_request(request)
        url = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}"
        self._url = f"{url}?{query}" if query else url

    def build_absolute_uri(self) -> str:
        return self._url


def stored_key(key_request: KeyRequest, cache) -> str | None:
    """The key the page's entry is stored under, or None when this address has no entry yet."""
    return get_cache_key(key_request, key_prefix=KEY_PREFIX, cache=cache)


def learn_key(key_request: KeyRequest, response, cache, *, seconds: int) -> str:
    """Remember which headers vary this address's page (its ``Vary``), for ``seconds``; the entry's key."""
    return learn_cache_key(key_request, response, seconds, key_prefix=KEY_PREFIX, cache=cache)
