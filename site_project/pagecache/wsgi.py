"""The page cache's front door under gunicorn: a hit is answered before Django builds a response.

``PageCacheMiddleware`` stores pages and serves them in-process (tests, the dev server's own handler). Behind
gunicorn this wrapper answers the same hits one step earlier: without Django's request signals, middleware
chain or response objects, which cost about as much CPU as the lookup itself. It decides nothing of its own:
who may be served (``admits``), the key, freshness and the replayed headers are the middleware's. Anything
else (a miss, a stale copy, a request the cache does not admit, a host Django would refuse) goes on to
Django, which answers it as before.
"""

from http import HTTPStatus

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from .middleware import admits, age, fresh, look_up, replayed


class PageCacheApplication:
    """Wraps the WSGI application: ``application = PageCacheApplication(get_wsgi_application())``."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = hit(environ)
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]


def hit(environ) -> tuple[str, list[tuple[str, str]], bytes] | None:
    """The status line, headers and body of a fresh stored copy for this request, or None."""
    request = WSGIRequest(environ)
    try:
        if not admits(request):
            return None
        _, version, entry = look_up(request, caches[DEFAULT_CACHE_ALIAS])
    except DisallowedHost:
        return None  # Django answers it with its 400 and its log line
    if not fresh(entry, version):
        return None
    body, headers = replayed(entry, request.META)
    headers += [("Age", age(entry)), ("X-Page-Cache", "hit")]
    status = HTTPStatus(entry.status)
    return f"{status.value} {status.phrase}", headers, b"" if request.method == "HEAD" else body
