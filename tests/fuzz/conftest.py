"""A small site with one of everything a visitor can post to or name by id, in the four languages.

Personas: ``representative`` speaks for an active member organisation (the partner portal and the members'
space), ``outsider`` is a signed-in member of the public with no rights (from ``tests/conftest.py``).
"""

import datetime
import logging
from types import SimpleNamespace

import pytest
from django.utils import timezone

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import (
    MemberDocumentFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    RepresentativeFactory,
    UserFactory,
    ensure_vocabularies,
)
from partners.models import Invitation, PartnerPage, private_storage
from partners.services import issue_invitation_token
from petitions import abuse
from petitions.factories import DecisionMakerFactory, PetitionIndexPageFactory, PetitionPageFactory
from stories.factories import StoryIndexPageFactory

from ..campaigns.conftest import campaign_body, event_block_id
from ..conftest import translate

LANGUAGES = ("th", "en", "km", "my")


@pytest.fixture(autouse=True)
def no_minimum_time(settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = ["0.0.0.0/0", "::/0"]  # thousands of posts from one address


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Members' documents go to a temporary folder, not the developer's var/private."""
    settings.PARTNERS_PRIVATE_ROOT = str(tmp_path / "private")
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)
    yield
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)


@pytest.fixture
def site(home):
    """Everything with a public form or an id in its address, in Thai, English, Khmer and Burmese."""
    from wagtail.models import Site

    from site_project.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    ensure_vocabularies()
    petition_index = PetitionIndexPageFactory(parent=home, slug="petitions")
    petition = PetitionPageFactory(
        parent=petition_index,
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่",
        slug="nightlife",
        opens_at=timezone.now() - datetime.timedelta(days=1),
    )
    petition.targets.set([DecisionMakerFactory()])
    petition.save_revision().publish()
    closed = PetitionPageFactory(parent=petition_index, title="ปิดแล้ว", slug="closed", status="closed")
    closed.save_revision().publish()

    campaign_index = CampaignIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(
        parent=campaign_index, title="25 พฤศจิกายน", slug="25-november", body=campaign_body(petition)
    )
    campaign.save_revision().publish()
    campaign.refresh_from_db()
    story_index = StoryIndexPageFactory(parent=home)

    directory = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(
        parent=directory, title="มูลนิธิเอ", slug="a", membership_status=PartnerPage.Membership.ACTIVE
    )
    representative = RepresentativeFactory(partner=partner, user=UserFactory(username="rep@example.org")).user
    document = MemberDocumentFactory(title="รายงานประจำปี", uploaded_by=representative)
    invitation = Invitation.objects.create(email="new@example.org", partner=partner, language="th")
    token = issue_invitation_token(invitation=invitation)

    for language in LANGUAGES[1:]:
        translate(home, language, title=f"Phakhi {language}")
        translate(campaign, language)
        translate(story_index, language)

    return SimpleNamespace(
        pages=[
            home,
            petition_index,
            petition,
            closed,
            campaign_index,
            campaign,
            story_index,
            directory,
            partner,
        ],
        petition=petition,
        closed=closed,
        campaign=campaign,
        rsvp_path=f"campaigns/{campaign.slug}/rsvp/{event_block_id(campaign)}/",
        rsvp_prefix=f"rsvp-{event_block_id(campaign)}",
        partner=partner,
        representative=representative,
        document=document,
        invitation=invitation,
        invitation_token=token,
    )


def sign_data(petition, **fields) -> dict:
    data = {
        "name": "สมหญิง ใจดี",
        "email": "somying@example.org",
        "province": "chiang-rai",
        "consent": "on",
        "form_token": abuse.make_form_token(petition.pk),
        **fields,
    }
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def error_log(caplog):
    """Every record at ERROR or above, from any logger, including ``django.request`` (which does not propagate)."""
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING)
    yield lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]
    request_logger.removeHandler(caplog.handler)
