"""Paper signatures: a batch is entered by one person and counted only once another has confirmed it.

A confirmed batch goes into the tallies through the aggregator's own writer, under its lock, as ``count``
signatures with the source ``PAPER_SOURCE`` on the event's day, in the batch's province and the petition's
language: the public count, the per-province totals, the API and the dashboard all include it as they are.
"""

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import selectors
from ..models import PaperBatch, PaperBatchScan, PaperBatchState, PetitionPage
from .counting import _aggregation_lock, _apply_tally_changes, paper_tally_changes


class PaperBatchRefused(Exception):
    """The confirmation or rejection is not allowed; ``message`` says why, in the reader's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def enter_paper_batch(
    *,
    petition: PetitionPage,
    event_name: str,
    event_date: datetime.date,
    province: str,
    count: int,
    user,
    partner=None,
    scans: Iterable[UploadedFile] = (),
) -> PaperBatch:
    """Record a batch, waiting for a second person's check. Counted under the petition's original language.

    Raises ``ValidationError`` for a count outside 1 to 100,000, an unknown province or a scan that is not a
    PDF or an image.
    """
    batch = PaperBatch(
        petition_id=selectors.canonical_petition_id(petition.pk),
        event_name=event_name,
        event_date=event_date,
        partner=partner,
        province=province,
        count=count,
        entered_by=user,
    )
    batch.full_clean(exclude=["petition", "partner"])
    files = [PaperBatchScan(file=scan) for scan in scans]
    for scan in files:
        scan.full_clean(exclude=["batch"])
    with transaction.atomic():
        batch.save()
        for scan in files:
            scan.batch = batch
            scan.save()
    return batch


def _locked_pending(batch: PaperBatch, user) -> PaperBatch:
    """The batch read again under the lock; refused if it is decided already or ``user`` entered it."""
    _aggregation_lock()
    batch = PaperBatch.objects.select_for_update().select_related("petition__locale").get(pk=batch.pk)
    if batch.state != PaperBatchState.PENDING:
        raise PaperBatchRefused(gettext("This batch has already been confirmed or rejected."))
    if user is None or not user.is_authenticated:
        raise PaperBatchRefused(gettext("Sign in to check a paper batch."))
    if batch.entered_by_id == user.pk:
        raise PaperBatchRefused(
            gettext("Someone other than the person who entered this batch must check it.")
        )
    return batch


def confirm_paper_batch(*, batch: PaperBatch, user) -> PaperBatch:
    """A second person confirms the batch: it is added to the tallies and the public count at once."""
    with transaction.atomic():
        batch = _locked_pending(batch, user)
        batch.state = PaperBatchState.CONFIRMED
        batch.confirmed_by = user
        batch.confirmed_at = timezone.now()
        batch.save(update_fields=["state", "confirmed_by", "confirmed_at"])
        _apply_tally_changes(paper_tally_changes([batch]), every_petition=True)
    selectors.forget_public_totals(batch.petition_id)
    return batch


def reject_paper_batch(*, batch: PaperBatch, user, reason: str = "") -> PaperBatch:
    """A second person rejects the batch: it never counts. The reason is shown to whoever entered it."""
    with transaction.atomic():
        batch = _locked_pending(batch, user)
        batch.state = PaperBatchState.REJECTED
        batch.rejected_by = user
        batch.rejected_at = timezone.now()
        batch.rejection_reason = reason.strip()[:600]
        batch.save(update_fields=["state", "rejected_by", "rejected_at", "rejection_reason"])
    return batch
