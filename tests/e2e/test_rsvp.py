"""Two readers in real browsers get one cached copy of a campaign page and both tell the campaign they will
come to its event from it, one with JavaScript and one without, on a phone-sized screen."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventRSVP
from site_project.models import SiteSettings

from ..campaigns.conftest import campaign_body, event_block_id

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def campaign(home, settings):
    settings.PAGE_CACHE_SECONDS = 60
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on a site's first read otherwise
    index = CampaignIndexPageFactory(parent=home)
    page = CampaignPageFactory(parent=index, slug="25-november-2025", body=campaign_body())
    page.save_revision().publish()
    return page


def say_i_will_come(browser_page, name: str, phone: str) -> None:
    browser_page.set_viewport_size({"width": 360, "height": 800})
    form = browser_page.locator(".rsvp form")
    form.locator("input[name$='-name']").fill(name)
    form.locator("input[name$='-phone']").fill(phone)
    form.locator("[type=submit]").click()
    browser_page.wait_for_load_state()


def test_two_readers_rsvp_from_one_cached_copy_with_and_without_javascript(
    live_server, page, js_disabled_page, campaign, axe_violations, format_violations
):
    host = urlsplit(live_server.url).netloc
    assert Client(HTTP_HOST=host).get(campaign.url)["X-Page-Cache"] == "miss"  # an earlier reader stores it
    responses = [reader.goto(live_server.url + campaign.url) for reader in (page, js_disabled_page)]
    assert [response.headers["x-page-cache"] for response in responses] == ["hit", "hit"]
    assert responses[0].body() == responses[1].body()
    violations = axe_violations(js_disabled_page, context=".rsvp")  # the form, its off-screen honeypot too
    assert not violations, format_violations(violations)

    say_i_will_come(page, "สมหญิง ใจดี", "081 234 5678")
    say_i_will_come(js_disabled_page, "Kanya Srisuk", "089 876 5432")

    with translation.override("th"):
        thanks = gettext("Thank you. We have noted that you will come.")
    for reader in (page, js_disabled_page):
        assert reader.url.endswith(f"{campaign.url}#event-{event_block_id(campaign)}")
        assert thanks in reader.locator("body").inner_text()
    assert sorted(EventRSVP.objects.values_list("name", flat=True)) == ["Kanya Srisuk", "สมหญิง ใจดี"]
