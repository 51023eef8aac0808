"""Petition lists that lead to action: the petitions a visitor can sign come first, closed ones after with their
outcome."""

import datetime

from django.utils import timezone

from petitions.factories import PetitionPageFactory
from petitions.models import PetitionPage, PetitionStatus


def _published(index, **fields) -> PetitionPage:
    page = PetitionPageFactory(parent=index, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_an_open_petition_is_listed_before_a_newer_won_one(client, petition_index):
    open_one = _published(petition_index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    won = _published(petition_index, title="หยุดขายเบียร์สด", slug="draft-beer", status=PetitionStatus.WON)
    assert won.first_published_at >= open_one.first_published_at

    html = client.get("/th/petitions/").content.decode()

    assert html.index(open_one.title) < html.index(won.title)
    assert "ร่วมลงชื่อตอนนี้" in html
    assert "ผลลัพธ์: สำเร็จ" in html


def test_a_petition_past_its_closing_time_counts_as_closed_whatever_its_status(petition_index):
    expired = _published(
        petition_index, slug="expired", closes_at=timezone.now() - datetime.timedelta(hours=1)
    )
    not_yet = _published(petition_index, slug="not-yet", opens_at=timezone.now() + datetime.timedelta(days=3))
    signable = _published(petition_index, slug="signable")

    listed = list(PetitionPage.objects.child_of(petition_index).live().signable_first())

    assert listed[0] == signable and signable.is_accepting()
    assert {page.slug for page in listed[1:]} == {expired.slug, not_yet.slug}
    assert not any(page.is_signable for page in listed[1:])


def test_the_index_with_only_closed_petitions_shows_no_sign_now_heading(client, petition_index):
    _published(petition_index, slug="lost", status=PetitionStatus.LOST)
    html = client.get("/th/petitions/").content.decode()
    assert "ร่วมลงชื่อตอนนี้" not in html and "แคมเปญที่ปิดแล้วและผลลัพธ์" in html


def test_the_demo_lists_the_open_nightlife_petition_before_the_won_draft_beer_one(demo, client):
    for language in ("th", "en"):
        nightlife = PetitionPage.objects.get(slug="nightlife-4am", locale__language_code=language)
        draft_beer = PetitionPage.objects.get(
            slug="draft-beer-convenience-stores", locale__language_code=language
        )
        html = client.get(f"/{language}/petitions/").content.decode()
        assert html.index(nightlife.title) < html.index(draft_beer.title), language
    assert "Outcome: Won" in client.get("/en/petitions/").content.decode()
