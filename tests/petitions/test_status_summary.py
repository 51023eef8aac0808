"""The staff summary of signatures per day and status: rebuilt from the rows, recent days or all of them."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from petitions.factories import PetitionPageFactory, SignatureFactory
from petitions.models import Signature, SignatureStatus, SignatureStatusCount
from petitions.services import summarise_signature_statuses


def _counts(petition) -> dict:
    """The summary of ``petition``; with ``None``, every petition's together."""
    rows = SignatureStatusCount.objects.of_petitions(None if petition is None else [petition.pk])
    return {(row.day, row.status): row.count for row in rows}


def test_it_counts_each_days_signatures_by_status(petition):
    SignatureFactory.create_batch(3, petition=petition)
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    SignatureFactory(petition=petition, status=SignatureStatus.QUARANTINED)
    summarise_signature_statuses()
    today = timezone.localdate()
    assert _counts(petition) == {
        (today, SignatureStatus.PENDING): 3,
        (today, SignatureStatus.CONFIRMED): 2,
        (today, SignatureStatus.QUARANTINED): 1,
    }


def test_a_confirmation_moves_a_signature_between_statuses_at_the_next_run(petition):
    signature = SignatureFactory(petition=petition)
    summarise_signature_statuses()
    Signature.objects.filter(pk=signature.pk).update(status=SignatureStatus.CONFIRMED)
    summarise_signature_statuses()
    assert _counts(petition) == {(timezone.localdate(), SignatureStatus.CONFIRMED): 1}


def test_the_minute_run_leaves_old_days_to_the_nightly_run(petition):
    old = SignatureFactory(petition=petition)
    long_ago = timezone.now() - datetime.timedelta(days=40)
    Signature.objects.filter(pk=old.pk).update(created_at=long_ago)
    call_command("summarise_signature_statuses", stdout=io.StringIO())
    assert _counts(petition) == {}
    call_command("summarise_signature_statuses", "--all", stdout=io.StringIO())
    assert _counts(petition) == {(timezone.localtime(long_ago).date(), SignatureStatus.PENDING): 1}


def test_every_petitions_counts_add_up_the_petitions(petition):
    another = PetitionPageFactory(parent=petition.get_parent(), title="Another", slug="another")
    SignatureFactory.create_batch(2, petition=petition)
    SignatureFactory(petition=another)
    SignatureFactory(petition=another, confirmed=True)
    summarise_signature_statuses()
    today = timezone.localdate()
    assert _counts(None) == {(today, SignatureStatus.PENDING): 3, (today, SignatureStatus.CONFIRMED): 1}
