"""A reader on a 360 × 640 phone opens the Thai home page, with JavaScript and without: a petition's live count
and its sign link are in the first screen, the header is one line whose menu opens inset from the screen's
edges, axe finds nothing, and the sign link lands on the petition's form."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from campaigns.factories import CampaignIndexPageFactory
from petitions.factories import PetitionIndexPageFactory
from site_project.models import SiteSettings
from stories.factories import StoryIndexPageFactory

from ..site_project.test_home_page import event, publish_campaign, publish_petition
from ..stories.conftest import publish_story

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
EDGE = 8  # pixels the menu keeps from the screen's edges at least


@pytest.fixture
def demo_like_home(home, settings):
    """The home page as the demo has it (a long title and intro), a petition with a long Thai title closing in
    four months, a key-date campaign with an event and a story; served through the page cache."""
    settings.PAGE_CACHE_SECONDS = 60
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    home.title = "ภาคี: ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก"
    home.intro = (
        "เครือข่ายองค์กรภาคประชาสังคม ชุมชน หน่วยงานรัฐ เอกชน และผู้มีอิทธิพลทางความคิด ที่ทำงานร่วมกันเพื่อ"
        "ความเสมอภาคระหว่างเพศ ยุติความรุนแรงต่อผู้หญิงและเด็ก และต่อต้านการค้ามนุษย์"
    )
    home.save_revision().publish()
    petition = publish_petition(
        PetitionIndexPageFactory(parent=home, slug="petitions"),
        title="ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่ เพื่อความปลอดภัยของผู้หญิงและเด็ก",
        slug="nightlife",
        goal=8000,
        closes_at=timezone.now() + datetime.timedelta(days=120),
        signatures=3,
    )
    publish_campaign(
        CampaignIndexPageFactory(parent=home),
        title="25 พฤศจิกายน: ยุติความรุนแรงต่อผู้หญิงและเด็ก",
        slug="25-november",
        days_ahead=3,
        events=[event("เดินรณรงค์ที่หอนาฬิกา", 3)],
    )
    publish_story(StoryIndexPageFactory(parent=home), title="ตัวจริงเสียงจริง: วันที่ฉันเลือกพูด", slug="voice")
    return petition


def assert_in_first_screen(locator) -> None:
    box = locator.bounding_box()
    assert box is not None, "not shown"
    assert box["y"] >= -1 and box["y"] + box["height"] <= PHONE["height"], box  # -1: an anchor's sub-pixel


@pytest.mark.parametrize("reader", ["page", "js_disabled_page"])
def test_a_phone_reader_sees_a_petitions_count_and_its_sign_link_without_scrolling(
    reader, request, live_server, demo_like_home, axe_violations, format_violations
):
    browser_page = request.getfixturevalue(reader)
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_server.url + "/th/")

    count = browser_page.locator(f'.home-action [data-petition-count="{demo_like_home.pk}"]')
    sign = browser_page.locator(".home-action__sign")
    assert "3" in count.inner_text()
    assert_in_first_screen(count)
    assert_in_first_screen(sign)
    assert sign.get_attribute("href") == f"{demo_like_home.url}#sign-heading-{demo_like_home.pk}"

    # The header is one line: the name and the menu button, which keeps off the screen's edge.
    assert browser_page.locator(".site-header").bounding_box()["height"] <= 72
    button = browser_page.locator(".site-menu__button").bounding_box()
    assert button["x"] + button["width"] <= PHONE["width"] - EDGE
    assert not browser_page.locator("#site-search-q").is_visible()
    browser_page.locator(".site-menu__button").click()
    assert browser_page.locator("#site-search-q").is_visible()
    panel = browser_page.locator(".site-menu__panel").bounding_box()
    assert panel["x"] >= EDGE and panel["x"] + panel["width"] <= PHONE["width"] - EDGE

    violations = axe_violations(browser_page)
    assert not violations, format_violations(violations)

    browser_page.locator(".site-menu__button").click()
    sign.click()
    browser_page.wait_for_load_state()
    assert browser_page.url.endswith(f"{demo_like_home.url}#sign-heading-{demo_like_home.pk}")
    assert_in_first_screen(browser_page.locator(f"#sign-heading-{demo_like_home.pk}"))
