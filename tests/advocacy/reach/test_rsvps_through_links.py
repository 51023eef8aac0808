"""RSVPs through a partner's links: a reply sent from a campaign page opened through the partner's link counts on
that partner's reach page, next to the campaign's link, and on no other partner's, at a cost that does not grow
with the RSVPs or the campaigns.
"""

import datetime
import html
import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventRSVP

from .helpers import REACH

RSVP_FORM = re.compile(r'<form\s+action="([^"]+/rsvp/[^"]+)"[^>]*>(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def _event(days_ahead: int) -> dict:
    return {
        "title": "เดินรณรงค์ที่หอนาฬิกา",
        "date": timezone.localdate() + datetime.timedelta(days=days_ahead),
        "province": "chiang-rai",
        "takes_rsvp": True,
    }


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPageFactory(parent=home, slug="campaigns")


def _campaign(campaign_index, slug: str, days_ahead: int = 5):
    today = timezone.localdate()
    page = CampaignPageFactory(
        parent=campaign_index,
        title=f"แคมเปญ {slug}",
        slug=slug,
        start_date=today + datetime.timedelta(days=days_ahead),
        end_date=today + datetime.timedelta(days=days_ahead + 15),
        body=[("event", _event(days_ahead + 1))],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def walk(campaign_index):
    """An upcoming campaign whose walk takes RSVPs."""
    return _campaign(campaign_index, "16-days")


def campaign_link(portal, campaign) -> str:
    found = re.search(
        rf'<input id="reach-link-campaign-{campaign.pk}" type="text" readonly value="([^"]+)">',
        portal.get(REACH).content.decode(),
    )
    assert found, "the campaign's link is on the reach page"
    return html.unescape(found.group(1))


def rsvps_on_reach_page(portal, campaign) -> int:
    found = re.search(
        rf'id="reach-campaign-{campaign.pk}">.*?<strong>(\d+)</strong>',
        portal.get(REACH).content.decode(),
        re.S,
    )
    assert found, "the campaign's RSVP count is on the page"
    return int(found.group(1))


def rsvp_through(link: str, *, email: str) -> None:
    """A reader opens ``link``, and replies from the event's form on the page it shows."""
    reader = Client(enforce_csrf_checks=True)
    address = urlsplit(link)
    page = reader.get(f"{address.path}?{address.query}")
    action, form = RSVP_FORM.search(page.content.decode()).groups()
    hidden = dict(HIDDEN.findall(form))
    prefix = next(name for name in hidden if name.endswith("-form_token")).removesuffix("form_token")
    typed = {"name": "สมหญิง ใจดี", "email": email, "phone": "", "people": "2"}
    response = reader.post(action, {**hidden, **{f"{prefix}{key}": value for key, value in typed.items()}})
    assert response.status_code == 302


def test_an_rsvp_through_a_partners_link_counts_for_that_partner_and_not_for_another(
    client_as, rep, other_rep, walk
):
    portal, other_portal = client_as(rep), client_as(other_rep)
    link = campaign_link(portal, walk)
    assert link.endswith("/th/campaigns/16-days/?src=stop-drink-network")
    assert rsvps_on_reach_page(portal, walk) == 0

    rsvp_through(link, email="somying@example.org")
    assert EventRSVP.objects.get().source == "stop-drink-network"
    assert rsvps_on_reach_page(portal, walk) == 1
    assert rsvps_on_reach_page(other_portal, walk) == 0

    rsvp_through(campaign_link(other_portal, walk), email="somchai@example.org")
    assert rsvps_on_reach_page(portal, walk) == 1
    assert rsvps_on_reach_page(other_portal, walk) == 1


def test_the_rsvp_count_is_said_in_thai_next_to_the_campaigns_link(client_as, rep, walk):
    rsvp_through(campaign_link(client_as(rep), walk), email="somying@example.org")
    page = client_as(rep).get(REACH).content.decode()
    assert "ลงทะเบียนเข้าร่วมกิจกรรม <strong>1</strong> ครั้ง ผ่านลิงก์ของคุณ" in page
    assert "Event RSVPs are not counted per link yet" not in page


def test_rsvps_with_another_source_or_none_do_not_count_for_the_partner(client_as, rep, walk):
    for source in ("line", "", "foundation-b", "stop-drink-network"):
        EventRSVP.objects.create(
            campaign=walk,
            event_block_id=walk.body[0].id,
            event_title="เดินรณรงค์",
            event_date=walk.body[0].value["date"],
            name="ก",
            phone="0812345678",
            source=source,
        )
    assert rsvps_on_reach_page(client_as(rep), walk) == 1


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_reach_page_counts_rsvps_for_every_campaign_in_as_many_queries_for_one_as_for_many(
    client_as, rep, walk, campaign_index
):
    portal = client_as(rep)
    portal.get(REACH)  # the session, the site and the locales are cached from here on
    few = _queries(portal, REACH)
    more = [_campaign(campaign_index, f"campaign-{n}", days_ahead=6 + n) for n in range(3)]
    for campaign in [walk, *more]:
        EventRSVP.objects.bulk_create(
            EventRSVP(
                campaign=campaign,
                event_block_id=campaign.body[0].id,
                event_title="เดินรณรงค์",
                event_date=campaign.body[0].value["date"],
                name="ก",
                phone="0812345678",
                source="stop-drink-network",
            )
            for _ in range(5)
        )
    portal.get(REACH)  # publishing the campaigns changed the content version: the memo is read again once
    assert _queries(portal, REACH) == few
    assert [rsvps_on_reach_page(portal, campaign) for campaign in [walk, *more]] == [5, 5, 5, 5]
