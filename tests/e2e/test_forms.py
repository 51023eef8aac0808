"""The public and portal forms in a real browser, as the project's crispy-forms pack renders them.

Each form works with JavaScript off; bad input gets an error summary that links to each field, errors that
the field's aria-describedby names, and no accessibility violation.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partners import services as partner_services
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory
from partners.models import Invitation
from stories.factories import StoryIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PASSWORD = "ตะวันขึ้นที่เชียงราย 2569"


@pytest.fixture
def partner(home):
    return PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="มูลนิธิเพื่อนหญิง")


def _without_browser_checks(page):
    """Send what the browser's own checks (required, type=email) would stop, to see the site's answer."""
    page.evaluate("document.querySelectorAll('form').forEach((form) => { form.noValidate = true; })")


def test_an_invited_representative_creates_their_account(live_server, page, partner):
    invitation = Invitation.objects.create(email="somsri@example.org", partner=partner, language="th")
    token = partner_services.issue_invitation_token(invitation=invitation)
    page.goto(f"{live_server.url}/th/account/invitation/{invitation.pk}/{token}/")
    page.locator("input[name=password1]").fill(NEW_PASSWORD)
    page.locator("input[name=password2]").fill(NEW_PASSWORD)
    page.get_by_role("button", name="สร้างบัญชี").click()
    page.wait_for_url(f"{live_server.url}/th/account/")
    assert "ยินดีต้อนรับ" in page.locator(".messages").inner_text()


def test_a_representative_chooses_a_new_password_from_the_reset_link_without_javascript(
    live_server, js_disabled_page, partner
):
    user = RepresentativeFactory(partner=partner).user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    page = js_disabled_page
    page.goto(
        f"{live_server.url}/th/account/password-reset/{uid}/{default_token_generator.make_token(user)}/"
    )
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(f"{live_server.url}/th/account/password-reset/done/")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_story_sent_empty_gets_an_error_summary_that_leads_to_each_field(
    live_server, browser, home, axe_violations, format_violations, javascript
):
    StoryIndexPageFactory(parent=home)
    context = browser.new_context(
        locale="th-TH", viewport={"width": 360, "height": 740}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/th/stories/share/")
        _without_browser_checks(page)
        page.get_by_role("button", name="ส่งเรื่องราวของฉัน").click()
        page.wait_for_load_state()
        summary = page.get_by_role("alert")
        assert "กรุณาตรวจสอบแบบฟอร์ม" in summary.inner_text()
        links = summary.get_by_role("link")
        assert links.count() == 3  # name, story, and the box to tick
        for index in range(links.count()):
            field = page.locator(links.nth(index).get_attribute("href"))
            assert field.get_attribute("aria-invalid") == "true"
            for described_by in field.get_attribute("aria-describedby").split():
                assert page.locator(f"#{described_by}").inner_text().strip()
        links.first.click()
        assert page.url.endswith("#id_name")
        violations = axe_violations(page, js_disabled=not javascript)
        assert not violations, format_violations(violations)
    finally:
        context.close()
