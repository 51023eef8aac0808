"""Partner fixtures: a directory with two organisations, their representatives and a moderator.

Personas: ``rep_a`` speaks for organisation A (an active member), ``rep_b`` for organisation B;
``moderator`` is secretariat staff in Wagtail's Moderators group.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from partners.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    RepresentativeFactory,
    UserFactory,
    ensure_vocabularies,
)
from partners.models import PartnerContacts, PartnerPage, Pillar
from partners.services import ensure_review_workflow


@pytest.fixture(autouse=True)
def private_files(private_files):
    """Every partner test keeps members' documents in a temporary folder."""
    return private_files


@pytest.fixture
def vocabularies(db):
    ensure_vocabularies()


@pytest.fixture
def directory(home, vocabularies):
    index = PartnerIndexPageFactory(parent=home)
    ensure_review_workflow(index_page=index)
    return index


def active_member(directory, title: str, slug: str, **fields) -> PartnerPage:
    """An organisation in ``directory`` whose membership is active."""
    return PartnerPageFactory(
        parent=directory, title=title, slug=slug, membership_status=PartnerPage.Membership.ACTIVE, **fields
    )


@pytest.fixture
def partner_a(directory):
    pillars = [Pillar.objects.get(slug="child_protection")]
    return active_member(directory, "มูลนิธิเอ", "a", terms={"pillars": pillars, "provinces": ["chiang-rai"]})


@pytest.fixture
def partner_b(directory):
    return active_member(directory, "มูลนิธิบี", "b")


@pytest.fixture
def rep_a(partner_a):
    return RepresentativeFactory(partner=partner_a, user=UserFactory(username="rep-a@example.org")).user


@pytest.fixture
def rep_b(partner_b):
    return RepresentativeFactory(partner=partner_b, user=UserFactory(username="rep-b@example.org")).user


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user(
        username="moderator",
        email="moderator@example.org",
        password="correct horse battery staple",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def english_a(partner_a, english_home):
    from ..conftest import translate

    translate(partner_a.get_parent().specific, "en", title="Partners")
    return translate(partner_a, "en", title="Foundation A")


@pytest.fixture
def contacts_a(partner_a):
    return PartnerContacts.objects.create(
        translation_key=partner_a.translation_key,
        public_phone="053 111 222",
        address="99 ถนนพหลโยธิน เชียงราย",
        public_email="info@a.example.org",
    )
