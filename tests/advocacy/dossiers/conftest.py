"""Fixtures for delivery dossiers: a petition with confirmed online signatures and a paper tally, a push that
carries it, and ``make_dossier`` that runs the background task as the worker would.

Personas come from ``tests/advocacy/conftest.py``: ``secretariat_member`` (may make and download dossiers),
``representative`` (a partner's representative, who may not); ``outsider`` from ``tests/conftest.py``.
"""

import datetime

import pytest
from django.utils import timezone

from advocacy.dossiers import services as dossier_services
from advocacy.pushes.models import PolicyPush, Stage
from petitions import services
from petitions.factories import PaperBatchFactory, SignatureFactory
from petitions.models import SignatureStatus

from ...conftest import publish_open_petition

THAI_TITLE = "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่"


@pytest.fixture(autouse=True)
def private_dossiers(private_files):
    """Dossier PDFs go to a temporary private folder."""
    return private_files


@pytest.fixture
def petition(petition_index):
    return publish_open_petition(petition_index)


def confirmed(petition, **fields):
    now = timezone.now()
    return SignatureFactory(
        petition=petition,
        status=SignatureStatus.CONFIRMED,
        confirmed_at=now - datetime.timedelta(hours=1),
        **fields,
    )


@pytest.fixture
def signatures(petition, secretariat_member):
    """Five online signatures (three in Bangkok, two in Chiang Rai) and a confirmed paper batch of 120 from Chiang
    Rai."""
    rows = [confirmed(petition, province="bangkok") for _ in range(3)]
    rows += [confirmed(petition, province="chiang-rai") for _ in range(2)]
    SignatureFactory(petition=petition, status=SignatureStatus.PENDING)  # not confirmed: never counted
    batch = PaperBatchFactory(petition=petition, event_date=timezone.localdate() - datetime.timedelta(days=5))
    services.confirm_paper_batch(batch=batch, user=secretariat_member)  # a second person: counted from now
    return rows


@pytest.fixture
def push(secretariat_member, petition):
    push = PolicyPush.objects.create(
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่",
        demand="ขอให้กระทรวงยกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงตีสี่",
        owner=secretariat_member,
        stage=Stage.COLLECTING,
    )
    push.targets.set(petition.targets.all())
    push.petitions.set([petition])
    push.save()
    return push


@pytest.fixture
def make_dossier(django_capture_on_commit_callbacks, secretariat_member):
    """Make a dossier as the admin's button does and run its task (the test settings' immediate backend)."""

    def make(petition, *, push=None, languages=(), with_annex=False):
        with django_capture_on_commit_callbacks(execute=True):
            dossier = dossier_services.make_dossier(
                petition=petition,
                push=push,
                languages=list(languages),
                with_annex=with_annex,
                user=secretariat_member,
            )
        dossier.refresh_from_db()
        return dossier

    return make
