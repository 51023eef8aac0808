"""The tally rebuild and the nightly check: every count recomputed from the signature rows, set-based.

The rebuild is a handful of statements whatever the number of signatures: the tallies are one
``INSERT … SELECT … GROUP BY`` over the counted rows and the confirmed paper batches, and the daily totals and
the province totals are summed from them the same way, all in one transaction under the aggregator's lock.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from wagtail.models import Locale, Page

from .. import selectors
from ..identity import PAPER_SOURCE
from ..models import (
    PaperBatch,
    PaperBatchState,
    Signature,
    SignatureDailyTotal,
    SignatureProvinceTotal,
    SignatureStatus,
    SignatureTally,
)
from .counting import _aggregation_lock


@dataclass(frozen=True)
class Drift:
    petition_id: int
    confirmed_rows: int
    public_count: int
    tallied: int
    counted_rows: int
    paper: int = 0  # signatures in confirmed paper batches: counted without rows of their own

    @property
    def drift(self) -> int:
        return self.public_count - self.confirmed_rows - self.paper

    @property
    def tally_drift(self) -> int:
        return self.tallied - self.counted_rows - self.paper


def reconcile_signature_counts(*, fix: bool = False) -> list[Drift]:
    """Recompute every petition's count from the signature rows and compare it with the public count (read from
    the province totals, as readers see it) and with the tallies; ``fix`` rebuilds everything first.

    The derived rows are summed again every time, after the report: every petition's daily totals (a deleted
    petition's signatures leave them) and each petition's province totals (from its tallies), so a province
    total that drifted is reported once and then right.
    """
    if fix:
        rebuild_tallies()
    rows = {
        row["petition_id"]: row
        for row in Signature.objects.values("petition_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)),
            counted=Count("pk", filter=Q(counted=True)),
        )
        .order_by()
    }
    tallied = _sums_by_petition(SignatureTally.objects.all())
    paper = _sums_by_petition(PaperBatch.objects.confirmed())
    petition_ids = sorted(set(rows) | set(tallied) | set(paper))
    public = selectors.read_public_totals(petition_ids)
    report = [
        Drift(
            petition_id=petition_id,
            confirmed_rows=rows.get(petition_id, {}).get("confirmed", 0),
            public_count=public[petition_id].count,
            tallied=tallied.get(petition_id, 0),
            counted_rows=rows.get(petition_id, {}).get("counted", 0),
            paper=paper.get(petition_id, 0),
        )
        for petition_id in petition_ids
    ]
    sum_every_petition_totals()
    sum_province_totals()
    for petition_id in petition_ids:
        selectors.forget_public_totals(petition_id)
    return report


def _sums_by_petition(rows) -> dict[int, int]:
    sums = rows.values("petition_id").annotate(total=Sum("count")).order_by()
    return {row["petition_id"]: row["total"] or 0 for row in sums}


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def rebuild_tallies() -> None:
    """Build the tallies, the daily totals and the province totals again from the signature rows and the
    confirmed paper batches: a few set-based statements in one transaction, under the aggregator's lock.

    Every confirmed row is marked counted (and every other row not) and the tallies are summed from the rows
    marked counted, so that a signature confirmed while this runs (after the marking) is left to the aggregator.
    """
    with transaction.atomic():
        _aggregation_lock()
        Signature.objects.uncounted().update(counted=True)
        Signature.objects.counted_but_withdrawn().update(counted=False)
        with connection.cursor() as cursor:
            for model in (SignatureTally, SignatureDailyTotal, SignatureProvinceTotal):
                cursor.execute(f"DELETE FROM {_table(model)}")  # noqa: S608  (table names come from the models)
            cursor.execute(*_tallies_sql())
            cursor.execute(_daily_totals_sql())
        _sum_every_petition_totals()
        _sum_province_totals()


def _tallies_sql() -> tuple[str, list]:
    """The tallies from the counted rows (on the day they were confirmed) and the confirmed paper batches (as
    ``count`` signatures with the paper source on the event's day, in the petition's language)."""
    day = selectors.local_date_sql("COALESCE(confirmed_at, %s)")
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = f"""
        INSERT INTO {_table(SignatureTally)} (petition_id, day, province, source, locale, "count")
        SELECT petition_id, day, province, source, locale, SUM(n) FROM (
            SELECT petition_id, {day} AS day, province, source, locale, 1 AS n
                FROM {_table(Signature)} WHERE counted
            UNION ALL
            SELECT batch.petition_id, batch.event_date, batch.province, %s, locale.language_code, batch."count"
                FROM {_table(PaperBatch)} AS batch
                JOIN {_table(Page)} AS page ON page.id = batch.petition_id
                JOIN {_table(Locale)} AS locale ON locale.id = page.locale_id
                WHERE batch.state = %s
        ) AS counted_rows GROUP BY petition_id, day, province, source, locale
    """  # noqa: S608  (table names come from the models, values are parameters)
    return sql, [now, PAPER_SOURCE, PaperBatchState.CONFIRMED.value]


def _daily_totals_sql() -> str:
    """Each petition's daily totals per province, source and language, summed from its tallies."""
    tally = _table(SignatureTally)
    parts = " UNION ALL ".join(
        f"""SELECT petition_id, day, '{dimension}', {dimension}, SUM("count") FROM {tally}
            GROUP BY petition_id, day, {dimension}"""  # noqa: S608  (a fixed list of columns)
        for dimension in ("province", "source", "locale")
    )
    return f"""
        INSERT INTO {_table(SignatureDailyTotal)} (petition_id, day, dimension, value, "count") {parts}
    """  # noqa: S608  (table names come from the models)


def sum_every_petition_totals() -> None:
    """Sum every petition's daily totals again from each petition's (a deleted petition's leave them here)."""
    with transaction.atomic():
        _aggregation_lock()
        _sum_every_petition_totals()


def _sum_every_petition_totals() -> None:
    daily = _table(SignatureDailyTotal)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {daily} WHERE petition_id IS NULL")  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {daily} (petition_id, day, dimension, value, "count")
            SELECT NULL, day, dimension, value, SUM("count") FROM {daily} WHERE petition_id IS NOT NULL
            GROUP BY day, dimension, value HAVING SUM("count") <> 0
            """  # noqa: S608  (table names come from the models)
        )


def sum_province_totals() -> None:
    """Sum each petition's province totals again from its tallies."""
    with transaction.atomic():
        _aggregation_lock()
        _sum_province_totals()


def _sum_province_totals() -> None:
    rollup = _table(SignatureProvinceTotal)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {rollup}")  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {rollup} (petition_id, province, "count")
            SELECT petition_id, province, SUM("count") FROM {_table(SignatureTally)}
            GROUP BY petition_id, province HAVING SUM("count") <> 0
            """  # noqa: S608  (table names come from the models)
        )
