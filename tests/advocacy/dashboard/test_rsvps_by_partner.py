"""The RSVP chart with a partner chosen: only the replies sent from a campaign page opened through the partner's
links count, in the same number of queries as without a partner."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventRSVP
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage

from .helpers import TODAY, URL

DAY = TODAY + datetime.timedelta(days=3)


@pytest.fixture
def walk(home):
    """A campaign walk with replies through the partner's link (2 people), a chat post (5) and no link (1)."""
    event = {"title": "เดินรณรงค์", "date": DAY, "province": "chiang-rai", "capacity": 20}
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), body=[("event", event)])
    campaign.refresh_from_db()  # the block's id is given as it is stored
    for people, source in ((1, "friends"), (1, "friends"), (5, "line"), (1, "")):
        EventRSVP.objects.create(
            campaign=campaign,
            event_block_id=campaign.body[0].id,
            event_title="เดินรณรงค์",
            event_date=DAY,
            name="ก",
            people=people,
            source=source,
        )
    return campaign


def rsvp_panel(page: str) -> str:
    return page.split('id="panel-rsvps"', 1)[1].split("</section>", 1)[0]


def test_choosing_a_partner_counts_only_the_rsvps_that_came_through_its_links(
    secretariat, signed, friends, walk
):
    everyone = rsvp_panel(secretariat.get(URL).content.decode())
    assert "8 people said they will come to 1 events dated from" in everyone
    through_friends = rsvp_panel(secretariat.get(URL, {"partner": friends.pk}).content.decode())
    assert "2 people said they will come to 1 events dated from" in through_friends
    assert "2 replies" in through_friends
    assert "RSVPs are counted for every partner" not in through_friends


def test_a_partner_nobody_replied_through_has_no_rsvps_in_the_chart(secretariat, signed, friends, walk):
    other = PartnerPageFactory(
        parent=friends.get_parent(),
        title="มูลนิธิบี",
        slug="foundation-b",
        membership_status=PartnerPage.Membership.ACTIVE,
    )
    page = rsvp_panel(secretariat.get(URL, {"partner": other.pk}).content.decode())
    assert "No RSVPs to events dated from" in page


def _queries(client, query: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, query).status_code == 200
    return len(queries)


def test_the_chart_for_a_partner_costs_as_many_queries_for_many_rsvps_as_for_a_few(
    secretariat, signed, friends, walk
):
    query = {"partner": friends.pk}
    secretariat.get(URL, query)  # the session, the site and the locales are cached from here on
    few = _queries(secretariat, query)
    EventRSVP.objects.bulk_create(
        EventRSVP(
            campaign=walk,
            event_block_id=f"event-{n % 3}",
            event_title=f"กิจกรรม {n % 3}",
            event_date=DAY,
            name="ข",
            source="friends",
        )
        for n in range(30)
    )
    assert _queries(secretariat, query) == few
