"""A small site with one of everything a visitor can post to or name by id, in the four languages.

Personas: ``representative`` speaks for an active member organisation (the partner portal and the members'
space), ``outsider`` is a signed-in member of the public with no rights (from ``tests/conftest.py``).
"""

import functools
import logging
from types import SimpleNamespace

import pytest

from advocacy.models import SurveyField, SurveyPage
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import (
    MemberDocumentFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    RepresentativeFactory,
    UserFactory,
    ensure_vocabularies,
)
from partners.models import Invitation, PartnerPage
from partners.services import issue_invitation_token
from petitions.factories import PetitionPageFactory
from stories.factories import StoryIndexPageFactory

from ..campaigns.conftest import campaign_body, event_block_id
from ..conftest import publish_open_petition, translate
from ..petitions.conftest import sign_data as petition_sign_data
from .corpus import fuzz_client

LANGUAGES = ("th", "en", "km", "my")


@pytest.fixture(autouse=True)
def no_minimum_time(signing_at_machine_speed):
    signing_at_machine_speed.PETITION_RATE_LIMIT_ALLOWLIST = [
        "0.0.0.0/0",
        "::/0",
    ]  # thousands of posts from one address


@pytest.fixture(autouse=True)
def private_files(private_files):
    """Members' documents, which the sweep uploads, go to a temporary folder."""
    return private_files


@pytest.fixture
def site(home, petition_index):
    """Everything with a public form or an id in its address, in Thai, English, Khmer and Burmese."""
    ensure_vocabularies()
    petition = publish_open_petition(petition_index)
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

    survey = SurveyPage(title="แบบสอบถาม", slug="survey", show_in_portal=True)
    survey.form_fields = [SurveyField(label="ความเห็น", field_type="singleline", sort_order=0)]
    home.add_child(instance=survey)
    survey.save_revision().publish()

    for language in LANGUAGES[1:]:
        translate(home, language, title=f"Phakhi {language}")
        translate(campaign, language)
        translate(story_index, language)
        translate(survey, language)

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
            survey,
        ],
        petition=petition,
        closed=closed,
        campaign=campaign,
        survey=survey,
        rsvp_path=f"campaigns/{campaign.slug}/rsvp/{event_block_id(campaign)}/",
        rsvp_prefix=f"rsvp-{event_block_id(campaign)}",
        partner=partner,
        representative=representative,
        document=document,
        invitation=invitation,
        invitation_token=token,
    )


# The petition tests' valid sign form, less the optional ``source``: the sweep posts every field it is given.
sign_data = functools.partial(petition_sign_data, source=None)


@pytest.fixture
def error_log(caplog):
    """Every record at ERROR or above, from any logger, including ``django.request`` (which does not propagate)."""
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(caplog.handler)
    caplog.set_level(logging.WARNING)
    yield lambda: [record for record in caplog.records if record.levelno >= logging.ERROR]
    request_logger.removeHandler(caplog.handler)


@pytest.fixture
def personas(site, admin_user):
    return {
        "anonymous": fuzz_client(),
        "representative": fuzz_client(site.representative),
        "staff": fuzz_client(admin_user),
    }
