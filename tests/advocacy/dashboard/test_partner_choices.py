"""The partner filter offers the partners that took part (signatures or RSVPs through their links, a
co-signature), found in the same number of queries however many partners there are; any other partner's id in a
bookmarked link is still taken, and an id that is no partner's is refused with a message and a 400."""

import re

import pytest

from advocacy.dashboard import load_choices
from campaigns.models import EventRSVP
from partners.factories import PartnerPageFactory
from partners.models import PartnerPage
from petitions.models import CoSignatureStatus, OrganisationCoSignature

from .helpers import TODAY, URL


def _partner(friends, title: str, slug: str) -> PartnerPage:
    return PartnerPageFactory(
        parent=friends.get_parent(), title=title, slug=slug, membership_status=PartnerPage.Membership.ACTIVE
    )


def _offered(page: str) -> dict[str, str]:
    """The partner list's options, label by value, and which one is chosen as ``*``."""
    select = re.search(r'<select name="partner".*?</select>', page, re.S).group(0)
    return {
        value: label + ("*" if chosen else "")
        for value, chosen, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    }


@pytest.fixture
def walkers(friends, walk_replies):
    """A partner whose slug is spelt in capitals, that RSVPs came through (as ``walkers``)."""
    return _partner(friends, "เครือข่ายเดินรณรงค์", "Walkers")


@pytest.fixture
def walk_replies(home, event_campaign):
    EventRSVP.objects.create(
        campaign=event_campaign,
        event_block_id="walk",
        event_title="เดินรณรงค์",
        event_date=TODAY,
        name="ก",
        source="walkers",
    )


@pytest.fixture
def co_signers(friends, signed):
    """A partner that co-signed the children's petition, and one whose co-signature was rejected."""
    children, _nightlife = signed
    approved = _partner(friends, "สมาคมผู้ลงนาม", "signers")
    rejected = _partner(friends, "สมาคมที่ถูกปฏิเสธ", "refused")
    OrganisationCoSignature.objects.create(
        petition=children, partner=approved, status=CoSignatureStatus.APPROVED
    )
    OrganisationCoSignature.objects.create(
        petition=children, partner=rejected, status=CoSignatureStatus.REJECTED
    )
    return approved, rejected


@pytest.fixture
def idle(friends):
    """A partner nobody signed or replied through, that co-signed nothing."""
    return _partner(friends, "มูลนิธิเงียบ", "quiet")


def test_the_partner_list_offers_only_the_partners_that_took_part(
    secretariat, signed, friends, walkers, co_signers, idle
):
    approved, _rejected = co_signers
    offered = _offered(secretariat.get(URL).content.decode())
    assert list(offered.items()) == [  # in the order of their names
        ("", "All partners*"),
        (str(friends.pk), "มูลนิธิเพื่อนหญิง"),  # signatures came through its link
        (str(approved.pk), "สมาคมผู้ลงนาม"),
        (str(walkers.pk), "เครือข่ายเดินรณรงค์"),
    ]


def test_a_partner_in_a_bookmarked_link_is_chosen_even_when_the_list_does_not_offer_it(
    secretariat, signed, idle
):
    response = secretariat.get(URL, {"partner": idle.pk})
    assert response.status_code == 200
    offered = _offered(response.content.decode())
    assert offered[str(idle.pk)] == "มูลนิธิเงียบ*"
    assert offered[""] == "All partners"
    assert "Counted for every source" in response.content.decode()


def test_a_partner_chosen_from_the_list_reads_its_own_signatures(secretariat, signed, friends):
    response = secretariat.get(URL, {"partner": friends.pk})
    assert _offered(response.content.decode())[str(friends.pk)] == "มูลนิธิเพื่อนหญิง*"
    assert "30 signatures confirmed from" in response.content.decode()


@pytest.mark.parametrize("value", ["999999", "abc", "²", "๑", "1" * 30, "-1", " 1"])
def test_a_partner_id_that_is_no_partners_is_refused_with_a_message_and_a_400(secretariat, signed, value):
    response = secretariat.get(URL, {"partner": value})
    assert response.status_code == 400
    assert "Partner: Select a valid choice." in response.content.decode()


def test_a_petitions_id_is_no_partner(secretariat, signed):
    children, _nightlife = signed
    response = secretariat.get(URL, {"partner": children.pk})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def test_the_choices_cost_as_many_queries_for_many_partners_as_for_a_few(
    signed, friends, walkers, co_signers, django_assert_num_queries
):
    with django_assert_num_queries(7):
        few = load_choices()
    children, _nightlife = signed
    for n in range(20):
        partner = _partner(friends, f"ภาคี {n}", f"more-{n}")
        OrganisationCoSignature.objects.create(petition=children, partner=partner)
    with django_assert_num_queries(7):
        many = load_choices()
    assert len(many.partners) == len(few.partners) + 20
