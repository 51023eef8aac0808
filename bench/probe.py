"""The bench's window into the site's own database: ``python -m bench.probe COMMAND [ARGS]``.

Runs with the site's production settings (the environment ``bench/run.py`` builds) and prints JSON.

* ``load-demo``: ``load_demo_data``, keeping the demo admin password in the bench workspace instead of
  overwriting the developer's ``var/demo-admin.txt``;
* ``discover``: the URL of one page of each public type (or why there is none), the database engine;
* ``queries PATH...``: SQL queries (and milliseconds) of a first and a repeat GET of each path, in-process, cache
  as configured;
* ``petition-counts PK``: stored and confirmed signature rows of one petition;
* ``export PK``: stream the petition's signatures as CSV to /dev/null through the site's own exporter;
* ``staff-session``: a member of the Secretariat group (made once, no password) signed in; prints the session
  cookie the load generators send, so the staff rows measure the admin as the Secretariat sees it;
* ``staff-queries PATH...``: as that member, the SQL queries and milliseconds of a first GET of each path in
  this fresh process and of a repeat GET;
* ``publish PK MARKER``: the page published again through Wagtail's publish, its title ending in MARKER (the
  Varnish purge delay, ``bench/varnish.py``); prints when the publish began;
* ``profile PATH [--anonymous]``: a repeat GET of the path (as that member unless ``--anonymous``) under
  cProfile; the slowest functions and every SQL query with its time go to stderr, the totals to stdout.

Apps that do not exist yet are reported as missing, never fatal: the bench skips what depends on them.
"""

import cProfile
import datetime
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from petitions import services  # noqa: E402
from petitions.models import PetitionPage  # noqa: E402
from site_project import demo  # noqa: E402

LANGUAGE = "th"
# Each public page type: the app it lives in, words its model name has, words it must not have.
PAGE_TYPES = {
    "campaign": ("campaigns", ("campaign",), ("index", "listing")),
    "petition": ("petitions", ("petition",), ("index", "listing")),
    "story": ("stories", ("story",), ("index", "listing")),
    "partners": ("partners", ("index", "directory", "listing"), ()),
    "partner": ("partners", ("partner", "organisation", "organization"), ("index", "directory", "listing")),
}
# The admin screens the Secretariat reads: the key, the URL name, the query string (a year for "dashboard-year").
STAFF_PAGES = (
    ("dashboard", "advocacy_dashboard", ""),
    ("dashboard-year", "advocacy_dashboard", "year"),
    ("inbox", "advocacy_inbox:index", ""),
)
STAFF_USERNAME = "bench-secretariat"
STAFF_GROUP = "Secretariat"
URL_NAMES = {
    "partners": ("partners:directory", "partners:index", "partners:list", "partner_directory"),
    "api": ("petitions:api_list", "petitions:api-list", "api:petitions", "petitions_api"),
}


def _page_models(app_label: str) -> list:
    if not apps.is_installed(app_label):
        return []
    return [model for model in apps.get_app_config(app_label).get_models() if issubclass(model, Page)]


def _match(name: str, wanted: tuple, unwanted: tuple) -> bool:
    name = name.lower()
    return any(word in name for word in wanted) and not any(word in name for word in unwanted)


def _first_live_page(model):
    pages = model.objects.live().public().order_by("path")
    return pages.filter(locale__language_code=LANGUAGE).first() or pages.first()


def _page_entry(page) -> dict:
    return {"url": page.get_url(), "pk": page.pk, "model": page.specific_class._meta.label}


