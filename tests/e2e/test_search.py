"""The site search in a real browser with JavaScript off: the header's box, the results, the marked words."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site():
    call_command("load_demo_data", stdout=io.StringIO())


def test_a_reader_searches_in_thai_typed_with_two_sara_e_without_javascript(
    live_server, js_disabled_page, demo_site, axe_violations, format_violations
):
    page = js_disabled_page
    page.goto(live_server.url + "/th/")
    page.fill("#site-search-q", "ความรุนเเรง")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/th/search/?q=*")
    results = page.locator("ol.search-results > li")
    assert results.count() >= 6  # one more for each year of 25 November the demo adds
    assert "ความรุนแรง" in results.first.locator("mark").first.inner_text()
    results.first.locator("h2 a").click()
    page.wait_for_load_state()
    assert page.url.startswith(live_server.url + "/th/campaigns/")
    page.go_back()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
