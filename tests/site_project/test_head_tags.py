"""What search engines and link previews read in a page's head, on every page type: one canonical address at the
host the site is served at, an hreflang link per live translation and x-default, a description even when the
editor wrote none, a favicon and touch icon, and JSON-LD dates with Bangkok's offset."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, ensure_vocabularies
from partners.models import PartnerPage
from petitions.factories import PetitionIndexPageFactory
from site_project.factories import StandardPageFactory
from site_project.structured_data import schema_date
from stories.factories import StoryConsentFactory, StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryPage

from ..conftest import publish_open_petition, translate

STATIC_IMAGES = Path(__file__).resolve().parents[2] / "static" / "img"
SERVED_AT = "https://phakhi.example"


@pytest.fixture
def pages(home):
    """One live page of each public type, in Thai, by type."""
    about = StandardPageFactory(
        parent=home, title="เกี่ยวกับเรา", slug="about", intro="เครือข่ายองค์กรภาคประชาสังคม"
    )
    petition = publish_open_petition(PetitionIndexPageFactory(parent=home, slug="petitions"))
    campaign = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home),
        title="30 กรกฎาคม 2569",
        slug="30-july-2026",
        intro="วันต่อต้านการค้ามนุษย์โลก",
        key_date=datetime.date(2026, 7, 30),
        body=[],
    )
    campaign.save_revision().publish()
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), title="เสียงของฉัน", slug="my-voice", intro="เรื่องของฉัน"
    )
    StoryConsentFactory(story=story, languages=["th", "en"])
    story.save_revision().publish()
    ensure_vocabularies()
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        title="มูลนิธิเอ",
        slug="a",
        membership_status=PartnerPage.Membership.ACTIVE,
        description="องค์กรที่ทำงานด้านการคุ้มครองเด็ก",
    )
    return {
        "home": home,
        "standard": about,
        "petition": petition,
        "campaign": campaign,
        "story": story,
        "partner": partner,
    }


PAGE_TYPES = ["home", "standard", "petition", "campaign", "story", "partner"]


def head_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    return html[: html.index("</head>")]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_has_canonical_hreflang_and_open_graph_at_the_public_address(
    client, settings, pages, kind
):
    settings.PUBLIC_URL = SERVED_AT  # the test client still sends Host: 127.0.0.1
    page = pages[kind]
    head = head_of(client, page)
    address = f"{SERVED_AT}{page.url}"
    assert f'<link rel="canonical" href="{address}">' in head
    assert f'<link rel="alternate" hreflang="th" href="{address}">' in head
    assert f'<link rel="alternate" hreflang="x-default" href="{address}">' in head
    assert f'<meta property="og:url" content="{address}">' in head
    assert "127.0.0.1" not in head
    assert "localhost" not in head


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_has_a_description_and_icons(client, pages, kind):
    head = head_of(client, pages[kind])
    assert '<meta name="description" content="' in head
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in head
    assert 'href="/static/img/favicon-32.png" sizes="32x32"' in head
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in head


@pytest.mark.parametrize(
    ("kind", "description"),
    [
        ("standard", "เครือข่ายองค์กรภาคประชาสังคม"),
        ("campaign", "วันต่อต้านการค้ามนุษย์โลก"),
        ("story", "เรื่องของฉัน"),
        ("partner", "องค์กรที่ทำงานด้านการคุ้มครองเด็ก"),
    ],
)
def test_the_description_falls_back_to_the_pages_own_introduction(client, pages, kind, description):
    assert f'<meta name="description" content="{description}">' in head_of(client, pages[kind])


def test_a_petitions_description_is_its_summary_unless_the_editor_wrote_one(client, pages):
    petition = pages["petition"]
    assert f'<meta name="description" content="{petition.summary}">' in head_of(client, petition)
    petition.search_description = "ลงชื่อยกเลิกการขยายเวลาเปิดสถานบันเทิง"
    petition.save_revision().publish()
    head = head_of(client, petition)
    assert '<meta name="description" content="ลงชื่อยกเลิกการขยายเวลาเปิดสถานบันเทิง">' in head
    assert '<meta property="og:description" content="ลงชื่อยกเลิกการขยายเวลาเปิดสถานบันเทิง">' in head


def test_hreflang_lists_only_live_translations(client, pages, english_home):
    petition = pages["petition"]
    translate(petition.get_parent(), "en", title="Petitions")
    english = translate(petition, "en", title="End the 4 a.m. licences")
    head = head_of(client, petition)
    assert f'hreflang="en" href="http://127.0.0.1{english.url}"' in head
    english.unpublish()
    assert 'hreflang="en"' not in head_of(client, petition)


def test_an_english_page_points_x_default_at_the_thai_one(client, english_home):
    head = head_of(client, english_home)
    assert '<link rel="alternate" hreflang="x-default" href="http://127.0.0.1/th/">' in head
    assert '<link rel="alternate" hreflang="en" href="http://127.0.0.1/en/">' in head


def test_the_sitemap_lists_pages_at_the_public_address_even_when_the_site_says_localhost(
    client, settings, pages
):
    settings.PUBLIC_URL = SERVED_AT
    sitemap = client.get("/sitemap-th.xml").content.decode()
    assert f"<loc>{SERVED_AT}/th/petitions/nightlife/</loc>" in sitemap
    assert f"<loc>{SERVED_AT}/th/about/</loc>" in sitemap
    assert "127.0.0.1" not in sitemap and "localhost" not in sitemap
    assert f"<loc>{SERVED_AT}/sitemap-th.xml</loc>" in client.get("/sitemap.xml").content.decode()


def test_share_links_use_the_public_address(client, settings, pages):
    settings.PUBLIC_URL = SERVED_AT
    html = client.get(pages["petition"].url).content.decode()
    assert "https%3A%2F%2Fphakhi.example%2Fth%2Fpetitions%2Fnightlife%2F" in html
    assert "http%3A%2F%2F127.0.0.1" not in html


def test_event_dates_carry_bangkoks_offset():
    assert schema_date(datetime.datetime(2025, 11, 25, 16, 0)) == "2025-11-25T16:00:00+07:00"
    assert (
        schema_date(datetime.datetime(2025, 11, 25, 9, 0, tzinfo=datetime.UTC)) == "2025-11-25T16:00:00+07:00"
    )
    assert schema_date(datetime.date(2025, 11, 25)) == "2025-11-25"


def test_an_articles_date_published_is_its_first_publication_in_bangkok_time(client, pages):
    story = pages["story"]
    first = timezone.make_aware(datetime.datetime(2025, 3, 15, 10, 0))
    type(story).objects.filter(pk=story.pk).update(first_published_at=first)
    head = head_of(client, story)
    assert '"datePublished": "2025-03-15T10:00:00+07:00"' in head


def test_the_demo_dates_its_stories_by_when_they_would_have_been_published(demo):
    loaded_today = timezone.localdate()
    for story in StoryPage.objects.live():
        assert story.first_published_at is not None
        assert timezone.localtime(
            story.first_published_at
        ).date() != loaded_today or story.locale.language_code in {
            "km",
            "my",
        }


def test_the_icons_are_the_sizes_browsers_ask_for():
    assert Image.open(STATIC_IMAGES / "favicon-32.png").size == (32, 32)
    assert Image.open(STATIC_IMAGES / "apple-touch-icon.png").size == (180, 180)
    assert Image.open(STATIC_IMAGES / "share-card.png").size == (1200, 630)
    assert (STATIC_IMAGES / "favicon.svg").read_text().startswith("<svg ")
