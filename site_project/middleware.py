"""Security headers Django 5.2 does not set itself, and the anonymous page cache."""

from django.conf import settings
from django.http import HttpResponse

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The Wagtail admin ships inline scripts and styles and previews pages in same-origin frames.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if is_admin else PUBLIC_CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if is_admin:
            response.xframe_options_exempt = False
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if getattr(settings, "HTTPS", False):
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class AnonymousPageCacheMiddleware:
    """Serve repeat anonymous reads of public HTML pages from the cache, with no SQL at all.

    Only pages that are the same for every anonymous reader are stored: GET, 200, HTML, no cookie set,
    no CSRF token rendered (a page with a form carries a per-reader token and is never shared), not
    marked private. Requests carrying a session cookie always reach the view. The key includes the
    content version that every publish bumps (see ``chrome.invalidate``), and entries expire after
    ``PAGE_CACHE_SECONDS`` so that live figures and other processes' caches catch up.
    """

    SKIP_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/")
    HEADERS_KEPT = ("Content-Type", "Content-Language", "Vary", "Link")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import cache

        from .chrome import _version

        key = f"page:{_version()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            headers = [
                (name, response.headers[name]) for name in self.HEADERS_KEPT if name in response.headers
            ]
            cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response.headers["X-Page-Cache"] = "miss"
        return response

    def _cacheable_request(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.SKIP_PREFIXES)
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
