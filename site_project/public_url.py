"""The address the site is served at, ``settings.PUBLIC_URL``, and the one way to write an absolute link.

E-mails (through ``WAGTAILADMIN_BASE_URL``, which base.py derives from it), share buttons, ``og:url`` and
canonical links, sitemaps and the API all start with it, never with whatever Host header a request carried.
Wagtail builds ``page.full_url`` and the sitemap entries from the default Site's hostname and port, so
``sync_default_site`` keeps that Site in step: after every ``migrate`` (a ``post_migrate`` receiver in
``signals``) and whenever ``load_demo_data`` runs.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """``/th/petitions/x/`` becomes ``<PUBLIC_URL>/th/petitions/x/``; an address that is already absolute
    (a page of another Wagtail site, a CDN) is left as it is."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return settings.PUBLIC_URL.rstrip("/") + "/" + path_or_url.lstrip("/")


def site_address() -> tuple[str, int]:
    """The hostname and port a Wagtail Site needs so that its ``root_url`` is ``PUBLIC_URL``."""
    parts = urlsplit(settings.PUBLIC_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(*, using: str = "default") -> bool:
    """Point the default Wagtail Site at ``PUBLIC_URL``. Returns whether it changed anything.

    Does nothing when there is no default Site yet, or when another Site already holds that address (then the
    operator has set up several sites by hand and knows better).
    """
    from wagtail.models import Site

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    if Site.objects.using(using).filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])  # Site.save clears Wagtail's cache of site root paths
    return True
