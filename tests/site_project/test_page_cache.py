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
