"""A campaign page with events taking RSVPs and a petition block is one cached copy for every anonymous
reader, and whoever reads that copy can RSVP from it with no CSRF cookie."""

import pytest
from wagtail.models import Site

from campaigns.models import EventRSVP
from site_project.models import SiteSettings

from .conftest import event_block_id
from .test_rsvp import THANKS, in_thai, person, reader, rsvp_form

CAMPAIGN = "/th/campaigns/25-november-2025/"


@pytest.fixture
def page_cache(settings, home):
    settings.PAGE_CACHE_SECONDS = 30
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on a site's first read otherwise


def test_two_anonymous_readers_get_the_same_bytes_of_a_campaign_page(
    campaign, page_cache, django_assert_num_queries
):
    first = reader().get(CAMPAIGN)
    with django_assert_num_queries(0):
        second = reader().get(CAMPAIGN)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert not first.cookies and not second.cookies  # no CSRF cookie, nothing for one reader
    html = second.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f"rsvp-{event_block_id(campaign)}-form_token" in html and 'name="form_token"' in html
    assert "public" in second["Cache-Control"]


def test_every_reader_of_one_copy_can_rsvp_from_it(campaign, page_cache):
    reader().get(CAMPAIGN)
    for email in ("first@example.org", "second@example.org"):
        visitor = reader()
        page = visitor.get(CAMPAIGN)
        assert page["X-Page-Cache"] == "hit"
        action, hidden = rsvp_form(page)
        assert visitor.post(action, {**hidden, **person(campaign, email=email)}).status_code == 302
    assert set(EventRSVP.objects.values_list("email", flat=True)) == {
        "first@example.org",
        "second@example.org",
    }


def test_the_thank_you_is_for_the_one_who_rsvped_and_never_stored(campaign, page_cache):
    reader().get(CAMPAIGN)
    visitor = reader()
    action, hidden = rsvp_form(visitor.get(CAMPAIGN))
    thanked = visitor.get(visitor.post(action, {**hidden, **person(campaign)})["Location"])
    assert in_thai(THANKS) in thanked.content.decode()
    assert "X-Page-Cache" not in thanked and "private" in thanked["Cache-Control"]
    after = reader().get(CAMPAIGN)
    assert after["X-Page-Cache"] == "hit"
    assert in_thai(THANKS) not in after.content.decode()
