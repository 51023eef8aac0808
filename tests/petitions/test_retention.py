"""Retention that always ends: petitions without a close date are anonymised a set time after their last
signature, and IP address hashes are blanked after a short window, by the daily ``anonymise_signatures``."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions import selectors, services
from petitions.factories import PetitionPageFactory, SignatureFactory
from petitions.models import QuarantineReason, Signature, SignatureStatus

DAY = datetime.timedelta(days=1)


def _signed(petition, count: int, *, days_ago: float = 0, **fields) -> list[Signature]:
    rows = SignatureFactory.create_batch(
        count, petition=petition, confirmed=True, ip_hash="ab" * 32, **fields
    )
    if days_ago:
        Signature.objects.filter(pk__in=[row.pk for row in rows]).update(
            created_at=timezone.now() - days_ago * DAY
        )
    return rows


def _personal(petition) -> int:
    """How many of the petition's signatures still carry a name or an address."""
    return Signature.objects.filter(petition=petition).exclude(name="", email="").count()


def test_an_open_ended_petition_keeps_its_signers_until_the_set_time_after_its_last_signature(petition):
    assert petition.closes_at is None
    _signed(petition, 3)
    services.aggregate_signatures()
    now = timezone.now()
    eleven_months_on = now + 335 * DAY
    thirteen_months_on = now + 400 * DAY
    assert services.anonymise_open_ended_petitions(months=12, now=eleven_months_on) == 0
    assert _personal(petition) == 3
    assert services.anonymise_open_ended_petitions(months=12, now=thirteen_months_on) == 3
    assert _personal(petition) == 0
    assert set(Signature.objects.values_list("ip_hash", "token_hash")) == {("", "")}
    assert selectors.public_count(petition.pk) == 3


def test_a_new_signature_restarts_the_clock_for_every_signer_of_the_petition(petition):
    _signed(petition, 2, days_ago=500)
    _signed(petition, 1, days_ago=10)
    assert services.anonymise_open_ended_petitions(months=12) == 0
    assert _personal(petition) == 3


def test_the_open_ended_rule_leaves_petitions_with_a_close_date_to_the_closing_rule(petition_index):
    dated = PetitionPageFactory(parent=petition_index, closes_at=timezone.now() + 30 * DAY)
    _signed(dated, 2, days_ago=500)
    assert services.anonymise_open_ended_petitions(months=12) == 0
    assert services.anonymise_closed_petitions(months=12) == 0
    assert _personal(dated) == 2
    assert services.anonymise_closed_petitions(months=12, now=timezone.now() + 400 * DAY) == 2
    assert _personal(dated) == 0


def test_open_ended_anonymisation_runs_in_batches_and_a_second_run_changes_nothing(petition):
    _signed(petition, 5, days_ago=400)
    assert services.anonymise_open_ended_petitions(months=12, batch_size=2) == 5
    stamps = list(Signature.objects.order_by("pk").values_list("anonymised_at", flat=True))
    assert services.anonymise_open_ended_petitions(months=12, batch_size=2) == 0
    assert list(Signature.objects.order_by("pk").values_list("anonymised_at", flat=True)) == stamps


def test_ip_hashes_are_blanked_after_the_short_window_and_nothing_else_changes(petition):
    _signed(petition, 3)
    now = timezone.now()
    assert services.drop_ip_hashes(days=7, now=now + 6 * DAY) == 0
    assert Signature.objects.exclude(ip_hash="").count() == 3
    assert services.drop_ip_hashes(days=7, now=now + 8 * DAY, batch_size=2) == 3
    assert services.drop_ip_hashes(days=7, now=now + 8 * DAY) == 0
    assert set(Signature.objects.values_list("ip_hash", flat=True)) == {""}
    assert _personal(petition) == 3  # the signers themselves are kept; only the address hash goes
    assert Signature.objects.filter(status=SignatureStatus.CONFIRMED).count() == 3


def test_staff_can_still_invalidate_by_address_hash_inside_the_window(petition):
    _signed(petition, 2, days_ago=3)
    _signed(petition, 1, days_ago=10)
    services.drop_ip_hashes(days=7)
    assert services.invalidate_signatures(criteria=selectors.Criteria(ip_hash="ab" * 32)) == 2


@pytest.fixture
def burst_of_two(settings):
    settings.PETITION_RATE_LIMIT_BURST = "2/60"
    settings.PETITION_RATE_LIMIT_SUSTAINED = "50/3600"


def test_the_rate_limits_hold_with_every_stored_ip_hash_blanked(sign, petition, burst_of_two):
    sign(petition, email="first@example.org")
    sign(petition, email="second@example.org")
    assert services.drop_ip_hashes(days=0, now=timezone.now() + DAY) == 2
    sign(petition, email="third@example.org")
    third = Signature.objects.get(email="third@example.org")
    assert (third.status, third.quarantine_reason) == (
        SignatureStatus.QUARANTINED,
        QuarantineReason.RATE_BURST,
    )


def test_the_daily_command_runs_every_retention_job_with_the_configured_times(
    petition, petition_index, settings
):
    settings.PETITION_RETENTION_MONTHS = 12
    settings.PETITION_OPEN_RETENTION_MONTHS = 6
    settings.PETITION_IP_HASH_DAYS = 7
    closed = PetitionPageFactory(parent=petition_index, closes_at=timezone.now() - 400 * DAY)
    _signed(closed, 2, days_ago=450)
    dormant = PetitionPageFactory(parent=petition_index)
    _signed(dormant, 3, days_ago=200)
    _signed(petition, 4, days_ago=8)
    _signed(petition, 1)
    out = io.StringIO()
    call_command("anonymise_signatures", "--batch-size", "2", stdout=out)
    report = out.getvalue()
    assert "Anonymised 2 signature(s) of petitions closed" in report
    assert "Anonymised 3 signature(s) of petitions without a close date" in report
    assert "Blanked 4 IP address hash(es) older than 7 day(s)" in report
    assert (_personal(closed), _personal(dormant), _personal(petition)) == (0, 0, 5)
    assert Signature.objects.filter(petition=petition).exclude(ip_hash="").count() == 1

    again = io.StringIO()
    call_command("anonymise_signatures", stdout=again)
    assert again.getvalue().count(" 0 ") == 3
