"""The foundation in a real browser: Thai first, switching language, quick exit, accessibility, no-JS."""

import io

import pytest
from django.core.management import call_command

from site_project.models import StandardPage

NEUTRAL_SITE = "https://www.tmd.go.th/"
# serialized_rollback restores what migrations made (root page, locales, groups) after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site():
    call_command("load_demo_data", stdout=io.StringIO())


@pytest.fixture
def neutral_site(page):
    """Stand in for the neutral site, which this machine cannot reach."""
    page.context.route(
        f"{NEUTRAL_SITE}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<title>พยากรณ์อากาศ</title>"),
    )
    return NEUTRAL_SITE


def test_a_reader_lands_on_the_thai_home_page_and_switches_to_english(live_server, page, demo_site):
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/th/"
    assert page.locator("html").get_attribute("lang") == "th"
    page.locator(".language-switcher a[hreflang=en]").click()
    page.wait_for_url(live_server.url + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Phakhi" in page.locator("h1").inner_text()


def test_quick_exit_with_escape_twice_leaves_and_drops_the_page_from_history(
    live_server, page, demo_site, neutral_site
):
    about = StandardPage.objects.get(locale__language_code="th", slug="about")
    about.is_sensitive = True
    about.save_revision().publish()

    page.goto(live_server.url + "/th/")
    page.goto(live_server.url + "/th/about/")
    assert page.locator("[data-quick-exit]").is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(neutral_site)
    page.go_back()
    assert page.url == live_server.url + "/th/"  # the sensitive page is gone from the tab's history


def test_the_quick_exit_button_leaves_for_the_neutral_site(live_server, page, demo_site, neutral_site):
    about = StandardPage.objects.get(locale__language_code="th", slug="about")
    about.is_sensitive = True
    about.save_revision().publish()

    page.goto(live_server.url + "/th/about/")
    page.get_by_role("link", name="ออกจากหน้านี้ทันที").click()
    page.wait_for_url(neutral_site)


# Each page is checked in one test with the others: loading the demo costs about 20 s a test, so one load serves
# every page, and the report names each page that fails.
def test_axe_finds_no_wcag_violations(live_server, page, demo_site, axe_violations, format_violations):
    failures = {}
    for path in ["/th/", "/en/", "/th/about/", "/en/about/"]:
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            failures[path] = format_violations(violations)
    assert not failures, "\n\n".join(f"{path}:\n{report}" for path, report in failures.items())


def test_every_public_page_reads_without_javascript(live_server, js_disabled_page, demo_site):
    unreadable = []
    for path in [
        "/th/",
        "/en/",
        "/th/about/",
        "/en/about/",
        "/th/privacy/",
        "/en/accessibility/",
        "/th/nowhere/",
    ]:
        js_disabled_page.goto(live_server.url + path)
        heading = js_disabled_page.locator("main h1")
        help_line = js_disabled_page.locator(".help-lines a[href='tel:1300']")
        if not (heading.count() == 1 and heading.inner_text().strip() and help_line.count() == 1):
            unreadable.append(path)
    assert not unreadable


def test_the_layout_fits_a_320_pixel_phone(live_server, browser, demo_site):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="th-TH")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/th/about/")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
