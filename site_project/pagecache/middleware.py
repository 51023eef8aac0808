"""Serve repeat anonymous reads of public pages from the cache, with no SQL at all.

A page is stored when it is the same for every anonymous reader: a GET answered 200 with HTML, no cookie
set (so no CSRF token was asked for), not marked private, no message shown, nobody signed in, and no
undeclared query parameter read (``query``). A petition page and a campaign page qualify: their sign and
RSVP forms carry no CSRF token but a signed, time-stamped form token bound to the petition or the event
(``site_project.form_tokens``), the same for every reader of one copy. A page with a form that does need a
CSRF token (share a story, the partner portal) is served from the view each time.

Only requests without a session or messages cookie are served from the cache. A stored page is sent as
``Cache-Control: public`` with ``s-maxage``, so that a shared HTTP cache in front may keep it as well, and
``Vary: Cookie``, so that such a cache never gives it to a signed-in reader; every other HTML response says
``private``. The copy is compressed once, when stored.

When the view answers that the database cannot be reached (``views.service_unavailable``), an anonymous
reader gets the page's last good copy instead of the 503, marked ``X-Page-Cache: stale``.
"""

import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_response_headers,
    patch_vary_headers,
)
from django.utils.text import compress_string

from .. import views
from . import query
from .freshness import VERSION_KEY, content_version, fresh_seconds, is_fresh, longest_copy_seconds
from .keys import KeyRequest, learn_key, stored_key

SKIP_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/", "/api/")
# Every other header of the stored response is replayed: this middleware comes before the security
# headers middleware, so its headers are already on the response it stores.
NOT_REPLAYED = {"content-length", "x-page-cache", "set-cookie", "age"}
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage


class Entry(NamedTuple):
    """A stored page, as plain values: cheap to unpickle, and replayed by this middleware or by ``wsgi``."""

    version: str
    stored_at: float
    status: int
    headers: tuple[tuple[str, str], ...]  # as they are replayed: all but ``NOT_REPLAYED``
    content: bytes
    compressed: bytes | None  # the content gzipped, when that is smaller


class Lookup(NamedTuple):
    """What the cache holds for a request that ``admits`` lets in."""

    key_request: KeyRequest
    version: str  # the current content version
    entry: Entry | None  # the stored copy, fresh or not


def accepts_gzip(meta) -> bool:
    return "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not admits(request):
            return private(self.get_response(request))
        cache = caches[DEFAULT_CACHE_ALIAS]
        key_request, version, entry = look_up(request, cache)
        if fresh(entry, version):
            return replay(request, entry, "hit")
        if request.method != "GET":
            return private(self.get_response(request))  # a HEAD is answered from a GET's copy, never stored
        query.track(request)
        response = self.get_response(request)
        if entry is not None and getattr(response, views.DATABASE_UNAVAILABLE, False):
            return replay(request, entry, "stale")  # the last good copy beats a 503
        if not storable(request, response):
            return private(response)
        store(cache, key_request, response, version=version)
        return response


def admits(request) -> bool:
    """Whether this request may be answered from the cache: an anonymous read of a public page."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES  # a message waits to be shown to this reader
        and not request.path.startswith(SKIP_PREFIXES)
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)  # the redirect comes first
    )


def look_up(request, cache) -> Lookup:
    key_request = KeyRequest(request)
    key = stored_key(key_request, cache)
    found = cache.get_many([VERSION_KEY, key]) if key else {}  # one round trip to Redis, not two
    return Lookup(key_request, found.get(VERSION_KEY) or content_version(), found.get(key))


def fresh(entry: Entry | None, version: str) -> bool:
    return entry is not None and is_fresh(
        version=entry.version, stored_at=entry.stored_at, current_version=version
    )


def storable(request, response) -> bool:
    """Whether this response is the same for every anonymous reader."""
    cache_control = response.headers.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.headers.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Content-Encoding")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # it asked for this reader's CSRF token
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and not len(getattr(request, "_messages", ()))
        and not (hasattr(request, "user") and request.user.is_authenticated)
        and not query.undeclared_reads(request)
    )


def store(cache, key_request: KeyRequest, response, *, version: str) -> None:
    seconds = fresh_seconds()
    patch_response_headers(response, cache_timeout=seconds)
    patch_cache_control(response, public=True, s_maxage=seconds)
    # Cookie for a shared cache in front (see above); Accept-Encoding since a copy is sent gzipped or not.
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    key = learn_key(key_request, response, cache, seconds=longest_copy_seconds())
    content = response.content
    compressed = compress_string(content)
    entry = Entry(
        version=version,
        stored_at=time.time(),
        status=response.status_code,
        headers=tuple(
            (name, value) for name, value in response.headers.items() if name.lower() not in NOT_REPLAYED
        ),
        content=content,
        compressed=compressed if len(compressed) < len(content) else None,
    )
    cache.set(key, entry, longest_copy_seconds())
    response.headers["X-Page-Cache"] = "miss"


def replayed(entry: Entry, meta) -> tuple[bytes, list[tuple[str, str]]]:
    """The body a reader with these request headers gets, and the headers that go with it."""
    headers = list(entry.headers)
    body = entry.content
    if entry.compressed is not None and accepts_gzip(meta):
        body = entry.compressed
        headers.append(("Content-Encoding", "gzip"))
    headers.append(("Content-Length", str(len(body))))
    return body, headers


def age(entry: Entry) -> str:
    return str(max(0, int(time.time() - entry.stored_at)))


def replay(request, entry: Entry, how: str) -> HttpResponse:
    body, headers = replayed(entry, request.META)
    response = HttpResponse(body, status=entry.status, headers=dict(headers))
    if how == "stale":
        add_never_cache_headers(response)  # served for want of a better one: no cache downstream keeps it
    else:
        response.headers["Age"] = age(entry)
    response.headers["X-Page-Cache"] = how
    return response


def private(response):
    """An HTML page that was not stored is not for a shared cache either, unless its view said otherwise."""
    if response.headers.get("Content-Type", "").startswith("text/html") and not response.has_header(
        "Cache-Control"
    ):
        patch_cache_control(response, private=True)
    return response
