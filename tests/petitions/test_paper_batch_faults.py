"""Paper batches under stress: hostile values in the staff forms never cause a server error, and a confirmation
that fails half-way leaves the batch waiting and the count as it was."""

import pytest

from petitions import selectors, services
from petitions.models import PaperBatchState, SignatureDailyTotal, SignatureTally
from petitions.services import paper

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from ..fuzz.corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep, fuzz_client
from .paper import enter_batch, staff_user

ADMIN = "/admin/petitions/paper/"
NEW_FIELDS = ["petition", "event_name", "event_date", "partner", "province", "count", "scans"]


def test_hostile_values_in_the_staff_paper_forms_never_cause_a_server_error(
    petition,
    error_log,  # noqa: F811
):
    clerk, checker = staff_user("paper-clerk"), staff_user("paper-checker")
    batch = enter_batch(petition, clerk)
    client = fuzz_client(checker)
    valid = {
        "petition": petition.pk,
        "event_name": "บูธ",
        "event_date": "2026-11-25",
        "province": "chiang-rai",
        "count": "5",
    }
    sweep = Sweep()
    for value in [*HOSTILE_TEXT, *INVALID_UTF8]:
        sweep.post_form(client, f"{ADMIN}new/", dict.fromkeys(NEW_FIELDS, value))
        for field in ("petition", "partner", "count", "event_date"):
            sweep.post_form(client, f"{ADMIN}new/", {**valid, field: value})
        sweep.post_form(client, f"{ADMIN}{batch.pk}/", {"action": "reject", "reason": value})
        sweep.post_form(client, f"{ADMIN}{batch.pk}/", {"action": value})
    sweep.assert_clean(error_log(), at_least=150)


def test_a_confirmation_that_fails_while_counting_leaves_the_batch_waiting_and_the_count_unchanged(
    petition, monkeypatch
):
    clerk, checker = staff_user("paper-clerk"), staff_user("paper-checker")
    batch = enter_batch(petition, clerk, count=120)

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(paper, "_apply_tally_changes", broken)
    with pytest.raises(RuntimeError):
        services.confirm_paper_batch(batch=batch, user=checker)
    batch.refresh_from_db()
    assert (batch.state, batch.confirmed_by) == (PaperBatchState.PENDING, None)
    assert not SignatureTally.objects.exists() and not SignatureDailyTotal.objects.exists()
    assert selectors.public_totals(petition.pk).paper == 0
    monkeypatch.undo()
    services.confirm_paper_batch(batch=batch, user=checker)
    selectors.forget_public_totals(petition.pk)
    assert selectors.public_count(petition.pk) == 120
