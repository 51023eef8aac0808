"""An RSVP keeps where its reader came from: the ``?src=`` or UTM tags of the campaign page it was sent from,
as a signature does, cleaned whatever the hidden field says, kept when the form comes back with errors, and one
cached copy of the page per source."""

import pytest
from wagtail.models import Site

from campaigns.models import EventRSVP
from site_project.models import SiteSettings

from .conftest import event_block_id
from .test_rsvp import in_thai, person, reader, rsvp_data, rsvp_form, rsvp_url

CAMPAIGN = "/th/campaigns/25-november-2025/"


def source_field(campaign) -> str:
    return f"rsvp-{event_block_id(campaign)}-source"


def test_an_rsvp_from_a_page_opened_through_a_partners_link_keeps_its_source(campaign):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get(f"{CAMPAIGN}?src=stop-drink-network"))
    assert hidden[source_field(campaign)] == "stop-drink-network"
    assert visitor.post(action, {**hidden, **person(campaign)}).status_code == 302
    assert EventRSVP.objects.get().source == "stop-drink-network"


def test_an_rsvp_from_a_page_opened_with_utm_tags_keeps_them_as_one_source(campaign):
    visitor = reader()
    page = visitor.get(f"{CAMPAIGN}?utm_source=Facebook&utm_medium=social&utm_campaign=16days")
    action, hidden = rsvp_form(page)
    assert visitor.post(action, {**hidden, **person(campaign)}).status_code == 302
    assert EventRSVP.objects.get().source == "facebook/social/16days"


def test_an_rsvp_from_a_page_opened_with_no_source_has_none(campaign):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get(CAMPAIGN))
    assert source_field(campaign) not in hidden
    assert visitor.post(action, {**hidden, **person(campaign)}).status_code == 302
    assert EventRSVP.objects.get().source == ""


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        pytest.param('=HYPERLINK("http://evil")', "hyperlink-http://evil", id="a-formula"),
        pytest.param("<script>alert(1)</script>", "script-alert-1-/script", id="markup"),
        pytest.param("partner-" + "x" * 5000, ("partner-" + "x" * 5000)[:64], id="oversized"),
        pytest.param("\x00\x01", "", id="control-characters"),
    ],
)
def test_a_forged_or_oversized_source_is_cleaned_and_the_rsvp_kept(client, campaign, sent, kept):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, source=sent))
    assert response.status_code == 302
    assert EventRSVP.objects.get().source == kept


def test_a_forged_source_on_a_refused_form_is_shown_back_escaped_and_never_breaks_the_page(client, campaign):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, email="", source='"><script>x</script>'))
    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>x</script>" not in html
    assert in_thai("Give an e-mail address or a phone number.") in html
    assert not EventRSVP.objects.exists()


def test_the_source_survives_a_form_sent_back_with_its_errors(campaign):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get(f"{CAMPAIGN}?src=stop-drink-network"))
    refused = visitor.post(action, {**hidden, **person(campaign, email="", phone="")})
    assert refused.status_code == 400
    action, hidden_again = rsvp_form(refused)
    assert hidden_again[source_field(campaign)] == "stop-drink-network"
    assert visitor.post(action, {**hidden_again, **person(campaign)}).status_code == 302
    assert EventRSVP.objects.get().source == "stop-drink-network"


@pytest.fixture
def page_cache(settings, home):
    settings.PAGE_CACHE_SECONDS = 30
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on a site's first read otherwise


def test_the_page_cache_keeps_one_copy_per_source_so_no_reader_gets_anothers(campaign, page_cache):
    reader().get(f"{CAMPAIGN}?src=stop-drink-network")
    reader().get(CAMPAIGN)
    through_link = reader().get(f"{CAMPAIGN}?src=stop-drink-network")
    plain = reader().get(CAMPAIGN)
    assert (through_link["X-Page-Cache"], plain["X-Page-Cache"]) == ("hit", "hit")
    assert rsvp_form(through_link)[1][source_field(campaign)] == "stop-drink-network"
    assert source_field(campaign) not in rsvp_form(plain)[1]
