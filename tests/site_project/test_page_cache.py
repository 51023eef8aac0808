"""The anonymous page cache: repeat reads cost no SQL, and nothing personal is ever shared."""

import pytest
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse

from site_project.models import HomePage


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


def test_a_repeat_anonymous_read_runs_no_sql(client, home, page_cache, django_assert_num_queries):
    client.get("/th/")  # the very first request creates the site settings row, a content change
    assert client.get("/th/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/th/")
    assert response["X-Page-Cache"] == "hit"
    assert '<html lang="th">' in response.content.decode()


def test_the_cached_page_still_carries_the_security_headers(client, home, page_cache):
    client.get("/th/")
    response = client.get("/th/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_publishing_a_page_refreshes_the_cache_at_once(client, home, page_cache):
    client.get("/th/")
    home.intro = "ข้อความใหม่"
    home.save_revision().publish()
    assert "ข้อความใหม่" in client.get("/th/").content.decode()


def test_signed_in_readers_are_never_served_from_the_cache(client, home, page_cache, editor, client_as):
    client.get("/th/")
    response = client_as(editor).get("/th/")
    assert "X-Page-Cache" not in response


def test_a_page_with_a_csrf_token_is_never_shared(client, home, page_cache, monkeypatch):
    def serve_with_form(self, request, *args, **kwargs):
        return TemplateResponse(request, "404.html", {"token": get_token(request)})

    monkeypatch.setattr(HomePage, "serve", serve_with_form)
    for _ in range(3):
        assert "X-Page-Cache" not in client.get("/th/")


def test_the_cache_is_off_when_page_cache_seconds_is_zero(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/th/")
    assert "X-Page-Cache" not in client.get("/th/")


def test_a_hit_carries_every_header_the_first_view_had(client, home, page_cache):
    client.get("/th/")
    first = client.get("/th/")
    hit = client.get("/th/")
    assert hit["X-Page-Cache"] == "hit"
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ):
        assert hit[name] == first[name]


def test_a_visitor_with_a_message_waiting_reaches_the_view(client, home, page_cache):
    client.get("/th/")
    client.get("/th/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/th/")


def test_plain_http_is_still_redirected_to_https_when_the_page_is_cached(home, page_cache, settings):
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = True
    browser = Client()  # a fresh client loads the middleware with the setting on
    browser.get("/th/", secure=True)
    assert browser.get("/th/", secure=True)["X-Page-Cache"] in ("miss", "hit")
    response = browser.get("/th/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_each_host_has_its_own_cached_copy(client, home, page_cache, settings):
    settings.ALLOWED_HOSTS = ["testserver", "phakhi.example"]
    client.get("/th/")
    client.get("/th/")
    assert client.get("/th/", HTTP_HOST="phakhi.example")["X-Page-Cache"] != "hit"


def test_pages_are_compressed_for_browsers_that_ask_and_a_hit_is_too(client, home, page_cache):
    import gzip

    plain = client.get("/th/").content
    for _ in range(2):
        response = client.get("/th/", HTTP_ACCEPT_ENCODING="gzip, br")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).decode().count('<html lang="th">') == 1
    assert response["X-Page-Cache"] == "hit"
    assert len(response.content) < len(plain) / 2


def test_a_page_with_nothing_personal_is_compressed_once_and_served_as_is(client, home, page_cache):
    client.get("/th/")
    client.get("/th/")
    first = client.get("/th/", HTTP_ACCEPT_ENCODING="gzip")
    second = client.get("/th/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "hit"
    assert first["Content-Encoding"] == "gzip"
    assert first.content == second.content  # the stored bytes, not a fresh compression with random padding