def discover_page(key: str) -> dict:
    override = os.environ.get(f"BENCH_URL_{key.upper()}")
    if override:
        return {"url": override, "source": "environment"}
    if key == "home":
        page = _first_live_page(apps.get_model("site_project", "HomePage"))
        return _page_entry(page) if page else {"reason": "no live home page"}
    if key == "about":
        page = Page.objects.live().filter(slug="about", locale__language_code=LANGUAGE).first()
        return _page_entry(page) if page else {"reason": "no live page with slug 'about'"}
    app_label, wanted, unwanted = PAGE_TYPES[key]
    if not apps.is_installed(app_label):
        return {"reason": f"app '{app_label}' is not installed"}
    for model in _page_models(app_label):
        if _match(model.__name__, wanted, unwanted):
            page = _first_live_page(model)
            if page:
                return _page_entry(page)
    with translation.override(LANGUAGE):
        for name in URL_NAMES.get(key, ()):
            try:
                return {"url": reverse(name), "source": f"url name {name}"}
            except NoReverseMatch:
                continue
        for model in apps.get_app_config(app_label).get_models():
            if _match(model.__name__, wanted, unwanted) and hasattr(model, "get_absolute_url"):
                item = model._default_manager.order_by("pk").first()
                if item is not None:
                    return {"url": item.get_absolute_url(), "pk": item.pk, "model": model._meta.label}
    return {"reason": f"no live {key} page or URL in app '{app_label}'"}


def discover_api() -> dict:
    override = os.environ.get("BENCH_URL_API")
    if override:
        return {"url": override, "source": "environment"}
    if not apps.is_installed("petitions"):
        return {"reason": "app 'petitions' is not installed"}
    for name in URL_NAMES["api"]:
        try:
            return {"url": reverse(name), "source": f"url name {name}"}
        except NoReverseMatch:
            continue
    return {"url": "/api/petitions/", "source": "the documented path"}


def signature_model():
    if not apps.is_installed("petitions"):
        return None
    try:
        return apps.get_model("petitions", "Signature")
    except LookupError:
        return None


def discover_staff() -> dict:
    """The admin screens of ``STAFF_PAGES``; the year's dashboard asks for the 365 days up to today."""
    found = {}
    for key, name, query in STAFF_PAGES:
        try:
            url = reverse(name)
        except NoReverseMatch:
            found[key] = {"reason": f"no URL named {name}"}
            continue
        if query == "year":
            url += f"?since={timezone.localdate() - datetime.timedelta(days=364):%Y-%m-%d}"
        found[key] = {"url": url}
    return found


def discover() -> dict:
    pages = {}
    for key in ("home", "about", "campaign", "petition", "story", "partners", "partner"):
        try:
            pages[key] = discover_page(key)
        except Exception as error:  # noqa: BLE001  (a half-built app must not stop the bench)
            pages[key] = {"reason": f"{type(error).__name__}: {str(error)[:160]}"}
    try:
        api = discover_api()
    except Exception as error:  # noqa: BLE001
        api = {"reason": f"{type(error).__name__}: {str(error)[:160]}"}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
        else:
            cursor.execute("show server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    return {
        "pages": pages,
        "api": api,
        "staff": discover_staff(),
        "signature_model": bool(signature_model()),
        "apps": sorted(
            config.label
            for config in apps.get_app_configs()
            if config.label in {"site_project", "partners", "petitions", "campaigns", "stories"}
        ),
        "database": {"vendor": connection.vendor, "version": version},
    }


def queries(paths: list[str], client: Client | None = None) -> dict:
    """SQL queries and milliseconds of a first GET of each path in this process, then of a repeat GET."""
    client = client or Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        row = {}
        for visit in ("first", "repeat"):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            row[f"{visit}_ms"] = round(1000 * (time.perf_counter() - started), 1)
            row[visit] = len(captured)
            row["status"] = response.status_code
        counts[path] = row
    return counts


