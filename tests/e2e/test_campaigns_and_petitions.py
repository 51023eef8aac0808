"""Campaigns, stories, petitions and partners in a real browser: reading, signing, quick exit, axe."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from petitions.models import Signature

NEUTRAL_SITE = "https://www.tmd.go.th/"
CAMPAIGN = "/th/campaigns/25-november-2025/"
SENSITIVE_STORY = "/th/stories/nam-speaks-for-herself/"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site():
    call_command("load_demo_data", stdout=io.StringIO())


def test_a_reader_reads_a_campaign_in_thai(live_server, page, demo_site):
    page.goto(live_server.url + CAMPAIGN)
    assert page.locator("html").get_attribute("lang") == "th"
    assert "25" in page.locator("main h1").inner_text()
    assert page.locator("main form").count() >= 1  # the petition block's sign form


def test_a_reader_signs_the_petition_from_the_campaigns_petition_block(
    live_server, page, demo_site, settings
):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    page.goto(live_server.url + CAMPAIGN)
    form = page.locator("form", has=page.locator("input[name=email]")).first
    form.locator("input[name=name]").fill("สมหญิง ใจดี")
    form.locator("input[name=email]").fill("somying@example.org")
    form.locator("select[name=province]").select_option("chiang-rai")
    form.locator("input[name=consent]").check()
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()
    assert "/petitions/thanks/" in page.url
    signature = Signature.objects.get(email="somying@example.org")
    assert signature.status == "pending"
    assert signature.province == "chiang-rai"
    assert len(mail.outbox) == 1


def test_quick_exit_on_a_sensitive_story(live_server, page, demo_site):
    page.context.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>พยากรณ์อากาศ</title>"),
    )
    page.goto(live_server.url + "/th/")
    page.goto(live_server.url + SENSITIVE_STORY)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    assert page.url == live_server.url + "/th/"


AXE_PATHS = [
    CAMPAIGN,
    "/en/campaigns/25-november-2025/",
    "/th/campaigns/",
    SENSITIVE_STORY,
    "/th/stories/",
    "/en/stories/",
    "/th/petitions/",
    "/th/partners/",
    "/en/partners/",
    "/th/search/?q=ความรุนแรง",
]


def test_axe_finds_no_wcag_violations(live_server, page, demo_site, axe_violations, format_violations):
    """Every page in one test: loading the demo costs about 20 s a test; the report names each page that fails."""
    failures = {}
    for path in AXE_PATHS:
        page.goto(live_server.url + path)
        if page.locator("main h1").count() != 1:
            failures[path] = "no single main heading"
        elif violations := axe_violations(page):
            failures[path] = format_violations(violations)
    assert not failures, "\n\n".join(f"{path}:\n{report}" for path, report in failures.items())


def test_the_open_petition_passes_axe_and_signs_without_javascript(
    live_server, page, js_disabled_page, demo_site, axe_violations, format_violations
):
    page.goto(live_server.url + "/th/petitions/nightlife-4am/")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    js_disabled_page.goto(live_server.url + "/th/petitions/nightlife-4am/")
    assert js_disabled_page.locator("main input[name=email]").count() == 1
    assert js_disabled_page.locator("main progress, main meter, main [role=progressbar]").count() >= 1
