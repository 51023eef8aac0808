"""A petition page, and a campaign with a petition block, are one cached copy for every anonymous reader;
whoever reads that copy can sign from it, with no CSRF cookie, for as long as any copy may be served."""

import gzip
import re
import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.functional import empty

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from petitions import abuse
from petitions.factories import SignatureFactory
from petitions.models import QuarantineReason, Signature, SignatureStatus
from site_project import pagecache

from .conftest import sign_url

FORM = re.compile(r'<form method="post" action="([^"]+)" class="petition-form">(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture
def campaign(petition):
    """A campaign whose only block is the petition's (an RSVP form would need a CSRF token)."""
    index = CampaignIndexPageFactory(parent=petition.get_parent().get_parent())
    page = CampaignPageFactory(
        parent=index, slug="nightlife-campaign", body=[("petition", {"petition": petition, "intro": "ลงชื่อ"})]
    )
    page.save_revision().publish()
    return page


def reader() -> Client:
    """An anonymous visitor with their own (empty) cookie jar, held to the CSRF check as a browser is."""
    return Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")


def cached(url: str):
    """The page as a reader gets it from the cache: the first reader stores it, a new one reads the copy."""
    reader().get(url)
    response = reader().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def sign_form(response) -> tuple[str, dict]:
    """The sign form's action and hidden fields, as a browser would send them."""
    action, form = FORM.search(response.content.decode()).groups()
    return action, dict(HIDDEN.findall(form))


def signer(email: str) -> dict:
    return {"name": "สมหญิง ใจดี", "email": email, "province": "chiang-rai", "consent": "on"}


@pytest.fixture
def later(monkeypatch):
    """Move the form token's clock ``seconds`` ahead of now: the time between the copy and the post."""

    def move(seconds: float) -> None:
        clock = SimpleNamespace(time=lambda: moved)
        moved = time.time() + seconds
        monkeypatch.setattr("petitions.abuse.time", clock)
        monkeypatch.setattr("django.core.signing.time", clock)  # where the token's max age is checked

    return move


def test_two_anonymous_readers_get_the_same_bytes_of_a_petition_page(petition, page_cache):
    first = reader().get(petition.url)
    second = reader().get(petition.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert not first.cookies and not second.cookies  # no CSRF cookie, nothing for one reader
    assert "csrfmiddlewaretoken" not in second.content.decode()


def test_a_repeat_read_of_a_petition_is_a_cache_hit_with_no_sql(
    full_petition, page_cache, django_assert_num_queries
):
    reader().get(full_petition.url)
    with django_assert_num_queries(0):
        response = reader().get(full_petition.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Cache-Control" in response and "public" in response["Cache-Control"]


def test_a_campaign_with_a_petition_block_is_one_copy_for_every_reader(
    campaign, page_cache, django_assert_num_queries
):
    first = reader().get(campaign.url)
    with django_assert_num_queries(0):
        second = reader().get(campaign.url)
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert 'name="form_token"' in second.content.decode()


def test_a_reader_of_the_cached_page_signs_without_a_csrf_cookie(
    petition, page_cache, settings, later, mailoutbox
):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 3
    visitor = reader()
    action, hidden = sign_form(visitor.get(petition.url))
    assert action == sign_url(petition)
    later(3)  # a person takes a few seconds to fill the form in
    response = visitor.post(action, {**hidden, **signer("somying@example.org")})
    assert response.status_code == 302 and "/petitions/thanks/" in response["Location"]
    signature = Signature.objects.get(email="somying@example.org")
    assert signature.status == SignatureStatus.PENDING
    assert signature.quarantine_reason == ""


def test_every_reader_of_one_copy_can_sign_from_it(petition, page_cache, later):
    page = cached(petition.url)
    action, hidden = sign_form(page)
    later(5)
    for email in ("first@example.org", "second@example.org"):
        assert reader().post(action, {**hidden, **signer(email)}).status_code == 302
    assert set(Signature.objects.filter(status=SignatureStatus.PENDING).values_list("email", flat=True)) == {
        "first@example.org",
        "second@example.org",
    }


def test_a_reader_signs_from_the_cached_petition_block_of_a_campaign(campaign, petition, page_cache, later):
    action, hidden = sign_form(cached(campaign.url))
    later(5)
    response = reader().post(action, {**hidden, **signer("kanya@example.org")})
    assert response.status_code == 302
    assert Signature.objects.get(email="kanya@example.org").petition_id == petition.pk


def test_a_last_good_copy_a_day_old_still_signs_a_day_later(petition, page_cache, later):
    action, hidden = sign_form(cached(petition.url))
    later(pagecache.STALE_SECONDS + abuse.FORM_OPEN_SECONDS - 60)
    reader().post(action, {**hidden, **signer("late@example.org")})
    assert Signature.objects.get(email="late@example.org").status == SignatureStatus.PENDING


def test_a_form_kept_open_past_its_tokens_life_is_quarantined_not_counted(petition, page_cache, later):
    action, hidden = sign_form(cached(petition.url))
    later(pagecache.longest_copy_seconds() + abuse.FORM_OPEN_SECONDS + 60)
    response = reader().post(action, {**hidden, **signer("stale@example.org")})
    assert response.status_code == 302  # the signer sees the same thanks page
    signature = Signature.objects.get(email="stale@example.org")
    assert signature.status == SignatureStatus.QUARANTINED
    assert signature.quarantine_reason == QuarantineReason.NO_FORM_TOKEN


def test_signing_never_reads_the_session_or_the_signed_in_user(petition, editor, client_as, later):
    signed_in = client_as(editor)
    signed_in.handler.enforce_csrf_checks = True
    action, hidden = sign_form(signed_in.get(petition.url))
    later(5)
    for data, status in ((signer("editor@example.org"), 302), ({"name": "สมหญิง"}, 400)):
        response = signed_in.post(action, {**hidden, **data})
        assert response.status_code == status
        assert not response.wsgi_request.session.accessed
        assert response.wsgi_request.user._wrapped is empty
        assert "Cookie" not in response.get("Vary", "")
    assert Signature.objects.get(email="editor@example.org").status == SignatureStatus.PENDING


def test_the_copy_shows_the_count_of_when_it_was_made_until_the_period_ends(
    petition, page_cache, monkeypatch
):
    reader().get(petition.url)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    cache.delete(f"petitions:totals:{petition.pk}")  # as when the few-second count cache expires
    assert "<strong>0</strong>" in reader().get(petition.url).content.decode()
    moved = time.time() + 31
    monkeypatch.setattr("site_project.pagecache.freshness.time", SimpleNamespace(time=lambda: moved))
    response = reader().get(petition.url)
    assert response["X-Page-Cache"] == "miss"
    assert "<strong>3</strong>" in response.content.decode()


def test_a_share_link_tag_gets_its_own_copy_and_any_other_parameter_does_not(petition, page_cache):
    tagged = reader().get(petition.url + "?src=line")
    assert 'name="source" value="line"' in tagged.content.decode()
    again = reader().get(petition.url + "?fbclid=IwAR0&src=line")
    assert again["X-Page-Cache"] == "hit"
    plain = reader().get(petition.url + "?fbclid=IwAR1")
    assert 'name="source"' in plain.content.decode()
    assert 'value="line"' not in plain.content.decode()


def test_the_embed_served_from_the_cache_can_still_be_framed_by_partner_sites(petition, page_cache):
    response = cached(f"/embed/petitions/{petition.pk}/")
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert 'name="form_token"' in response.content.decode()


def test_a_cached_petition_page_is_compressed_once_and_served_as_is(petition, page_cache):
    reader().get(petition.url)
    first = reader().get(petition.url, HTTP_ACCEPT_ENCODING="gzip")
    second = reader().get(petition.url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "hit"
    assert first["Content-Encoding"] == "gzip"
    assert first.content == second.content
    assert 'name="form_token"' in gzip.decompress(first.content).decode()
