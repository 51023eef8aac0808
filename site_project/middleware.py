"""Security headers (the CSP through django-csp), locale redirects, compression, and the database-outage 503.

The anonymous page cache is ``site_project.pagecache``.
"""

import logging

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from . import views

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


class CompressTextMiddleware(GZipMiddleware):
    """Gzip pages, JSON and CSV for readers on slow mobile networks: Thai HTML shrinks about fivefold.

    Static files come already compressed from WhiteNoise and images do not shrink, so only text is
    touched. It comes first; the page cache (``pagecache``) stores its pages compressed already, and those
    pass through untouched. Django's gzip adds random bytes to every response and masks the CSRF token per
    response (against BREACH).
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


class DatabaseOutageMiddleware:
    """A database that cannot be reached answers a translated 503 with ``Retry-After``, never a 500.

    Catches what the view (or its template) raised; ``views.server_error`` does the same for what is raised
    elsewhere. The page cache (``pagecache``) then serves anonymous readers the page's last good copy if it has one.
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
