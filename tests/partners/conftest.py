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
from partners.models import PartnerPage, Pillar, private_storage
from partners.services import ensure_review_workflow


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Members' documents go to a temporary folder, not the developer's var/private."""
    settings.PARTNERS_PRIVATE_ROOT = str(tmp_path / "private")
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)
    yield tmp_path / "private"
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)


@pytest.fixture
def vocabularies(db):
    ensure_vocabularies()


@pytest.fixture
def directory(home, vocabularies):
    index = PartnerIndexPageFactory(parent=home)
    ensure_review_workflow(index_page=index)
    return index


@pytest.fixture
def partner_a(directory):
    return PartnerPageFactory(
        parent=directory,
        title="มูลนิธิเอ",
        slug="a",
        membership_status=PartnerPage.Membership.ACTIVE,
        terms={"pillars": [Pillar.objects.get(slug="child_protection")], "provinces": ["chiang-rai"]},
    )


@pytest.fixture
def partner_b(directory):
    return PartnerPageFactory(
        parent=directory, title="มูลนิธิบี", slug="b", membership_status=PartnerPage.Membership.ACTIVE
    )


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
