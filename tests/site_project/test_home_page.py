"""The home page campaigns: a petition to sign at the top with its live count, the key-date campaign, more
petitions, stories, events and the coalition, chosen by editors or else automatically, in a fixed number of
queries; and the ground floor that draws it imports none of the floors above."""

import datetime
import logging
import re
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports
from wagtail.models import Site

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory, SignatureFactory
from petitions.home import sign_url
from petitions.models import PetitionStatus
from site_project import home as home_sections
from site_project.factories import demo_image
from site_project.models import SiteSettings
from stories.factories import StoryIndexPageFactory

from ..conftest import assert_no_inline_script_or_style, listing_queries_with_5_and_50, queries_of_a_view
from ..stories.conftest import publish_story

TODAY = timezone.localdate()


def publish_petition(index, *, signatures: int = 0, **fields):
    page = PetitionPageFactory(parent=index, **fields)
    page.save_revision().publish()
    for _ in range(signatures):
        SignatureFactory(petition=page, confirmed=True)
    return page


def event(title: str, days_ahead: int) -> tuple:
    return (
        "event",
        {
            "title": title,
            "date": TODAY + datetime.timedelta(days=days_ahead),
            "start_time": datetime.time(16, 0),
            "end_time": None,
            "venue": "หอนาฬิกาเชียงราย",
            "province": "chiang-rai",
            "online_url": "",
            "description": "",
            "takes_rsvp": True,
        },
    )


