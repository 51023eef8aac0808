"""Security headers (the CSP through django-csp), the anonymous page cache, and the database-outage 503."""

import logging
import time

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from . import holes, views

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class SecurityHeadersMiddleware(CSPMiddleware):
    """The Content-Security-Policy of django-csp, and the security headers Django 5.2 does not set itself.

    Public responses carry ``settings.CONTENT_SECURITY_POLICY`` with what their view adds (``csp_update``,
    ``csp_replace``, ``csp``); the Wagtail admin and page previews carry ``ADMIN_CONTENT_SECURITY_POLICY``
    and may be framed by the admin itself.
    """

    @staticmethod
    def _is_admin(request) -> bool:
        # Wagtail renders a page preview through the whole middleware chain, under the page's own public
        # path, and frames it in the editor (the preview panel, and the accessibility checker inside it).
        return request.path.startswith("/admin/") or getattr(request, "is_preview", False)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self._is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if self._is_admin(request):
            response.xframe_options_exempt = False
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if getattr(settings, "HTTPS", False):
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


class CompressTextMiddleware(GZipMiddleware):
    """Gzip pages, JSON and CSV for readers on slow mobile networks: Thai HTML shrinks about fivefold.

    Static files come already compressed from WhiteNoise and images do not shrink, so only text is
    touched. It comes first, so cached pages are compressed too, after their holes are filled. Django's
    gzip adds random bytes to every response and masks the CSRF token per response (against BREACH).
    """

    TYPES = ("text/html", "application/json", "text/csv")

    def process_response(self, request, response):
        if not response.headers.get("Content-Type", "").startswith(self.TYPES):
            return response
        return super().process_response(request, response)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the language-prefixed site stays a 404.

    Django redirects a 404 to the same path under /th/ whenever that path would resolve, and Wagtail's
    catch-all page route resolves every path: an unknown petition id in the API or an embed, or a missing
    admin object, answered "302 to /th/..." and only then 404.
    """

    UNPREFIXED = ("/admin/", "/api/", "/embed/", "/documents/", "/static/", "/media/", "/healthz")

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class AnonymousPageCacheMiddleware:
    """Serve repeat anonymous reads of public HTML pages from the cache, with no SQL at all.

    Only pages that are the same for every anonymous reader are stored: GET, 200, HTML, no cookie set,
    not marked private, no messages. A page with a form is stored too: it renders with ``holes`` markers
    in place of its CSRF token, form token and live count, and every response, the first one and each
    hit, gets them filled for the visitor at hand, so no token is ever shared between readers. A page
    that asked for a CSRF token some other way is never stored. Requests carrying a session cookie always
    reach the view. An entry is fresh for ``PAGE_CACHE_SECONDS`` and while the content version that every
    publish bumps (see ``chrome.invalidate``) is unchanged, so that live figures and other processes'
    caches catch up.

    The same entry is kept for ``STALE_PAGE_SECONDS`` as the page's last good copy: when the view answers
    that the database cannot be reached (``views.service_unavailable``), an anonymous reader gets that copy
    instead of the 503, marked ``X-Page-Cache: stale``.
    """

    STALE_PAGE_SECONDS = 24 * 60 * 60

    SKIP_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/")
    # Every other header of the stored response is replayed on a hit: this middleware comes first, so
    # the security headers the others add are already on the response it stores.
    HEADERS_NOT_REPLAYED = {"content-length", "x-page-cache", "set-cookie"}

    def __init__(self, get_response):
        self.get_response = get_response
        # The CSRF middleware sits further in; a hit never reaches it, so a filled CSRF hole sets the
        # cookie through it here, exactly as it would have.
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import cache

        from .chrome import content_version

        key = f"page3:{request.get_host()}:{request.get_full_path()}"
        version = content_version()
        cached = cache.get(key)
        if cached is not None:
            stored_version, stored_at, *stored = cached
            if stored_version == version and time.time() - stored_at < settings.PAGE_CACHE_SECONDS:
                return self._fill_holes(request, self._replay(request, stored, "hit"))
        holes.open_for(request)
        response = self.get_response(request)
        if cached is not None and getattr(response, views.DATABASE_UNAVAILABLE, False):
            # The last good copy beats a 503; its holes are filled as far as the database allows.
            return self._fill_holes(request, self._replay(request, stored, "stale"), fail_soft=True)
        if self._cacheable_response(request, response):
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in self.HEADERS_NOT_REPLAYED
            ]
            content = response.content
            # A page with no holes is the same bytes for everyone: compress it once, not on every hit. (It
            # holds no secret, so BREACH has nothing to find; pages with holes are compressed per response.)
            compressed = None if holes.has_holes(content) else compress_string(content)
            if compressed is not None and len(compressed) >= len(content):
                compressed = None
            entry = (version, time.time(), response.status_code, headers, content, compressed)
            cache.set(key, entry, max(settings.PAGE_CACHE_SECONDS, self.STALE_PAGE_SECONDS))
            response.headers["X-Page-Cache"] = "miss"
        return self._fill_holes(request, response)

    @staticmethod
    def _replay(request, stored: list, how: str) -> HttpResponse:
        status, headers, content, compressed = stored
        if compressed is not None and accepts_gzip(request):
            response = HttpResponse(compressed, status=status)
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        patch_vary_headers(response, ("Accept-Encoding",))
        response.headers["X-Page-Cache"] = how
        return response

    def _fill_holes(self, request, response, *, fail_soft: bool = False):
        if (
            response.streaming
            or response.has_header("Content-Encoding")
            or not holes.has_holes(response.content)
        ):
            return response

        def csrf_token() -> str:
            if "CSRF_COOKIE" not in request.META:
                self.csrf.process_request(request)  # reads the visitor's CSRF cookie, if any
            return get_token(request)

        response.content = holes.fill(request, response.content, csrf_token=csrf_token, fail_soft=fail_soft)
        if "Content-Length" in response.headers:
            response.headers["Content-Length"] = str(len(response.content))
        return self.csrf.process_response(request, response)

    def _cacheable_request(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES  # a message waits to be shown to this visitor
            and not request.path.startswith(self.SKIP_PREFIXES)
            and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)  # the redirect comes first
        )

    def _cacheable_response(self, request, response) -> bool:
        cache_control = response.headers.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and response.headers.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not len(getattr(request, "_messages", ()))
            and not (hasattr(request, "user") and request.user.is_authenticated)
        )


class DatabaseOutageMiddleware:
    """A database that cannot be reached answers a translated 503 with ``Retry-After``, never a 500.

    Catches what the view (or its template) raised; ``views.server_error`` does the same for what is raised
    elsewhere. The page cache above then serves anonymous readers the page's last good copy if it has one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not views.is_database_outage(exception):
            return None
        logger.warning(
            "Database unavailable for %s %s: %s", request.method, request.path, views.summary(exception)
        )
        return views.service_unavailable(request)
