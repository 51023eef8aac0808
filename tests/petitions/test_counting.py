"""Counting: tallies, the aggregator, the public count, reconciliation and duplicates."""

import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from petitions import selectors, services
from petitions.factories import SignatureFactory
from petitions.models import Signature, SignatureStatus, SignatureTally


def test_the_public_count_includes_confirmations_the_aggregator_has_not_reached(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    SignatureFactory.create_batch(2, petition=petition)  # pending: not counted
    assert selectors.public_count(petition.pk) == 3
    assert not SignatureTally.objects.exists()


def test_the_aggregator_moves_confirmations_into_tallies_without_changing_the_count(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, province="chiang-rai", source="line")
    SignatureFactory(petition=petition, confirmed=True, province="bangkok")
    assert services.aggregate_signatures() == 4
    assert services.aggregate_signatures() == 0
    assert sum(SignatureTally.objects.values_list("count", flat=True)) == 4
    assert not Signature.objects.uncounted().exists()
    assert selectors.totals_by(petition.pk, "province") == {"chiang-rai": 3, "bangkok": 1}
    assert selectors.totals_by(petition.pk, "source") == {"line": 3, "": 1}
    assert selectors.public_count(petition.pk) == 4


def test_totals_by_day_agree_before_and_after_aggregation(petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    before = selectors.totals_by(petition.pk, "day")
    services.aggregate_signatures()
    assert selectors.totals_by(petition.pk, "day") == before
    assert sum(before.values()) == 2


def test_invalidated_signatures_leave_the_count_at_once_and_the_tallies_later(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, source="bot")
    SignatureFactory(petition=petition, confirmed=True, source="line")
    services.aggregate_signatures()
    touched = services.invalidate_signatures(criteria=selectors.Criteria(source="bot"))
    assert touched == 3
    assert selectors.public_count(petition.pk) == 1
    services.aggregate_signatures()
    assert sum(SignatureTally.objects.values_list("count", flat=True)) == 1
    assert selectors.public_count(petition.pk) == 1


def test_the_reconcile_command_reports_no_drift_and_fails_when_there_is_some(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    services.aggregate_signatures()
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "drift 0" in out.getvalue()
    SignatureTally.objects.update(count=10)
    with pytest.raises(SystemExit) as exit_info:
        call_command("reconcile_signature_counts", stdout=io.StringIO())
    assert exit_info.value.code == 1
    call_command("reconcile_signature_counts", "--fix", stdout=io.StringIO())
    assert selectors.public_count(petition.pk) == 3
    assert sum(SignatureTally.objects.values_list("count", flat=True)) == 3


def test_the_aggregate_command_runs_once(petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    out = io.StringIO()
    call_command("aggregate_signatures", stdout=out)
    assert not Signature.objects.uncounted().exists()


def test_the_database_refuses_a_second_signature_from_the_same_canonical_address(petition):
    SignatureFactory(petition=petition, email="a.b+x@gmail.com")
    with pytest.raises(IntegrityError):
        SignatureFactory(petition=petition, email="AB@googlemail.com")


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Som.Ying+petition@Gmail.com", "somying@gmail.com"),
        ("s.o.m@googlemail.com", "som@gmail.com"),
        ("First.Last+news@Example.ORG", "first.last@example.org"),
        ("ผู้ใช้@ตัวอย่าง.ไทย", "ผู้ใช้@ตัวอย่าง.ไทย"),
    ],
)
def test_addresses_are_folded_to_one_canonical_form(typed, canonical):
    assert services.canonical_email(typed) == canonical


def test_every_translation_of_a_petition_shares_one_count(sign, petition, english_home):
    from ..conftest import translate

    english = translate(petition, "en", title="End 4 a.m. nightlife hours")
    sign(petition, email="one@example.org")
    sign(english, language="en", email="two@example.org")
    assert set(Signature.objects.values_list("petition_id", flat=True)) == {petition.pk}
    Signature.objects.update(status=SignatureStatus.CONFIRMED)
    assert selectors.public_count(english.pk) == selectors.public_count(petition.pk) == 2


def test_with_a_worker_the_aggregator_is_debounced_and_re_enqueues_itself_while_work_remains(
    settings, petition
):
    from petitions.tasks import aggregate_signatures_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    services.schedule_aggregation()
    services.schedule_aggregation()  # within two seconds: no second run
    backend = aggregate_signatures_task.get_backend()
    assert len(backend.results) == 1 and backend.results[0].task.run_after is not None
    services.aggregate_signatures(batch_size=1)
    aggregate_signatures_task.call()  # one more row was left: it counts it, and none remain
    assert not Signature.objects.uncounted().exists()
