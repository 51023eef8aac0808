"""What every page view reads but only an editor changes, kept in each process: the site, its root paths and
settings, the route from a path to a page, view restrictions and the chrome.

Everything kept here is kept under the **database content version**: one row
(``site_project_contentversion``) given a new random value whenever an editor publishes, unpublishes, moves
or deletes a page, adds a view restriction, a locale or a site, or edits the chrome (``memo_signals``). A
request reads that row once (one primary-key query, on the first memo it needs) and uses what the process
kept under the same value, or builds it again. The row is read from the database rather than from the cache,
on purpose:

* the change is seen by the next request in every process, whatever the cache is: the default ``locmem://``
  cache is per process, and ``dummy://`` (the bench's cold rows) keeps nothing, so a version kept in the cache
  would either not reach the other processes or change on every read;
* the new value is written in the editor's transaction, so no process can read it before the content it
  stands for is committed.

The cold rows of ``make bench`` (``CACHE_URL=dummy://``) therefore measure a render with this memo warm, as
a running process has it after its first request: no page cache and no shared cache, one query for the
version. Outside a request (a task, the shell, a test calling a function directly) the row is read on every
memo lookup.

The values kept are shared by every request of the process: treat them as read-only (copy what a request
annotates).
"""

import copy
import threading
from collections.abc import Callable
from typing import Any
from uuid import uuid4

from django.core.signals import request_finished, request_started
from django.db import connection, models
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models import PageManager as WagtailPageManager
from wagtail.query import PageQuerySet

TABLE = "site_project_contentversion"
MAX_ENTRIES = 20_000  # routes of a large site in four languages; past it the memo starts again

_request = threading.local()  # the version read by the request this thread is serving
_lock = threading.Lock()
_kept: dict = {"version": None, "values": {}}
_callbacks: list[Callable[[], None]] = []


class ContentVersion(models.Model):
    """The one row holding the content version (registered with the app's models, ``models.py``)."""

    value = models.CharField(max_length=32)

    class Meta:
        app_label = "site_project"
        db_table = TABLE

    def __str__(self):
        return self.value


def read_version() -> str:
    """The content version in the database (empty if the row is missing, e.g. after a flush)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 (a constant)
        row = cursor.fetchone()
    return row[0] if row else ""


def content_changed() -> None:
    """Give the content version a new value, in the current transaction: every process rebuilds its memo."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (id, value) VALUES (1, %s) "  # noqa: S608 (a constant)
            "ON CONFLICT (id) DO UPDATE SET value = excluded.value",
            [uuid4().hex],
        )
    forget()


def current_version() -> str:
    """The version this request works under: read once per request, or on every call outside one."""
    if getattr(_request, "active", False):
        if _request.version is None:
            _request.version = read_version()
        return _request.version
    return read_version()


def remember(key, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept in this process for as long as the content version holds."""
    version = current_version()
    values = _kept["values"]
    if _kept["version"] != version:
        with _lock:
            if _kept["version"] != version:
                _kept["values"] = values = {}
                _kept["version"] = version
    try:
        return values[key]
    except KeyError:
        pass
    value = compute()
    if len(values) >= MAX_ENTRIES:
        values.clear()
    values[key] = value
    return value


def locale_ids() -> dict[str, int]:
    """Each content language's ``Locale`` id, by language code (a new locale changes the version)."""
    return remember(("locale-ids",), lambda: dict(Locale.objects.values_list("language_code", "id")))


def site_for_request(request):
    """Wagtail's site for the request's host and port (``Site.find_for_request``), kept per content version."""
    if not hasattr(request, "_wagtail_site"):
        host, port = request._get_raw_host(), request.get_port()
        request._wagtail_site = remember(("site", host, port), lambda: Site._find_for_request(request))
    return request._wagtail_site


def site_setting_for_request(setting_class, request):
    """A Wagtail site setting (``BaseSiteSetting``) for the request's site, read once per content version; each
    request gets its own shallow copy, since Wagtail notes the request on it. An image the setting points at
    (the logo) comes with its renditions."""
    attr_name = setting_class.get_cache_attr_name()
    if not hasattr(request, attr_name):
        site = site_for_request(request)
        kept = remember(
            (setting_class._meta.label, site.pk if site else None), lambda: _setting(setting_class, site)
        )
        site_settings = copy.copy(kept)
        site_settings._request = request
        setattr(request, attr_name, site_settings)
    return getattr(request, attr_name)


def _setting(setting_class, site):
    site_settings = setting_class.for_site(site)
    images = get_image_model()
    for field in setting_class._meta.concrete_fields:
        if field.is_relation and field.related_model is images and getattr(site_settings, field.attname):
            setattr(
                site_settings,
                field.name,
                images.objects.prefetch_renditions().get(pk=getattr(site_settings, field.attname)),
            )
    return site_settings


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages that carry a view restriction (their subtrees are restricted)."""
    return remember(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
    )


def view_restrictions(page: Page):
    """``page.get_view_restrictions()`` with no query for a page outside every restricted subtree."""
    if page.alias_of_id is None and not any(page.path.startswith(path) for path in restricted_paths()):
        return PageViewRestriction.objects.none()
    return Page.get_view_restrictions(page)


class PublicPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, whose ``public()`` reads the restricted subtrees from the memo instead of
    querying the view restrictions each time."""

    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


PageManager = WagtailPageManager.from_queryset(PublicPageQuerySet)


def for_this_request(key, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept until the end of the current request (outside a request: computed every time). For
    what may change between requests but is read more than once while one page is drawn."""
    if not getattr(_request, "active", False):
        return compute()
    if key not in _request.values:
        _request.values[key] = compute()
    return _request.values[key]


def drop_from_this_request(key) -> None:
    if getattr(_request, "active", False):
        _request.values.pop(key, None)


def when_forgotten(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever this process drops its memo (an app's own per-process store of content)."""
    _callbacks.append(callback)


def forget() -> None:
    """Drop everything this process kept (a version change does it too; tests call it between tests)."""
    with _lock:
        _kept["version"] = None
        _kept["values"] = {}
    for callback in _callbacks:
        callback()
    if getattr(_request, "active", False):
        _request.version = None


def _start(**kwargs) -> None:
    _request.active = True
    _request.version = None
    _request.values = {}


def _finish(**kwargs) -> None:
    _request.active = False
    _request.version = None
    _request.values = {}


request_started.connect(_start, dispatch_uid="site_project.memo.start")
request_finished.connect(_finish, dispatch_uid="site_project.memo.finish")
