"""A petition page is served from the shared page cache, yet every reader gets their own tokens and the live count."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from petitions.factories import SignatureFactory

from .conftest import sign_url

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_INPUT = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


def reader() -> Client:
    """An anonymous visitor with their own cookie jar who must pass the CSRF check, as a browser does."""
    return Client(enforce_csrf_checks=True)


def read_twice(petition) -> tuple:
    """A first reader fills the cache; a second, new reader is served from it."""
    first = reader().get(petition.url)
    second_reader = reader()
    return first, second_reader, second_reader.get(petition.url)


def test_a_repeat_read_of_a_petition_is_a_cache_hit_with_no_sql(
    petition, page_cache, django_assert_num_queries
):
    reader().get(petition.url)
    reader().get(petition.url)  # the first render may still create rows (site settings); the second is stored
    with django_assert_num_queries(0):
        response = reader().get(petition.url)
    assert response["X-Page-Cache"] == "hit"
    assert "@@hole:" not in response.content.decode()


def test_two_readers_of_the_cached_page_never_share_a_csrf_token_or_form_token(petition, page_cache):
    first, _, second = read_twice(petition)
    assert second["X-Page-Cache"] == "hit"
    first_html, second_html = first.content.decode(), second.content.decode()
    assert CSRF_INPUT.search(first_html).group(1) != CSRF_INPUT.search(second_html).group(1)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert FORM_TOKEN_INPUT.search(second_html) is not None


def test_a_reader_served_from_the_cache_can_sign(petition, page_cache, mailoutbox):
    _, visitor, page = read_twice(petition)
    html = page.content.decode()
    data = {
        "csrfmiddlewaretoken": CSRF_INPUT.search(html).group(1),
        "form_token": FORM_TOKEN_INPUT.search(html).group(1),
        "name": "สมหญิง ใจดี",
        "email": "somying@example.org",
        "province": "chiang-rai",
        "consent": "on",
    }
    response = visitor.post(sign_url(petition), data)
    assert response.status_code == 302
    assert petition.signatures.filter(email="somying@example.org").exists()


def test_the_cached_page_shows_the_live_count(petition, page_cache):
    reader().get(petition.url)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    cache.delete(f"petitions:totals:{petition.pk}")  # as when the few-second count cache expires
    response = reader().get(petition.url)
    assert response["X-Page-Cache"] == "hit"
    assert "<strong>3</strong>" in response.content.decode()


def test_an_editor_cannot_plant_a_hole_in_the_page(petition, page_cache):
    petition.summary = "@@hole:0000000000000000:csrf:@@ and @@hole:x:form_token:1@@"
    petition.save_revision().publish()
    reader().get(petition.url)
    html = reader().get(petition.url).content.decode()
    assert "@@hole:0000000000000000:csrf:@@" in html


def test_the_embed_served_from_the_cache_can_still_be_framed_by_partner_sites(petition, page_cache):
    path = f"/embed/petitions/{petition.pk}/"
    reader().get(path)
    response = reader().get(path)
    assert response["X-Page-Cache"] == "hit"
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert FORM_TOKEN_INPUT.search(response.content.decode()) is not None


def test_a_cached_petition_page_is_compressed_with_its_holes_filled(petition, page_cache):
    import gzip

    reader().get(petition.url)
    response = reader().get(petition.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["X-Page-Cache"] == "hit" and response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "@@hole:" not in html
    assert CSRF_INPUT.search(html) is not None
