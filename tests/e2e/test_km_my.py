"""Every Khmer and Burmese page of the demo passes axe in Chromium (their languages: tests/site_project/test_km_my.py)."""

import io

import pytest
from django.core.management import call_command

from tests.site_project.page_languages import REQUIRED, khmer_and_burmese_pages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_site():
    call_command("load_demo_data", stdout=io.StringIO())


# One test for every page: loading the demo costs about 20 s a test; the report names each page that fails.
def test_axe_finds_no_wcag_violations_on_any_khmer_or_burmese_page(
    live_server, page, demo_site, axe_violations, format_violations
):
    paths = sorted(khmer_and_burmese_pages())
    assert {path for required in REQUIRED.values() for path in required} <= set(paths)
    failures = {}
    for path in paths:
        response = page.goto(live_server.url + path)
        if response.status != 200:
            failures[path] = f"status {response.status}"
        elif violations := axe_violations(page):
            failures[path] = format_violations(violations)
    assert not failures, "\n\n".join(f"{path}:\n{report}" for path, report in failures.items())
