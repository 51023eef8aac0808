"""The lean path behind gunicorn (``site_project.lean``): a sign or confirmation POST goes to a handler without
the session, auth and messages middleware, and answers exactly as the full stack does."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from petitions.models import QuarantineReason, Signature, SignatureStatus
from site_project.lean import NOT_NEEDED, LeanHandler, LeanPostRoutes
from site_project.pagecache.wsgi import PageCacheApplication

from .conftest import last_token, sign_data, sign_url

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture(scope="module")
def site():
    """The application ``site_project.wsgi`` serves, made the same way."""
    return LeanPostRoutes(PageCacheApplication(WSGIHandler()), LeanHandler())


@pytest.fixture
def through_site(site):
    """``through_site(request)``: the response to a ``RequestFactory`` request from the site's WSGI application,
    leaving the test's database connection open as the test client does."""

    def serve(request):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = site(request.environ, lambda status, headers, exc_info=None: None)
            response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return response

    return serve


@pytest.fixture
def middleware_calls(monkeypatch):
    """The session, auth and messages middleware each request went through, by name."""
    calls = []
    for middleware in (SessionMiddleware, AuthenticationMiddleware, MessageMiddleware):
        original = middleware.process_request

        def spy(self, request, _original=original, _name=middleware.__name__):
            calls.append(_name)
            return _original(self, request)

        monkeypatch.setattr(middleware, "process_request", spy)
    return calls


def post(path, data=None, **extra):
    return RequestFactory().post(path, data if data is not None else {}, REMOTE_ADDR="203.0.113.7", **extra)


def test_a_sign_post_skips_the_session_auth_and_messages_middleware(through_site, middleware_calls, petition):
    through_site(RequestFactory().get(petition.url))
    assert middleware_calls == ["SessionMiddleware", "AuthenticationMiddleware", "MessageMiddleware"]
    middleware_calls.clear()
    response = through_site(post(sign_url(petition), sign_data(petition)))
    assert response.status_code == 302
    assert middleware_calls == []
    assert Signature.objects.get().email == "somying@example.org"


def test_the_lean_handler_leaves_out_only_what_signing_does_not_need(settings):
    kept = LeanHandler().middleware
    assert kept == [path for path in settings.MIDDLEWARE if path not in NOT_NEEDED]
    assert "django.contrib.sessions.middleware.SessionMiddleware" not in kept
    for needed in (
        "SecurityHeadersMiddleware",
        "LocaleMiddleware",
        "InputGuardMiddleware",
        "CsrfViewMiddleware",
    ):
        assert any(path.endswith(needed) for path in kept)


def test_a_sign_post_answers_as_the_full_stack_does_with_every_security_header(
    client, through_site, petition
):
    full = client.post(sign_url(petition), sign_data(petition, email="full@example.org"))
    lean = through_site(post(sign_url(petition), sign_data(petition, email="lean@example.org")))
    assert (lean.status_code, lean["Location"]) == (full.status_code, full["Location"])
    assert lean["Location"] == f"/th/petitions/thanks/{petition.pk}/"
    assert set(lean.headers) == set(full.headers)
    for header in SECURITY_HEADERS:
        assert lean[header] == full[header] or header == "Content-Security-Policy"
    assert "frame-ancestors 'none'" in lean["Content-Security-Policy"]
    assert (lean["X-Frame-Options"], lean["Cache-Control"], lean["Content-Language"]) == (
        "DENY",
        "private",
        "th",
    )


@pytest.mark.parametrize(
    ("language", "required"), [("th", "กรุณากรอกช่องนี้"), ("en", "This field is required.")]
)
def test_bad_input_on_the_lean_path_is_a_400_in_the_readers_language(
    through_site, petition, language, required
):
    response = through_site(post(sign_url(petition, language), sign_data(petition, name="")))
    assert response.status_code == 400
    assert required in response.content.decode()
    assert not Signature.objects.exists()


def test_text_that_is_not_utf8_is_refused_with_the_translated_400_on_the_lean_path(through_site, petition):
    body = urlencode(sign_data(petition, name="สมชาย".encode("tis-620")))  # the legacy Thai encoding
    request = post(sign_url(petition), body, content_type="application/x-www-form-urlencoded")
    response = through_site(request)
    assert response.status_code == 400
    assert "ข้อมูลบางส่วนที่คุณส่งมาไม่ใช่ข้อความที่ถูกต้อง (UTF-8)" in response.content.decode()
    assert not Signature.objects.exists()


def test_a_post_for_no_such_petition_is_a_404_on_the_lean_path(through_site, petition):
    assert (
        through_site(post(f"/th/petitions/sign/{petition.pk + 1000}/", sign_data(petition))).status_code
        == 404
    )


def test_a_throttled_address_is_quarantined_on_the_lean_path_with_the_same_response(
    through_site, petition, settings
):
    """Signing refuses no one: beyond the limit a signature is quarantined, and the answer gives nothing away."""
    settings.PETITION_RATE_LIMIT_BURST = "2/60"
    responses = [
        through_site(post(sign_url(petition), sign_data(petition, email=f"office{number}@example.org")))
        for number in range(3)
    ]
    assert {(response.status_code, response["Location"]) for response in responses} == {
        (302, f"/th/petitions/thanks/{petition.pk}/")
    }
    statuses = list(Signature.objects.order_by("pk").values_list("status", "quarantine_reason"))
    assert statuses == [(SignatureStatus.PENDING, "")] * 2 + [
        (SignatureStatus.QUARANTINED, QuarantineReason.RATE_BURST)
    ]


def test_a_confirmation_post_takes_the_lean_path_and_keeps_the_csrf_check(
    through_site, middleware_calls, sign, petition
):
    sign(petition)
    link = f"/th/petitions/confirm/{last_token()}/"
    page = through_site(RequestFactory().get(link))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    cookie = f"csrftoken={page.cookies['csrftoken'].value}"
    middleware_calls.clear()

    refused = through_site(post(link, {}, HTTP_COOKIE=cookie))
    assert refused.status_code == 403
    assert "ส่งแบบฟอร์มนี้ไม่ได้" in refused.content.decode()  # "This form could not be sent"
    assert Signature.objects.get().status == SignatureStatus.PENDING

    confirmed = through_site(post(link, {"csrfmiddlewaretoken": token}, HTTP_COOKIE=cookie))
    assert (confirmed.status_code, confirmed["Location"]) == (303, f"/th/petitions/confirmed/{petition.pk}/")
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED
    assert middleware_calls == []
    assert confirmed["X-Frame-Options"] == "DENY"
