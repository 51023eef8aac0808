"""A reader on a 360 × 640 phone opens a petition page, with JavaScript and without: the sign button is in the
first screen and leads to the form; with JavaScript it stays on screen while the form is out of view and hides
once the form shows. The page after confirming asks to share, LINE first. axe finds nothing on either page."""

import datetime

import pytest
from django.utils import timezone

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from petitions.factories import (
    DecisionMakerFactory,
    PetitionPageFactory,
    PetitionUpdateFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 640}
WHY = (
    "สถานบันเทิงที่เปิดถึงตีสี่ทำให้ผู้หญิงและเด็กในชุมชนรอบข้างเสี่ยงต่อความรุนแรงมากขึ้น "
    "ข้อมูลจากศูนย์พึ่งได้ของโรงพยาบาลในพื้นที่ชี้ว่าเหตุความรุนแรงหลังเที่ยงคืนเพิ่มขึ้นทุกปี"
)


@pytest.fixture
def petition(petition_index, settings):
    """The demo's nightlife petition as a phone reads it: a long Thai title and summary, a demand of several
    paragraphs, two decision makers, a co-sponsor, a timeline and signers; served through the page cache."""
    settings.PAGE_CACHE_SECONDS = 60
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=petition_index.get_parent(), slug="partners"),
        title="เครือข่ายองค์กรงดเหล้า",
        slug="stop-drink-network",
    )
    page = PetitionPageFactory(
        parent=petition_index,
        title="ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่ เพื่อความปลอดภัยของผู้หญิงและเด็ก",
        slug="nightlife",
        summary="ขอให้รัฐบาลยกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงตีสี่ในทุกพื้นที่ และรับฟังเสียงของชุมชนก่อนตัดสินใจ",
        demand="\n\n".join([WHY] * 8),
        goal=8000,
        opens_at=timezone.now() - datetime.timedelta(days=3),
    )
    page.targets.set(
        [
            DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ"),
            DecisionMakerFactory(institution="สำนักนายกรัฐมนตรี", office="นายกรัฐมนตรี"),
        ]
    )
    page.co_sponsors.set([partner])
    page.save_revision().publish()
    PetitionUpdateFactory(page=page, text="ยื่นรายชื่อชุดแรกต่อกระทรวงแล้ว")
    SignatureFactory.create_batch(3, petition=page, confirmed=True, show_name=True)
    return page


def in_first_screen(box) -> bool:
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("reader", ["page", "js_disabled_page"])
def test_the_sign_button_is_in_a_phones_first_screen_and_leads_to_the_form(
    reader, request, live_server, petition, axe_violations, format_violations
):
    browser_page = request.getfixturevalue(reader)
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_server.url + petition.url)
    button = browser_page.locator(".petition-cta__button")
    assert in_first_screen(button.bounding_box()), button.bounding_box()
    assert button.get_attribute("href") == f"#sign-heading-{petition.pk}"
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    violations = axe_violations(browser_page)
    assert not violations, format_violations(violations)

    button.click()
    browser_page.wait_for_timeout(300)
    assert in_first_screen(browser_page.locator(f"#sign-heading-{petition.pk}").bounding_box())


def test_with_javascript_the_button_follows_the_reader_until_the_form_is_in_view(live_server, page, petition):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + petition.url)
    button = page.locator(".petition-cta__button")
    form_heading = page.locator(f"#sign-heading-{petition.pk}")

    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)")
    page.wait_for_selector(".petition-cta--floating")
    assert not in_first_screen(form_heading.bounding_box())  # the form is out of view...
    assert button.is_visible() and in_first_screen(button.bounding_box())  # ...and the button is on screen

    form_heading.scroll_into_view_if_needed()
    page.wait_for_selector(".petition-cta--hidden")
    assert not button.is_visible()

    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)")
    page.wait_for_selector(".petition-cta--floating")
    button.click()
    page.wait_for_selector(".petition-cta--hidden")
    assert in_first_screen(form_heading.bounding_box())


@pytest.mark.parametrize("reader", ["page", "js_disabled_page"])
def test_the_page_after_confirming_asks_to_share_on_line_first_and_passes_axe(
    reader, request, live_server, petition, axe_violations, format_violations
):
    browser_page = request.getfixturevalue(reader)
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(f"{live_server.url}/th/petitions/confirmed/{petition.pk}/")
    first_share = browser_page.locator(".petition-share__links a").first
    assert "social-plugins.line.me" in first_share.get_attribute("href")
    assert "เครือข่ายองค์กรงดเหล้า" in browser_page.locator(".petition-carriers").inner_text()
    assert "สำนักนายกรัฐมนตรี" in browser_page.locator(".petition-next").inner_text()
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    violations = axe_violations(browser_page)
    assert not violations, format_violations(violations)
