"""RSVP closes when an event starts: the page stops offering the form (and no cached copy keeps offering it),
and a reply sent after the start is refused with a translated message and a 410, never a 500."""

import datetime

import pytest
from django.utils import timezone
from django.utils.functional import empty
from wagtail.models import Site

from campaigns import views
from campaigns.factories import CampaignPageFactory
from campaigns.models import EventRSVP
from campaigns.services import RSVPClosed, record_rsvp
from site_project.models import SiteSettings

from .conftest import EVENT
from .test_rsvp import in_thai, reader, rsvp_form

CLOSED_NOTE = "Replies are closed: this event has started or is over."
REFUSED = "This event has started or is over, so it no longer takes replies. Nothing was kept."


def _event_starting_in(delta: datetime.timedelta, **fields) -> dict:
    start = timezone.localtime() + delta
    return {
        **EVENT,
        "date": start.date(),
        "start_time": start.time().replace(microsecond=0),
        "end_time": None,
        **fields,
    }


def _campaign_with(campaign_index, theme, *events, slug="walks"):
    page = CampaignPageFactory(
        parent=campaign_index, title="เดิน", slug=slug, theme=theme, body=[("event", e) for e in events]
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _ids(page) -> list[str]:
    return [block.id for block in page.body if block.block_type == "event"]


def _data(page, block_id: str, **fields) -> dict:
    token = views.RSVPForm.for_event(page, block_id).initial["form_token"]
    data = {"name": "สมชาย", "email": "somchai@example.org", "phone": "", "people": "2", "form_token": token}
    return {f"rsvp-{block_id}-{key}": value for key, value in {**data, **fields}.items()}


def test_a_reply_to_an_event_that_is_over_is_refused_with_a_translated_message(client, campaign):
    over = _ids(campaign)[1]  # the walk of 25 November 2025

    response = client.post(f"/th/campaigns/rsvp/{campaign.pk}/{over}/", _data(campaign, over))

    assert response.status_code == 410
    assert in_thai(REFUSED) != REFUSED and in_thai(REFUSED) in response.content.decode()
    assert not EventRSVP.objects.exists()


def test_a_reply_an_hour_after_the_start_is_refused_while_the_event_is_still_on(
    client, campaign_index, theme
):
    page = _campaign_with(campaign_index, theme, _event_starting_in(-datetime.timedelta(hours=1)))
    started = _ids(page)[0]

    response = client.post(f"/th/campaigns/rsvp/{page.pk}/{started}/", _data(page, started))

    assert response.status_code == 410
    assert not EventRSVP.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "", "email": "not an address", "people": "5000"},
        {"form_token": "forged"},
        {"name": "\u200b" * 3, "phone": "x" * 500},
    ],
)
def test_bad_input_after_the_start_is_refused_the_same_way_never_a_500(client, campaign, fields):
    over = _ids(campaign)[1]
    response = client.post(f"/th/campaigns/rsvp/{campaign.pk}/{over}/", _data(campaign, over, **fields))
    assert response.status_code == 410
    assert not EventRSVP.objects.exists()


def test_an_all_day_event_closes_at_the_start_of_its_day(client, campaign_index, theme):
    today = {**EVENT, "date": timezone.localdate(), "start_time": None, "end_time": None}
    page = _campaign_with(campaign_index, theme, today)
    assert (
        client.post(f"/th/campaigns/rsvp/{page.pk}/{_ids(page)[0]}/", _data(page, _ids(page)[0])).status_code
        == 410
    )


def test_the_page_offers_the_form_for_the_upcoming_event_only(client, campaign):
    upcoming, over = _ids(campaign)
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert f"/rsvp/{campaign.pk}/{upcoming}/" in html
    assert f"/rsvp/{campaign.pk}/{over}/" not in html and f"rsvp-{over}-" not in html
    assert in_thai(CLOSED_NOTE) != CLOSED_NOTE and in_thai(CLOSED_NOTE) in html


def test_a_reply_to_the_upcoming_event_is_still_kept(client, campaign):
    upcoming = _ids(campaign)[0]
    response = client.post(f"/th/campaigns/rsvp/{campaign.pk}/{upcoming}/", _data(campaign, upcoming))
    assert response.status_code == 302
    assert EventRSVP.objects.get().event_date == datetime.date(2099, 11, 25)


def test_the_service_refuses_an_event_that_has_started(campaign):
    with pytest.raises(RSVPClosed):
        record_rsvp(
            campaign=campaign, block_id=_ids(campaign)[1], data={"name": "ก", "email": "a@example.org"}
        )


def test_an_event_that_starts_while_the_reply_is_checked_is_refused_not_a_500(client, campaign, monkeypatch):
    def starts_now(**kwargs):
        raise RSVPClosed(kwargs["block_id"])

    monkeypatch.setattr(views, "record_rsvp", starts_now)
    upcoming = _ids(campaign)[0]
    response = client.post(f"/th/campaigns/rsvp/{campaign.pk}/{upcoming}/", _data(campaign, upcoming))
    assert response.status_code == 410
    assert in_thai(REFUSED) in response.content.decode()


@pytest.fixture
def page_cache(settings, home):
    settings.PAGE_CACHE_SECONDS = 600
    SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_a_page_whose_form_closes_before_a_copy_would_expire_is_never_cached(
    campaign_index, theme, page_cache
):
    page = _campaign_with(campaign_index, theme, _event_starting_in(datetime.timedelta(minutes=5)))

    first, second = reader().get(page.url), reader().get(page.url)

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "no-cache" in second["Cache-Control"] and "public" not in second["Cache-Control"]
    action, _hidden = rsvp_form(second)  # the form is offered while the event has not started
    assert f"/rsvp/{page.pk}/" in action


def test_a_page_whose_forms_stay_open_longer_than_a_copy_lives_is_cached(campaign_index, theme, page_cache):
    page = _campaign_with(campaign_index, theme, _event_starting_in(datetime.timedelta(days=2)))
    assert reader().get(page.url)["X-Page-Cache"] == "miss"
    assert reader().get(page.url)["X-Page-Cache"] == "hit"


def test_a_refused_late_reply_never_reads_the_session_or_the_signed_in_user(campaign, editor, client_as):
    signed_in = client_as(editor)
    signed_in.handler.enforce_csrf_checks = True
    over = _ids(campaign)[1]
    response = signed_in.post(f"/th/campaigns/rsvp/{campaign.pk}/{over}/", _data(campaign, over))
    assert response.status_code == 410
    assert not response.wsgi_request.session.accessed
    assert response.wsgi_request.user._wrapped is empty
    assert "wagtail-userbar" not in response.content.decode()
