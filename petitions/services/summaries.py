"""Summaries for staff: signatures received per petition, day and status, so that no staff screen counts rows.

The public count is the tallies (``counting``); the share of signatures still waiting for their e-mail or held
in quarantine is this summary. It is a snapshot: statuses move (a confirmation, a release from quarantine, an
invalidation), so the recent days are rebuilt every minute and every day once a night.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from ..models import Signature, SignatureStatusCount

RECENT_DAYS = 14


def summarise_signature_statuses(*, days: int | None = RECENT_DAYS) -> int:
    """Rebuild the status counts of the last ``days`` days (every day with ``days=None``), each petition's and every
    petition's together; returns the rows made.

    One grouped read of the signatures and one replacement of the summary rows, in one transaction.
    """
    rows = Signature.objects.all()
    stale = SignatureStatusCount.objects.all()
    if days is not None:
        since = timezone.localdate() - datetime.timedelta(days=days)
        start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
        rows = rows.filter(created_at__gte=start)
        stale = stale.filter(day__gte=since)
    grouped = (
        rows.annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("petition_id", "day", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    with transaction.atomic():
        summary = [
            SignatureStatusCount(
                petition_id=row["petition_id"], day=row["day"], status=row["status"], count=row["n"]
            )
            for row in grouped
        ]
        every_petition: Counter = Counter()
        for row in summary:
            every_petition[(row.day, row.status)] += row.count
        summary += [
            SignatureStatusCount(petition=None, day=day, status=status, count=n)
            for (day, status), n in every_petition.items()
        ]
        stale.delete()
        SignatureStatusCount.objects.bulk_create(summary, batch_size=500)
    return len(summary)
