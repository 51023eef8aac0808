"""Paper signatures on a 360 px phone: the partner portal's paper page (enter a batch, see its state) and a
petition whose count says "N online + M on paper". Neither scrolls sideways nor has an accessibility violation."""

import datetime

import pytest

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory, UserFactory
from petitions import services
from petitions.factories import PaperBatchFactory, SignatureFactory

from ..conftest import publish_open_petition
from ..petitions.paper import PASSWORD, staff_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PHONE = {"locale": "th-TH", "viewport": {"width": 360, "height": 740}}


def _sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_a_representative_enters_a_paper_batch_on_a_phone(
    live_server, browser, home, petition_index, axe_violations, format_violations, tmp_path
):
    petition = publish_open_petition(petition_index)
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="เครือข่ายองค์กรงดเหล้าจังหวัดเชียงราย"
    )
    rep = RepresentativeFactory(partner=partner, user=UserFactory(username="rep@example.org")).user
    rep.set_password(PASSWORD)
    rep.save()
    clerk = staff_user("paper-clerk")
    PaperBatchFactory(petition=petition, partner=partner, entered_by=clerk, rejection_reason="", count=85)
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/th/account/login/?next=/th/account/paper/")
        page.fill("input[name=username]", "rep@example.org")
        page.fill("input[name=password]", PASSWORD)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
        page.wait_for_url(f"{live_server.url}/th/account/paper/")
        page.select_option("select[name=petition]", str(petition.pk))
        page.fill("input[name=event_name]", "บูธตลาดนัดเสาร์ อำเภอเมืองเชียงราย")
        page.fill("input[name=event_date]", (datetime.date.today() - datetime.timedelta(days=5)).isoformat())
        page.select_option("select[name=province]", "chiang-rai")
        page.fill("input[name=count]", "120")
        page.get_by_role("button", name="บันทึกชุดรายชื่อ").click()
        page.wait_for_url(f"{live_server.url}/th/account/paper/")
        assert "รอผู้อื่นตรวจสอบ" in page.content()
        assert _sideways(page) <= 0
        page.screenshot(path=tmp_path / "portal-paper.png", full_page=True)
        violations = axe_violations(page)
        assert not violations, format_violations(violations)
        page.goto(f"{live_server.url}/th/account/")
        assert "รายชื่อบนกระดาษ" in page.content()
        assert _sideways(page) <= 0
        page.screenshot(path=tmp_path / "portal-home.png", full_page=True)
    finally:
        context.close()


def test_a_petition_says_how_many_signed_online_and_on_paper_on_a_phone(
    live_server, browser, petition_index, axe_violations, format_violations, tmp_path
):
    petition = publish_open_petition(petition_index)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    batch = PaperBatchFactory(petition=petition, entered_by=staff_user("paper-clerk"), count=1200)
    services.confirm_paper_batch(batch=batch, user=staff_user("paper-checker"))
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}{petition.url}")
        split = page.locator("[data-petition-split]")
        assert split.inner_text() == "ออนไลน์ 3 + บนกระดาษ 1,200"
        assert _sideways(page) <= 0
        split.scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "petition-split.png")
        violations = axe_violations(page)
        assert not violations, format_violations(violations)
    finally:
        context.close()
