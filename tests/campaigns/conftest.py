"""Fixtures for the campaign tests: the campaign index in Thai and English, a theme, a petition, a campaign
with a petition block, an event and a video."""

import datetime

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from petitions.factories import PetitionIndexPageFactory

from ..conftest import english_translation, publish_open_petition

VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture(autouse=True)
def no_minimum_time(signing_at_machine_speed):
    """Every campaign test posts its forms at machine speed."""


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPageFactory(parent=home)


english_campaign_index = english_translation("campaign_index", title="Campaigns")


@pytest.fixture
def theme(db):
    return CampaignThemeFactory(name="25 พฤศจิกายน / 16 วัน", slug="25-november")


@pytest.fixture
def petition(home):
    return publish_open_petition(PetitionIndexPageFactory(parent=home, slug="petitions"))


# The campaign's walk on 25 November 2025, over now (so it takes no more RSVPs): an event block's value.
EVENT = {
    "title": "เดินรณรงค์ที่หอนาฬิกา",
    "date": datetime.date(2025, 11, 25),
    "start_time": datetime.time(16, 0),
    "end_time": datetime.time(18, 0),
    "venue": "หอนาฬิกาเชียงราย",
    "province": "chiang-rai",
    "online_url": "",
    "description": "",
    "takes_rsvp": True,
}
# The same walk in a year to come, which takes RSVPs: the page's first event, the one ``event_block_id`` names.
UPCOMING = {**EVENT, "date": datetime.date(2099, 11, 25)}


def campaign_body(petition=None) -> list:
    body = [
        ("paragraph", "<p>ร่วมยุติความรุนแรงต่อผู้หญิงและเด็ก</p>"),
        (
            "facts",
            {"heading": "", "facts": [{"figure": "2,000+", "label": "คนที่เข้าร่วม", "source": "คปค. 2561"}]},
        ),
        ("video", {"url": VIDEO_URL, "title": "คลิปรณรงค์", "poster": None, "caption": ""}),
        ("event", dict(UPCOMING)),
        ("event", dict(EVENT)),
    ]
    if petition is not None:
        body.insert(1, ("petition", {"petition": petition, "intro": "ลงชื่อสนับสนุน"}))
    return body


@pytest.fixture
def campaign(campaign_index, theme, petition):
    page = CampaignPageFactory(
        parent=campaign_index,
        title="25 พฤศจิกายน 2568",
        slug="25-november-2025",
        theme=theme,
        body=campaign_body(petition),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def event_block_id(page) -> str:
    """The page's first event: in ``campaign_body``, the upcoming walk."""
    return next(block.id for block in page.body if block.block_type == "event")
