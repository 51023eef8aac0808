"""The shared HTTP caches in front of the site: Varnish banned on every content change, CDNs purged per page.

The pages this package stores go out as ``Cache-Control: public, s-maxage=PAGE_CACHE_SECONDS`` (``middleware``),
so a shared cache may hold them as long as the site's own copy. When the content changes (``signals``), the site's
copy of *every* page goes stale at once, since the home page, the lists, the menus and the related items show
other pages' titles; a shared cache must follow it:

- **Varnish** (``VARNISH_URL``, a URL such as ``http://127.0.0.1:6081``) is sent one ``BAN`` for the
  site's host, once the change is committed (``deploy/varnish/phakhi.vcl`` bans every object of that host). One
  request, whatever changed, rather than a ``PURGE`` of the page plus guesses at every page that lists it. It is
  sent from the request that published, not through the task worker: it is one local HTTP call of a few
  milliseconds with a short timeout, and the worker's queue (confirmation e-mails during a surge) must not
  stand between a publish and readers seeing it within 2 s. A Varnish that is down or slow costs the publish at
  most ``TIMEOUT`` seconds and a log line, never an error: its copies then expire within ``s-maxage``.
- **Cloudflare or CloudFront** (``WAGTAILFRONTENDCACHE``, from the environment) are purged by Wagtail's own
  ``wagtail.contrib.frontend_cache``: the published page's addresses in every language, through its task on the
  worker (a remote API, slower and rate-limited). Other pages there catch up within ``s-maxage``.

``VarnishBanBackend`` is a ``frontend_cache`` backend (its ``LOCATION`` and ``HOSTNAMES`` settings), so
``purge_urls_from_cache`` with ``backend_settings`` can use it too.
"""

import logging
from http.client import HTTPConnection, HTTPSConnection
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

TIMEOUT = 1.0  # seconds: what a Varnish that does not answer may cost a publish


class VarnishBanBackend(HTTPBackend):
    """Bans every cached object of a purged URL's host: one ``BAN`` per host, however many URLs."""

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        for host in sorted({urlsplit(url).hostname for url in urls if urlsplit(url).hostname}):
            self.ban(host)

    def ban(self, host: str) -> bool:
        """Ask Varnish to drop every object of ``host``; False (and a log line) when it cannot be asked."""
        connection_class = HTTPSConnection if self.cache_scheme == "https" else HTTPConnection
        connection = connection_class(self.cache_netloc, timeout=TIMEOUT)
        try:
            connection.request(
                "BAN", "/", headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"}
            )
            response = connection.getresponse()
            response.read()
        except OSError as error:  # refused, unreachable, timed out, reset
            logger.error("Could not ban %s from Varnish at %s: %s", host, self.cache_netloc, error)
            return False
        finally:
            connection.close()
        if response.status >= 300:
            logger.error(
                "Varnish at %s refused the ban of %s: %s %s",
                self.cache_netloc,
                host,
                response.status,
                response.reason,
            )
            return False
        return True


def varnish_settings() -> dict:
    """The ``frontend_cache`` settings of each Varnish in front (``VARNISH_URL``, comma-separated: one per web
    machine when each has its own), or {} when there is none."""
    locations = [location.strip() for location in settings.VARNISH_URL.split(",") if location.strip()]
    return {
        f"varnish-{index}": {"BACKEND": f"{__name__}.VarnishBanBackend", "LOCATION": location}
        for index, location in enumerate(locations)
    }


def ban_site() -> None:
    """Drop the site's pages from every Varnish in front (if any), now; one that fails does not stop the
    others."""
    backend_settings = varnish_settings()
    if not backend_settings:
        return
    try:
        backends = get_backends(backend_settings)
    except Exception:  # a broken shared cache never fails the publish that changed the content
        logger.exception("Could not ban the site from Varnish")
        return
    for name, backend in backends.items():
        try:
            backend.purge_batch([settings.PUBLIC_URL + "/"])
        except Exception:
            logger.exception("Could not ban the site from Varnish (%s)", backend_settings[name]["LOCATION"])


def ban_site_on_commit() -> None:
    """Once the change that made every page stale is committed (at once outside a transaction); one ban for
    a transaction that publishes many pages."""
    if not settings.VARNISH_URL:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is ban_site for entry in connection.run_on_commit):
        return
    transaction.on_commit(ban_site)
