"""Small site-wide views: health check, robots.txt and the localised error pages.

The 500 and 503 pages are rendered without context processors or database access (the database may be why
we are here), in the language of the URL prefix, and say only what is true.
"""

import sys
from urllib.parse import urlsplit

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe
from wagtail.contrib.sitemaps import views as sitemap_views

from . import health as health_checks
from .input_guard import error_page
from .public_url import absolute_url

RETRY_AFTER_SECONDS = 30
# Set on a response that answers "the database cannot be reached"; the page cache then serves the last copy.
DATABASE_UNAVAILABLE = "database_unavailable"


def is_database_outage(error: BaseException | None) -> bool:
    """Whether the database could not be reached or could not do its work (away, restarting, locked, full).

    Such errors are operational, not bugs: the reader is told to try again, not that the site broke.
    """
    return isinstance(error, OperationalError | InterfaceError)


def summary(error: BaseException) -> str:
    """One line about an error for the log: its class and the first line of its message, cut short."""
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first_line[:200]}"


@require_safe
@never_cache
def health(request):
    """Database, cache, worker and outbox as JSON; 503 when the site cannot take signatures."""
    report = health_checks.report()
    return JsonResponse(report, status=200 if report["can_take_signatures"] else 503)


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/", ""]
    lines.insert(-1, f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines), content_type="text/plain")


def sitemap_index(request, sitemaps, **kwargs):
    """Wagtail's sitemap index, listing each section at PUBLIC_URL rather than at the request's Host."""
    response = sitemap_views.index(request, sitemaps, **kwargs)
    for item in response.context_data["sitemaps"]:
        item.location = absolute_url(urlsplit(item.location)._replace(scheme="", netloc="").geturl())
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def service_unavailable(request) -> HttpResponse:
    """The database cannot be reached: a translated 503 that asks the reader to come back shortly."""
    response = error_page(request, "503.html", 503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    setattr(response, DATABASE_UNAVAILABLE, True)
    return response


def server_error(request):
    # Called inside Django's exception handling, so sys.exc_info() is the error that brought us here.
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    return error_page(request, "500.html", 500)
