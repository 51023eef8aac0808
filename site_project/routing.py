"""Wagtail's page serving, with what it looks up on every request kept per process (``memo``).

Wagtail routes a path one tree level at a time (two queries a level), after finding the site and the root
page in the reader's language, and checks each page's view restrictions against its ancestors. Here:

* the site for a host and port, the sites' root paths (for page URLs) and the route from a path to a page
  are kept under the content version, which publishing, unpublishing, moving or deleting a page changes;
  a kept route costs one query (the page itself, by primary key, with its type's fields, its locale and
  what the type names in ``select_on_route``, e.g. its hero image);
* view restrictions are read as the list of restricted subtrees, once per content version, and a page under
  none of them has none to check (adding or removing a restriction changes the version).

What the memo cannot answer (an unknown host, a path that is not a page) goes through Wagtail's own lookups,
so a 404 stays a 404. The view is served under Wagtail's URL name ``wagtail_serve``.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from . import memo


def serve(request, path):
    prime(request, path)
    return wagtail_views.serve(request, path)


def prime(request, path: str) -> None:
    """Set what Wagtail caches on a request (the site, the root paths, the route) from the memo."""
    site = memo.site_for_request(request)
    request._wagtail_cached_site_root_paths = memo.remember("site-root-paths", _site_root_paths)
    if site is None:
        return
    components = tuple(component for component in path.split("/") if component)
    key = ("route", site.pk, translation.get_language(), components)
    found = memo.remember(key, lambda: _route(request, site, components))
    if found is None:  # not a page (kept too: any publish changes the version)
        request._wagtail_route_for_request = None
        return
    content_type_id, page_id, remaining = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    related = ("locale", *getattr(model, "select_on_route", ()))
    page = model.objects.select_related(*related).filter(pk=page_id).first() if model else None
    if page is not None:
        try:
            request._wagtail_route_for_request = page.route(request, list(remaining))
        except Http404:
            request._wagtail_route_for_request = None


def _site_root_paths():
    # Wagtail keeps them in the cache for an hour and clears them on a change only in the process that made it
    # (with a per-process cache): read them afresh once per content version instead.
    Site.clear_site_root_paths_cache()
    return Site.get_site_root_paths()


def _route(request, site, components: tuple):
    """Wagtail's own route, as (content type, page id, the components the page routes itself), or None."""
    try:
        result = site.root_page.localized.specific.route(request, list(components))
    except Http404:
        return None
    request._wagtail_route_for_request = result
    page = result[0]
    root = site.root_page.localized
    consumed = page.depth - root.depth
    return page.content_type_id, page.pk, components[consumed:]
