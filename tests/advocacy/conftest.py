"""Fixtures for the advocacy tests: the inbox's personas and the submissions they work on.

Personas: ``secretariat_member`` and ``safeguarding_member`` (staff in the groups the advocacy migration
makes), ``representative`` (a partner organisation's representative, who reaches none of the inbox).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from campaigns.services import record_rsvp
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory, UserFactory
from partners.models import PartnerPage
from stories.services import submit_story

from ..campaigns.conftest import campaign_body, event_block_id
from ..conftest import translate
from .surveys import CHOICES, ENGLISH, EVERY_TYPE, RENEWAL_QUESTIONS, survey_page, translate_with_localize

PASSWORD = "correct horse battery staple"


def staff_in(group: str, username: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def secretariat_member(db):
    return staff_in("Secretariat", "secretariat-member")


@pytest.fixture
def safeguarding_member(db):
    return staff_in("Safeguarding", "safeguarding-member")


@pytest.fixture
def partner(home):
    directory = PartnerIndexPageFactory(parent=home)
    return PartnerPageFactory(
        parent=directory, title="มูลนิธิเพื่อนหญิง", slug="friends", membership_status=PartnerPage.Membership.ACTIVE
    )


@pytest.fixture
def representative(partner):
    return RepresentativeFactory(partner=partner, user=UserFactory(username="rep@example.org")).user


@pytest.fixture
def event_campaign(home):
    """A Thai campaign with one event that takes RSVPs (the campaign tests' body, without a petition)."""
    page = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home),
        title="25 พฤศจิกายน 2568",
        slug="25-november-2025",
        theme=CampaignThemeFactory(name="25 พฤศจิกายน", slug="25-november"),
        body=campaign_body(),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def english_event_campaign(event_campaign, english_home):
    return translate(event_campaign, "en", title="25 November 2025")


@pytest.fixture
def rsvp(event_campaign):
    """Make an RSVP, as the public form does: ``rsvp(page, "สมชาย", "th")``."""

    def make(page=None, name: str = "สมชาย ใจดี", language: str = "th"):
        page = page or event_campaign
        data = {"name": name, "email": "", "phone": "", "people": 1}
        return record_rsvp(campaign=page, block_id=event_block_id(page), data=data, language=language)

    return make


@pytest.fixture
def story(db):
    return submit_story(data={"name": "กุหลาบป่า", "contact": "", "story": "เรื่องของฉัน"}, language="th")


@pytest.fixture
def renewal(home):
    return survey_page(home, questions=RENEWAL_QUESTIONS, show_in_portal=True)


@pytest.fixture
def english_renewal(renewal, english_home):
    return translate_with_localize(renewal, "en", ENGLISH)


@pytest.fixture
def every_type(home, english_home):
    """A survey with one question of each type, in English so that the messages read as below."""
    questions = [
        {"label": label, "field_type": kind, "choices": CHOICES.get(kind, "")}
        for kind, (label, _value) in EVERY_TYPE.items()
    ]
    return translate(survey_page(home, title="ทุกแบบคำถาม", slug="every-type", questions=questions), "en")


@pytest.fixture
def members_only(home):
    return survey_page(
        home, title="สำหรับสมาชิก", slug="members", questions=RENEWAL_QUESTIONS[:1], audience="members"
    )
