"""The anonymous page cache: repeat reads cost no SQL, and nothing personal is ever shared."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse

from site_project.models import HomePage
from site_project.pagecache.keys import KEY_PREFIX


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


def stored_pages() -> int:
    """How many pages the cache holds (the local-memory cache of the tests)."""
    return sum(f".cache_page.{KEY_PREFIX}." in key for key in cache._cache)


@pytest.fixture
def home_shows(home, monkeypatch):
    """``home_shows(body)``: the home page answers with the HTML that ``body(request)`` returns."""

    def show(body):
        def serve(self, request, *args, **kwargs):
            return HttpResponse(body(request), content_type="text/html")

        monkeypatch.setattr(HomePage, "serve", serve)

    return show


@pytest.fixture
def home_reads_page(home_shows):
    """The home page shows which ``?page=`` (a declared parameter) it was asked for."""
    home_shows(lambda request: f"<p>page {request.GET.get('page', '1')}</p>")


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
        response = client.get("/th/")
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]  # nor kept by a shared cache in front of the site


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


def test_any_other_query_string_is_served_the_one_copy_of_the_page(client, home, page_cache):
    client.get("/th/")
    plain = client.get("/th/")
    for query in ("?x=123", "?fbclid=IwAR0abc", "?utm_content=banner&x=1", "?", "?x=1&x=2"):
        response = client.get("/th/" + query)
        assert response["X-Page-Cache"] == "hit", query
        assert response.content == plain.content
    assert stored_pages() == 1


def test_a_declared_parameter_gives_each_value_its_own_copy(client, home_reads_page, page_cache):
    assert "page 2" in client.get("/th/?page=2").content.decode()
    assert "page 3" in client.get("/th/?page=3").content.decode()
    second = client.get("/th/?fbclid=abc&page=2")
    assert second["X-Page-Cache"] == "hit"
    assert "page 2" in second.content.decode()
    assert "page 1" in client.get("/th/").content.decode()
    assert stored_pages() == 3


def test_a_page_that_reads_an_undeclared_parameter_is_served_but_never_stored(client, home_shows, page_cache):
    home_shows(lambda request: f"<p>{request.GET.get('colour', 'plain')}</p>")
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/th/")
    red = client.get("/th/?colour=red")
    assert "red" in red.content.decode()
    assert "X-Page-Cache" not in red
    assert stored_pages() == 0


def test_a_page_that_reads_its_whole_query_is_stored_only_from_a_clean_address(
    client, home_shows, page_cache
):
    home_shows(lambda request: f"<p>[{request.GET.urlencode()}]</p>")
    tracked = client.get("/th/?x=1")
    assert "[x=1]" in tracked.content.decode()
    assert "X-Page-Cache" not in tracked  # it read ``x``, which changes nothing only if nobody reads it
    assert client.get("/th/?page=2")["X-Page-Cache"] == "miss"
    hit = client.get("/th/?page=2&x=1")
    assert hit["X-Page-Cache"] == "hit"
    assert "[page=2]" in hit.content.decode()


def test_a_stored_page_may_be_kept_by_a_shared_cache_but_never_for_signed_in_readers(
    client, home, page_cache
):
    client.get("/th/")
    stored = client.get("/th/")
    hit = client.get("/th/")
    for response in (stored, hit):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "s-maxage=30"} <= directives
        assert "Cookie" in response["Vary"]
    assert 0 <= int(hit["Age"]) <= 30


def test_a_head_request_is_answered_from_the_pages_copy(client, home, page_cache):
    client.get("/th/")
    client.get("/th/")
    response = client.head("/th/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_readers_who_accept_gzip_and_readers_who_do_not_share_one_copy(client, home, page_cache):
    client.get("/th/")
    client.get("/th/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert client.get("/th/", HTTP_ACCEPT_ENCODING="identity")["X-Page-Cache"] == "hit"
    assert client.get("/th/", HTTP_ACCEPT_ENCODING="gzip")["X-Page-Cache"] == "hit"
    assert stored_pages() == 1
