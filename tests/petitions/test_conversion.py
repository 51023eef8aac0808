"""Petition pages that convert on phones: a sign link at the top that leads to the form (a closed petition shows
its outcome instead), and a page after confirming that asks to share (LINE first), says what happens next and
who carries the petition, in a fixed number of queries."""

import re

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from petitions.factories import PetitionUpdateFactory

from ..conftest import queries_of_a_view


def petition_html(client, petition) -> str:
    response = client.get(petition.url)
    assert response.status_code == 200
    return response.content.decode()


def confirmed_html(client, petition) -> str:
    response = client.get(f"/th/petitions/confirmed/{petition.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def carrying_campaign(petition):
    index = CampaignIndexPageFactory(parent=petition.get_parent().get_parent())
    page = CampaignPageFactory(
        parent=index,
        title="25 พฤศจิกายน: ยุติความรุนแรง",
        slug="25-november",
        body=[("petition", {"petition": petition, "intro": "ลงชื่อ"})],
    )
    page.save_revision().publish()
    return page


def test_the_sign_link_at_the_top_leads_to_the_forms_heading(client, petition):
    html = petition_html(client, petition)
    link = re.search(r'<p class="petition-cta" data-sign-cta><a [^>]*href="#([^"]+)"', html)
    assert link, "no sign link"
    assert f'id="{link.group(1)}"' in html
    # Before the petition's text, so it is in a phone's first screen.
    assert html.index("data-sign-cta") < html.index("petition__demand")


def test_a_won_petition_shows_its_outcome_and_no_sign_button(client, petition):
    petition.status = "won"
    petition.save_revision().publish()
    PetitionUpdateFactory(page=petition, kind="outcome", text="กระทรวงยกเลิกนโยบายแล้ว")
    html = petition_html(client, petition)
    assert "data-sign-cta" not in html
    assert "ผลลัพธ์: สำเร็จ" in html
    assert "กระทรวงยกเลิกนโยบายแล้ว" in html


def test_a_petition_past_its_closing_date_has_no_sign_button(client, petition):
    petition.status = "closed"
    petition.save_revision().publish()
    assert "data-sign-cta" not in petition_html(client, petition)


def test_the_confirmed_page_asks_to_share_on_line_first_with_its_source_tag(client, petition):
    html = confirmed_html(client, petition)
    share = html[html.index('class="petition-share"') :]
    links = re.findall(r'<a href="([^"]+)" rel="noopener', share)
    assert links[0].startswith("https://social-plugins.line.me/")
    assert "src%3Dline" in links[0]
    assert "facebook.com" in links[1] and "src%3Dfacebook" in links[1]
    assert "twitter.com" in links[2] and "src%3Dx" in links[2]
    assert "?src=copy" in share  # the link to copy, shown without JavaScript


def test_the_confirmed_page_says_to_whom_the_petition_goes_and_its_goal(client, petition, ministry):
    html = confirmed_html(client, petition)
    assert "กระทรวงการท่องเที่ยวและกีฬา" in html
    assert f'data-petition-count="{petition.pk}"' in html
    assert "1,000" in html  # the goal
    assert "ขั้นตอนต่อไป" in html and "เมื่อครบ 1,000 รายชื่อ" in html  # in Thai


def test_the_confirmed_page_names_the_co_sponsors_and_the_carrying_campaign(
    client, full_petition, co_sponsor, carrying_campaign
):
    html = confirmed_html(client, full_petition)
    assert co_sponsor.title in html and co_sponsor.url in html
    assert carrying_campaign.title in html and carrying_campaign.url in html
    assert "ยื่นรายชื่อแล้ว" in html  # where it stands: the latest timeline entry


def test_a_campaign_that_does_not_carry_the_petition_is_not_named(client, petition, carrying_campaign):
    other = CampaignPageFactory(
        parent=carrying_campaign.get_parent(), title="แคมเปญอื่น", slug="other", body=[]
    )
    other.save_revision().publish()
    html = confirmed_html(client, petition)
    assert carrying_campaign.title in html
    assert "แคมเปญอื่น" not in html


def test_the_confirmed_page_of_a_sensitive_petition_keeps_its_title_out_of_the_heading(client, petition):
    petition.is_sensitive = True
    petition.save_revision().publish()
    html = confirmed_html(client, petition)
    assert "petition-confirmed__title" not in html


def test_the_confirmed_page_runs_a_fixed_number_of_queries(client, full_petition, carrying_campaign):
    assert queries_of_a_view(client, f"/th/petitions/confirmed/{full_petition.pk}/") <= 8