def _staff_client() -> Client | None:
    """A test client signed in as the bench's member of the Secretariat (made once), or None without the group."""
    group = Group.objects.filter(name=STAFF_GROUP).first()
    if group is None:
        return None
    user, created = get_user_model().objects.get_or_create(
        username=STAFF_USERNAME, defaults={"email": "bench-secretariat@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def staff_session() -> dict:
    client = _staff_client()
    if client is None:
        return {"reason": f"no group named {STAFF_GROUP}"}
    name = settings.SESSION_COOKIE_NAME
    return {"cookie": {name: client.cookies[name].value}, "user": STAFF_USERNAME}


def staff_queries(paths: list[str]) -> dict:
    client = _staff_client()
    if client is None:
        return {path: {"reason": f"no group named {STAFF_GROUP}"} for path in paths}
    return queries(paths, client)


def profile(path: str, anonymous: bool = False) -> dict:
    """Where a repeat GET of ``path`` spends its time: cProfile's top functions and each query, on stderr."""
    client = Client(HTTP_HOST="127.0.0.1") if anonymous else _staff_client()
    if client is None:
        return {"reason": f"no group named {STAFF_GROUP}"}
    client.get(path)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        profiler.enable()
        response = client.get(path)
        profiler.disable()
    elapsed = 1000 * (time.perf_counter() - started)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    print(text.getvalue(), file=sys.stderr)
    for query in sorted(captured.captured_queries, key=lambda query: -float(query["time"])):
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}", file=sys.stderr)
    sql_ms = sum(1000 * float(query["time"]) for query in captured.captured_queries)
    return {
        "status": response.status_code,
        "ms": round(elapsed, 1),
        "queries": len(captured),
        "sql_ms": round(sql_ms, 1),
    }


def _signatures_of(pk: int):
    model = signature_model()
    if model is None:
        return None
    for field in model._meta.get_fields():
        if getattr(field, "many_to_one", False) and field.related_model is not None:
            related = field.related_model
            if related is Page or issubclass(related, Page) or related._meta.app_label == "petitions":
                return model._default_manager.filter(**{field.name: pk})
    return None


def _confirmed(queryset):
    for method in ("confirmed",):
        if callable(getattr(queryset, method, None)):
            return getattr(queryset, method)()
    names = {field.name for field in queryset.model._meta.get_fields()}
    if "confirmed_at" in names:
        return queryset.filter(confirmed_at__isnull=False)
    if "is_confirmed" in names:
        return queryset.filter(is_confirmed=True)
    if "confirmed" in names:
        return queryset.filter(confirmed=True)
    return None


def petition_counts(pk: int) -> dict:
    rows = _signatures_of(pk)
    if rows is None:
        return {"reason": "no petitions.Signature model with a foreign key to its petition"}
    confirmed = _confirmed(rows)
    result = {"rows": rows.count(), "confirmed": None if confirmed is None else confirmed.count()}
    if "status" in {field.name for field in rows.model._meta.get_fields()}:
        result["by_status"] = dict(rows.order_by().values_list("status").annotate(n=Count("pk")))
    return result


def export(pk: int) -> dict:
    """Stream every signature of petition ``pk`` as CSV to /dev/null, through the site's exporter."""
    petition = PetitionPage.objects.get(pk=pk)
    started = time.perf_counter()
    rows, size = 0, 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for chunk in services.export_signatures_csv(petition=petition):
            text = chunk.decode() if isinstance(chunk, bytes) else chunk
            rows += text.count("\n")
            size += len(text)
            sink.write(text)
    seconds = time.perf_counter() - started
    return {
        "rows": rows - 1,
        "bytes": size,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds),
    }


def publish(pk: int, marker: str) -> dict:
    page = Page.objects.get(pk=pk).specific
    page.title = f"{page.title.split(' bench-')[0]} {marker}"
    started_at = time.time()
    page.save_revision().publish()  # the site's own signals: content version, then the Varnish ban on commit
    return {"started_at": started_at, "seconds": round(time.time() - started_at, 3), "title": page.title}


def load_demo() -> dict:
    demo.ADMIN_PASSWORD_FILE = Path(os.environ.get("BENCH_WORKDIR", "var/bench")) / "demo-admin.txt"
    call_command("load_demo_data", stdout=sys.stderr)
    return {"loaded": True}


def main(argv: list[str]) -> None:
    command, args = argv[1], argv[2:]
    if command == "load-demo":
        result = load_demo()
    elif command == "discover":
        result = discover()
    elif command == "queries":
        result = queries(args)
    elif command == "petition-counts":
        result = petition_counts(int(args[0]))
    elif command == "export":
        result = export(int(args[0]))
    elif command == "staff-session":
        result = staff_session()
    elif command == "staff-queries":
        result = staff_queries(args)
    elif command == "profile":
        result = profile(args[0], anonymous="--anonymous" in args[1:])
    elif command == "publish":
        result = publish(int(args[0]), args[1])
    elif command == "idle":
        result = {"idle": True}
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv)