def publish_campaign(index, *, days_ahead: int, events=(), **fields):
    key_date = TODAY + datetime.timedelta(days=days_ahead)
    page = CampaignPageFactory(
        parent=index,
        year=key_date.year,
        key_date=key_date,
        start_date=key_date,
        end_date=key_date + datetime.timedelta(days=15),
        body=list(events),
        **fields,
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def site(home):
    """Demo-like content: three open petitions and a closed one, two campaigns (one next, one later, events in
    both), two stories and a partner with a logo."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # as on a real site, settings exist
    petitions = PetitionIndexPageFactory(parent=home, slug="petitions")
    campaigns = CampaignIndexPageFactory(parent=home)
    stories = StoryIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    found = {
        "petitions": petitions,
        "campaigns": campaigns,
        "stories": stories,
        "nightlife": publish_petition(
            petitions, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife", signatures=3
        ),
        "shelters": publish_petition(petitions, title="บ้านพักฉุกเฉินทุกจังหวัด", slug="shelters", signatures=1),
        "helpline": publish_petition(petitions, title="สายด่วน 1300 ตลอด 24 ชั่วโมง", slug="helpline"),
        "beer": publish_petition(
            petitions, title="คราฟต์เบียร์", slug="beer", status=PetitionStatus.WON, signatures=9
        ),
        "november": publish_campaign(
            campaigns,
            title="25 พฤศจิกายน: ยุติความรุนแรงต่อผู้หญิง",
            slug="25-november",
            days_ahead=5,
            events=[event("เดินรณรงค์ที่หอนาฬิกา", 5)],
        ),
        "songkran": publish_campaign(
            campaigns,
            title="สงกรานต์ปลอดภัย",
            slug="songkran",
            days_ahead=120,
            events=[event("ตั้งจุดให้ความรู้ที่ถนนข้าวสาร", 121)],
        ),
        "old_story": publish_story(stories, title="เสียงของฉัน", slug="my-voice"),
        "new_story": publish_story(stories, title="ฉันรอดมาได้", slug="i-survived"),
    }
    partner = PartnerPageFactory(parent=partners, title="มูลนิธิเพื่อนหญิง", logo=demo_image("logo", (90, 40, 130)))
    partner.save_revision().publish()
    PartnerPageFactory(parent=partners, title="กลุ่มไม่มีโลโก้").save_revision().publish()
    found["partner"] = partner
    return found


def section(html: str, name: str) -> str:
    match = re.search(rf'<section class="[^"]*\b{name}\b.*?</section>', html, re.S)
    assert match, f"no {name} section"
    return match.group(0)


def test_the_home_page_shows_a_petition_to_sign_then_the_campaign_petitions_stories_events_and_partners(
    client, site
):
    html = client.get("/th/").content.decode()
    order = ["home-action", "home-campaign", "home-petitions", "home-stories", "home-events", "home-partners"]
    positions = [
        html.index(f'class="home-section {name}' if name != "home-action" else name) for name in order
    ]
    assert positions == sorted(positions)

    action = section(html, "home-action")
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" in action  # the most signatures, nothing closing soon
    assert f'href="{sign_url(site["nightlife"].url, site["nightlife"].pk)}"' in action
    assert f'data-petition-count="{site["nightlife"].pk}"' in action and "<strong>3</strong>" in action
    assert '<progress class="petition-progress__bar" max="1000" value="3"' in action

    petitions = section(html, "home-petitions")
    assert "บ้านพักฉุกเฉินทุกจังหวัด" in petitions and "สายด่วน 1300" in petitions
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" not in petitions  # once on the page: one live counter each
    assert "คราฟต์เบียร์" not in html  # won: nobody can sign it

    campaign = section(html, "home-campaign")
    assert "25 พฤศจิกายน: ยุติความรุนแรงต่อผู้หญิง" in campaign  # the next one, not the later one
    assert f'datetime="{site["november"].key_date:%Y-%m-%d}"' in campaign

    stories = section(html, "home-stories")
    assert stories.index("ฉันรอดมาได้") < stories.index("เสียงของฉัน")  # the latest first

    events = section(html, "home-events")
    assert events.index("เดินรณรงค์ที่หอนาฬิกา") < events.index("ตั้งจุดให้ความรู้ที่ถนนข้าวสาร")
    assert f"{site['november'].url}#event-" in events

    partners = section(html, "home-partners")
    assert 'class="home-partner__logo"' in partners
    assert partners.index("มูลนิธิเพื่อนหญิง") < partners.index("กลุ่มไม่มีโลโก้")  # logos first
    assert 'href="/th/partners/"' in partners
    assert '<script src="/static/js/petitions.js" defer>' in html  # the counts refresh in the browser
    assert '<link rel="stylesheet" href="/static/css/home.css">' in html
    assert_no_inline_script_or_style(html, "/th/")


def test_editors_choices_come_before_the_automatic_ones(client, site, home):
    home.featured_petition = site["helpline"]
    home.featured_campaign = site["songkran"]
    home.featured_stories = [("story", site["old_story"])]
    home.save_revision().publish()

    html = client.get("/th/").content.decode()

    assert "สายด่วน 1300" in section(html, "home-action")
    assert "สงกรานต์ปลอดภัย" in section(html, "home-campaign")
    stories = section(html, "home-stories")
    assert "เสียงของฉัน" in stories and "ฉันรอดมาได้" not in stories


def test_a_petition_closing_within_a_month_leads_over_the_most_signed(client, site):
    closing = publish_petition(
        site["petitions"],
        title="ปิดรับเร็วๆ นี้",
        slug="closing",
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert "ปิดรับเร็วๆ นี้" in section(client.get("/th/").content.decode(), "home-action")
    assert closing.closes_at


def test_a_closed_petition_is_never_the_call_to_action(client, site, home):
    nightlife = site["nightlife"]
    nightlife.status = PetitionStatus.CLOSED
    nightlife.save_revision().publish()
    home.featured_petition = site["beer"]  # chosen, but won and closed
    home.save_revision().publish()

    action = section(client.get("/th/").content.decode(), "home-action")

    assert "บ้านพักฉุกเฉินทุกจังหวัด" in action  # the open one with the most signatures
    for closed in (nightlife, site["beer"]):
        assert closed.title not in action


def test_a_petition_past_its_closing_time_is_not_offered(client, site):
    for name in ("nightlife", "shelters", "helpline"):
        petition = site[name]
        petition.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        petition.save_revision().publish()

    html = client.get("/th/").content.decode()

    assert "home-action" not in html and "home-petitions" not in html
    assert "home-campaign" in html  # the rest of the page still shows


def test_a_home_page_with_nothing_below_it_shows_its_title_and_intro(client, home):
    home.intro = "ภาคีเครือข่ายยุติความรุนแรงต่อผู้หญิงและเด็ก"
    home.save_revision().publish()
    response = client.get("/th/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ภาคีเครือข่ายยุติความรุนแรงต่อผู้หญิงและเด็ก" in html
    assert "home-section" not in html and "petitions.js" not in html


def test_the_english_home_shows_english_pages(client, site, english_home):
    english_index = site["petitions"].copy_for_translation(english_home.locale, copy_parents=True)
    english_index.save_revision().publish()
    english = site["shelters"].copy_for_translation(english_home.locale)
    english.title = "A shelter in every province"
    english.save_revision().publish()

    action = section(client.get("/en/").content.decode(), "home-action")

    assert "A shelter in every province" in action
    assert 'data-petition-count="' in action and "<strong>1</strong>" in action  # the Thai page's count


def test_the_count_on_a_cached_home_page_is_at_most_the_caches_lifetime_old(site, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 30
    reader = Client(HTTP_HOST="127.0.0.1")
    assert "<strong>3</strong>" in section(reader.get("/th/").content.decode(), "home-action")
    SignatureFactory(petition=site["nightlife"], confirmed=True)

    cached = reader.get("/th/")
    assert cached["X-Page-Cache"] == "hit"

    later = time.time() + 31  # the copy's 30 seconds and the count's 5 are over
    monkeypatch.setattr(time, "time", lambda: later)
    fresh = reader.get("/th/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "<strong>4</strong>" in section(fresh.content.decode(), "home-action")


def test_the_home_page_reads_in_a_fixed_number_of_queries(client, site):
    assert queries_of_a_view(client, "/th/") <= 12


def test_the_home_page_costs_the_same_with_5_or_50_petitions_and_stories(client, site):
    added = iter(range(100))

    def add_one():
        number = next(added)
        publish_petition(site["petitions"], title=f"ข้อเสนอ {number}", slug=f"more-{number}")
        publish_story(site["stories"], title=f"เรื่อง {number}", slug=f"more-{number}")
        publish_campaign(
            site["campaigns"], days_ahead=200 + number, slug=f"more-{number}", events=[event("งาน", 201)]
        )

    with_five, with_fifty = listing_queries_with_5_and_50(client, "/th/", add_one)
    assert with_five == with_fifty


def test_a_section_can_be_left_out_and_a_new_one_added_without_touching_the_home_page(client, site):
    try:
        home_sections.unregister_section("partners.coalition")
        home_sections.register_section(
            key="tests.notice",
            template="partners/home/_partners.html",
            provider=lambda query: {"partners": [], "directory_url": f"/{query.language}/notice/"},
            order=5,
        )
        html = client.get("/th/").content.decode()
    finally:
        home_sections.unregister_section("tests.notice")
        home_sections.register_section(
            key="partners.coalition",
            template="partners/home/_partners.html",
            provider="partners.home.partners_section",
            order=60,
        )
    assert "มูลนิธิเพื่อนหญิง" not in html
    assert html.index('href="/th/notice/"') < html.index("home-action")


def test_the_ground_floor_imports_none_of_the_floors_above(capsys):
    """``make lint``'s layer contracts, the home page's registry among them, hold."""
    # import-linter configures logging with dictConfig, which disables every logger that exists: a later
    # test in this process would then see none of the site's log lines.
    disabled = {
        name: logger.disabled
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    try:
        status = lint_imports(config_filename=str(django_settings.BASE_DIR / "pyproject.toml"), no_logo=True)
    finally:
        for name, was_disabled in disabled.items():
            logging.getLogger(name).disabled = was_disabled
    assert status == EXIT_STATUS_SUCCESS, capsys.readouterr().out[-3000:]


def test_an_editor_chooses_the_petition_campaign_and_stories_in_the_home_pages_editor(
    client_as, admin_user, home
):
    response = client_as(admin_user).get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("featured_petition", "featured_campaign"):
        assert f'name="{field}"' in html
    assert 'id="featured_stories"' in html  # the stream of chosen stories
