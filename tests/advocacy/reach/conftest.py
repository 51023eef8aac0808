"""Partners' reach in the portal: a directory, our partner and another, their representatives, a petition our
partner co-sponsors, an upcoming campaign, and the signers who asked for our partner's news.

Personas: ``rep`` speaks for ``our_partner`` (an active member that co-sponsors ``petition``), ``other_rep``
for ``other_partner``; ``lapsed_rep`` for an organisation whose membership lapsed; ``outsider`` is signed in
with no organisation.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory, UserFactory
from partners.models import PartnerPage
from petitions.factories import (
    DecisionMakerFactory,
    PetitionIndexPageFactory,
    PetitionPageFactory,
)
from site_project.models import SiteSettings

from .helpers import add_signature


@pytest.fixture(autouse=True)
def no_minimum_time(settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []


@pytest.fixture
def directory(home):
    return PartnerIndexPageFactory(parent=home, slug="partners")


def _partner(directory, title: str, slug: str, membership=PartnerPage.Membership.ACTIVE) -> PartnerPage:
    return PartnerPageFactory(parent=directory, title=title, slug=slug, membership_status=membership)


def _rep(partner: PartnerPage, username: str):
    return RepresentativeFactory(partner=partner, user=UserFactory(username=username)).user


@pytest.fixture
def our_partner(directory):
    return _partner(directory, "เครือข่ายองค์กรงดเหล้า", "stop-drink-network")


@pytest.fixture
def other_partner(directory):
    return _partner(directory, "มูลนิธิบี", "foundation-b")


@pytest.fixture
def rep(our_partner):
    return _rep(our_partner, "rep@example.org")


@pytest.fixture
def other_rep(other_partner):
    return _rep(other_partner, "other-rep@example.org")


@pytest.fixture
def lapsed_rep(directory):
    lapsed = _partner(directory, "มูลนิธิซี", "foundation-c", membership=PartnerPage.Membership.LAPSED)
    return _rep(lapsed, "lapsed-rep@example.org")


@pytest.fixture
def petition_index(home):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return PetitionIndexPageFactory(parent=home, slug="petitions")


@pytest.fixture
def petition(petition_index, our_partner):
    """An open petition ``our_partner`` co-sponsors."""
    page = PetitionPageFactory(parent=petition_index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.targets.set([DecisionMakerFactory()])
    page.co_sponsors.set([our_partner])
    page.save_revision().publish()
    return page


@pytest.fixture
def upcoming_campaign(home):
    today = timezone.localdate()
    page = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home, slug="campaigns"),
        title="16 วันรณรงค์ยุติความรุนแรง",
        slug="16-days",
        start_date=today + datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=20),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def subscribers(petition, our_partner, other_partner):
    """Who asked for our partner's news on the petition, and who did not."""
    at = datetime.datetime(2026, 11, 29, 17, 30, tzinfo=datetime.UTC)  # 30 November, 00:30 in Bangkok
    return {
        "thai": add_signature(
            petition, consent_to=our_partner, name="สมหญิง ใจดี", province="chiang-rai", consented_at=at
        ),
        "formula": add_signature(
            petition, consent_to=our_partner, name='=HYPERLINK("http://evil")', consented_at=at, locale="en"
        ),
        "withdrawn": add_signature(petition, consent_to=our_partner, name="ถอนแล้ว", withdrawn=True),
        "pending": add_signature(petition, consent_to=our_partner, name="ยังไม่ยืนยัน", confirmed=False),
        "other partner": add_signature(petition, consent_to=other_partner, name="ของคนอื่น"),
        "organiser only": add_signature(petition, consent_to=None, name="ผู้จัดเท่านั้น"),
    }
