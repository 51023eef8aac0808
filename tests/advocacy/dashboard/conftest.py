"""The dashboard's data: two petitions, the partner whose links carry ``?src=friends``, their signatures, and a
Secretariat member who reads the admin in English.
"""

import pytest

from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import SignatureStatus, SignatureStatusCount

from .helpers import TODAY, count_statuses, reading, tallies


@pytest.fixture
def petitions(home):
    index = PetitionIndexPageFactory(parent=home)
    return (
        PetitionPageFactory(parent=index, title="ยุติความรุนแรงต่อเด็ก", slug="children"),
        PetitionPageFactory(parent=index, title="ปิดสถานบันเทิงเที่ยงคืน", slug="nightlife"),
    )


@pytest.fixture
def friends(partner):
    """The partner organisation whose referral links carry ``?src=friends``."""
    assert partner.slug == "friends"
    return partner


@pytest.fixture
def signed(petitions, friends):
    """Children: 120 from Chiang Rai in Thai, 30 through the partner's link from Bangkok in English.
    Nightlife: 50 from Songkhla. Received: 200 confirmed, 40 waiting, 10 in quarantine."""
    children, nightlife = petitions
    tallies(children, signatures=120)
    tallies(children, signatures=30, province="bangkok", source="friends", locale="en")
    tallies(nightlife, signatures=50, province="songkhla")
    count_statuses(
        [
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.CONFIRMED, count=150),
            SignatureStatusCount(petition=nightlife, day=TODAY, status=SignatureStatus.CONFIRMED, count=50),
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.PENDING, count=40),
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.QUARANTINED, count=10),
        ]
    )
    return petitions


@pytest.fixture
def secretariat(secretariat_member, client_as):
    """A Secretariat member who reads the admin in English, so that the assertions read as the page does."""
    return client_as(reading(secretariat_member, "en"))
