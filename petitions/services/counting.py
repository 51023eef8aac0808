"""Counting: the aggregator folds confirmed signatures into the tallies the public count reads.

It is the only code that writes ``SignatureTally`` and the summaries beside it, in the same transaction: the
daily totals (``SignatureDailyTotal``, what staff's charts read) and the province totals
(``SignatureProvinceTotal``, what the public count and the API read). The public count itself is read in
``selectors``; the set-based rebuild and the nightly check are in ``reconciliation``.
"""

import datetime
import logging
from collections import Counter

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from .. import selectors, tasks
from ..identity import PAPER_SOURCE
from ..models import Signature, SignatureDailyTotal, SignatureProvinceTotal, SignatureTally

logger = logging.getLogger(__name__)

AGGREGATE_DEBOUNCE_SECONDS = 2
AGGREGATE_BATCH_SIZE = 5000


def schedule_aggregation() -> None:
    """Run the aggregator soon, at most once per two seconds however many confirmations arrive."""
    if not cache.add("petitions:aggregate:debounce", 1, AGGREGATE_DEBOUNCE_SECONDS):
        return
    task = tasks.aggregate_signatures_task
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + datetime.timedelta(seconds=AGGREGATE_DEBOUNCE_SECONDS))
    _enqueue_safely(task)


def _aggregation_lock() -> None:
    """Serialise aggregators. SQLite already does: writes there take the database lock (BEGIN IMMEDIATE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('phakhi.petitions.aggregate'))")


def _tally_key(row: dict) -> tuple:
    day = timezone.localtime(row["confirmed_at"]).date() if row["confirmed_at"] else timezone.localdate()
    return (row["petition_id"], day, row["province"], row["source"], row["locale"])


def aggregate_signatures(*, batch_size: int = AGGREGATE_BATCH_SIZE, every_petition: bool = True) -> int:
    """Fold confirmed, uncounted signatures into the tallies (and take withdrawn ones out), in one transaction.

    The only code that writes ``SignatureTally``. Returns how many signatures it moved. ``every_petition=False``
    leaves every petition's daily totals alone, for a rebuild that sums them again at its end.
    """
    fields = ("pk", "petition_id", "confirmed_at", "province", "source", "locale")
    with transaction.atomic():
        _aggregation_lock()
        added = list(
            Signature.objects.uncounted().select_for_update(skip_locked=True).values(*fields)[:batch_size]
        )
        removed = list(
            Signature.objects.counted_but_withdrawn()
            .select_for_update(skip_locked=True)
            .values(*fields)[:batch_size]
        )
        if not added and not removed:
            return 0
        changes: Counter = Counter()
        for row in added:
            changes[_tally_key(row)] += 1
        for row in removed:
            changes[_tally_key(row)] -= 1
        _apply_tally_changes(changes, every_petition=every_petition)
        for rows, counted in ((added, True), (removed, False)):
            ids = [row["pk"] for row in rows]
            for start in range(0, len(ids), 500):
                Signature.objects.filter(pk__in=ids[start : start + 500]).update(counted=counted)
        petition_ids = {key[0] for key in changes}
    for petition_id in petition_ids:
        selectors.forget_public_totals(petition_id)
    return len(added) + len(removed)


DAILY_TOTAL_KEY = ("petition_id", "day", "dimension", "value")


def _apply_tally_changes(changes: Counter, *, every_petition: bool) -> None:
    """Add the changes to the tallies, to the daily totals per province, source and language (each petition's,
    and every petition's together: the rows without a petition) and to each petition's province totals."""
    totals: Counter = Counter()
    by_province: Counter = Counter()
    for (petition_id, day, province, source, locale), delta in changes.items():
        by_province[(petition_id, province)] += delta
        for dimension, value in (("province", province), ("source", source), ("locale", locale)):
            totals[(petition_id, day, dimension, value)] += delta
            if every_petition:
                totals[(None, day, dimension, value)] += delta
    _add_counts(SignatureTally, ("petition_id", "day", "province", "source", "locale"), changes)
    _add_counts(SignatureDailyTotal, DAILY_TOTAL_KEY, totals)
    _add_counts(SignatureProvinceTotal, ("petition_id", "province"), by_province)


def _add_counts(model, key_fields: tuple, changes: Counter) -> None:
    """Add each change to the ``count`` of ``model``'s row with that key, making the rows not there yet. Keys
    start with the petition id, then the day if the model has one."""
    petition_ids = {key[0] for key in changes}
    within = {"day__in": {key[1] for key in changes}} if key_fields[1] == "day" else {}
    rows = list(model.objects.filter(petition_id__in=petition_ids - {None}, **within))
    if None in petition_ids:  # a query of its own: with an OR of the two, SQLite reads the whole table
        rows += model.objects.filter(petition__isnull=True, **within)
    existing = {tuple(getattr(row, name) for name in key_fields): row for row in rows}
    to_update, to_create = [], []
    for key, delta in changes.items():
        if not delta:
            continue
        if key in existing:
            existing[key].count += delta
            to_update.append(existing[key])
        else:
            to_create.append(model(**dict(zip(key_fields, key, strict=True)), count=delta))
    model.objects.bulk_update(to_update, ["count"], batch_size=500)
    model.objects.bulk_create(to_create, batch_size=500)


def paper_tally_changes(batches) -> Counter:
    """What confirmed paper batches add to the tallies: each as ``count`` signatures with the paper source, on
    the event's day, in its province and the petition's language (``batches`` select their petition's locale)."""
    changes: Counter = Counter()
    for batch in batches:
        key = (
            batch.petition_id,
            batch.event_date,
            batch.province,
            PAPER_SOURCE,
            batch.petition.locale.language_code,
        )
        changes[key] += batch.count
    return changes


def pending_aggregation() -> bool:
    return Signature.objects.uncounted().exists() or Signature.objects.counted_but_withdrawn().exists()


def _enqueue_safely(task, **kwargs) -> None:
    try:
        task.enqueue(**kwargs)
    except Exception:  # the signature is stored; a lost e-mail can be re-sent, a 500 cannot be undone
        logger.exception("Could not enqueue %s", task.name)
