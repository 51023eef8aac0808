"""The daily totals staff's charts read move with the tallies: the aggregator writes both in one transaction."""

import pytest
from django.utils import timezone

from petitions.factories import PetitionPageFactory, SignatureFactory
from petitions.models import Signature, SignatureDailyTotal, SignatureStatus
from petitions.services import aggregate_signatures, reconcile_signature_counts


def _totals(petition) -> dict:
    """Today's totals of ``petition``; with ``None``, every petition's together."""
    return {
        (row.dimension, row.value): row.count
        for row in SignatureDailyTotal.objects.of_petitions(
            None if petition is None else [petition.pk]
        ).filter(day=timezone.localdate())
        if row.count
    }


@pytest.fixture
def another_petition(petition):
    return PetitionPageFactory(parent=petition.get_parent(), title="Another", slug="another")


def test_counting_adds_each_signature_to_its_province_source_and_language(petition):
    SignatureFactory.create_batch(
        2, petition=petition, confirmed=True, province="chiang-rai", source="friends"
    )
    SignatureFactory(petition=petition, confirmed=True, province="bangkok", locale="en")
    aggregate_signatures()
    assert _totals(petition) == {
        ("province", "chiang-rai"): 2,
        ("province", "bangkok"): 1,
        ("source", "friends"): 2,
        ("source", ""): 1,
        ("locale", "th"): 2,
        ("locale", "en"): 1,
    }


def test_an_invalidated_signature_leaves_the_totals(petition):
    kept, dropped = SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    aggregate_signatures()
    Signature.objects.filter(pk=dropped.pk).update(status=SignatureStatus.INVALIDATED)
    aggregate_signatures()
    assert _totals(petition) == {("province", "bangkok"): 1, ("source", ""): 1, ("locale", "th"): 1}


def test_rebuilding_a_petitions_tallies_rebuilds_its_totals_once(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    aggregate_signatures()
    reconcile_signature_counts(fix=True)
    assert _totals(petition) == {("province", "bangkok"): 3, ("source", ""): 3, ("locale", "th"): 3}


def test_every_petitions_totals_add_up_the_petitions(petition, another_petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True, province="chiang-rai")
    SignatureFactory(petition=another_petition, confirmed=True, province="chiang-rai", locale="en")
    aggregate_signatures()
    assert _totals(None) == {
        ("province", "chiang-rai"): 3,
        ("source", ""): 3,
        ("locale", "th"): 2,
        ("locale", "en"): 1,
    }


def test_rebuilding_one_petition_counts_it_once_in_every_petitions_totals(petition, another_petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    SignatureFactory(petition=another_petition, confirmed=True)
    aggregate_signatures()
    reconcile_signature_counts(fix=True)
    assert _totals(None) == {("province", "bangkok"): 4, ("source", ""): 4, ("locale", "th"): 4}


def test_a_deleted_petition_leaves_every_petitions_totals_at_the_next_reconciliation(
    petition, another_petition
):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    SignatureFactory(petition=another_petition, confirmed=True)
    aggregate_signatures()
    another_petition.delete()
    reconcile_signature_counts()  # the nightly run
    assert _totals(None) == {("province", "bangkok"): 3, ("source", ""): 3, ("locale", "th"): 3}
