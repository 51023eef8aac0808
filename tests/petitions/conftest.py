"""Petition fixtures: the index (``petition_index``, from ``tests/conftest.py``) with one open petition addressed
to the Ministry of Tourism and Sports.

Personas beyond ``tests/conftest.py``: ``signer`` data (a Thai member of the public) and ``representative``
(a signed-in partner representative who may co-sign for their organisation).
"""

import re

import pytest
from django.core import mail

from petitions import abuse
from petitions.factories import DecisionMakerFactory, PetitionPageFactory

CONFIRM_LINK = re.compile(r"/petitions/confirm/([A-Za-z0-9_-]+)/")


@pytest.fixture(autouse=True)
def no_minimum_time(signing_at_machine_speed):
    """Most tests post at machine speed; the abuse tests set the minimum back."""


@pytest.fixture
def ministry(db):
    return DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ")


@pytest.fixture
def petition(petition_index, ministry):
    page = PetitionPageFactory(parent=petition_index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.targets.set([ministry])
    page.save_revision().publish()
    return page


def sign_data(petition, **fields) -> dict:
    data = {
        "name": "สมหญิง ใจดี",
        "email": "somying@example.org",
        "province": "chiang-rai",
        "consent": "on",
        "source": "",
        "form_token": abuse.make_form_token(petition.pk),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def sign_url(petition, language: str = "th") -> str:
    return f"/{language}/petitions/sign/{petition.pk}/"


def last_token() -> str:
    return CONFIRM_LINK.findall(mail.outbox[-1].body)[-1]


@pytest.fixture
def sign(client, django_capture_on_commit_callbacks):
    """Post the sign form as a browser would, running the after-commit e-mail."""

    def post(petition, language: str = "th", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(sign_url(petition, language), sign_data(petition, **fields))

    return post


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def post(token: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/th/petitions/confirm/{token}/")

    return post


@pytest.fixture
def co_sponsor(home):
    from partners.factories import PartnerIndexPageFactory, PartnerPageFactory

    directory = PartnerIndexPageFactory(parent=home, slug="partners")
    return PartnerPageFactory(parent=directory, title="เครือข่ายองค์กรงดเหล้า", slug="stop-drink-network")


@pytest.fixture
def full_petition(petition, co_sponsor):
    """A petition with everything the page shows: targets, a co-sponsor, a timeline and recent signers."""
    from petitions.factories import DecisionMakerFactory, PetitionUpdateFactory, SignatureFactory

    petition.targets.add(DecisionMakerFactory(institution="สำนักนายกรัฐมนตรี", office="นายกรัฐมนตรี"))
    petition.co_sponsors.set([co_sponsor])
    petition.save_revision().publish()
    PetitionUpdateFactory(page=petition, text="ยื่นรายชื่อแล้ว")
    PetitionUpdateFactory(page=petition, kind="response", text="กระทรวงตอบรับแล้ว")
    SignatureFactory.create_batch(5, petition=petition, confirmed=True, show_name=True)
    return petition
