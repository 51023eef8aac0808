"""What the dashboard tests share: signatures stored as the aggregator leaves them (``SignatureTally`` rows and
their daily totals, bulk-created, not by signing), status counts as the summary job leaves them, and a reader's
admin language.
"""

import datetime
import itertools

from django.db.models import Sum
from django.utils import timezone
from wagtail.users.models import UserProfile

from petitions.models import SignatureDailyTotal, SignatureStatusCount, SignatureTally
from petitions.services import sum_every_petition_totals, sum_province_totals
from site_project import provinces

URL = "/admin/advocacy/"
TODAY = timezone.localdate()


def count_in(rows) -> None:
    """Store tallies as the aggregator leaves them: the rows, their petitions' daily totals per province, source
    and language summed again from all their tallies, and the province totals."""
    rows = list(rows)
    SignatureTally.objects.bulk_create(rows, batch_size=1000)
    petition_ids = {row.petition_id for row in rows}
    SignatureDailyTotal.objects.filter(petition_id__in=petition_ids).delete()
    for dimension in ("province", "source", "locale"):
        sums = (
            SignatureTally.objects.filter(petition_id__in=petition_ids)
            .values("petition_id", "day", dimension)
            .annotate(n=Sum("count"))
            .order_by()
        )
        SignatureDailyTotal.objects.bulk_create(
            SignatureDailyTotal(
                petition_id=row["petition_id"],
                day=row["day"],
                dimension=dimension,
                value=row[dimension],
                count=row["n"],
            )
            for row in sums
        )
    sum_every_petition_totals()
    sum_province_totals()


def count_statuses(rows) -> None:
    """Store status counts as the summary job leaves them: each petition's rows, and every petition's together."""
    SignatureStatusCount.objects.bulk_create(list(rows))
    sums = list(
        SignatureStatusCount.objects.filter(petition__isnull=False)
        .values("day", "status")
        .annotate(n=Sum("count"))
        .order_by()
    )
    SignatureStatusCount.objects.filter(petition__isnull=True).delete()
    SignatureStatusCount.objects.bulk_create(
        SignatureStatusCount(day=row["day"], status=row["status"], count=row["n"]) for row in sums
    )


def tallies(petition, *, signatures: int, province="chiang-rai", source="", locale="th", days: int = 30):
    """``signatures`` counted signatures of ``petition`` spread over ``days`` days up to today, 10 to a row."""
    keys = itertools.cycle(range(days))
    rows, left = {}, signatures
    while left:
        day = TODAY - datetime.timedelta(days=next(keys))
        count = min(10, left)
        rows[day] = rows.get(day, 0) + count
        left -= count
    count_in(
        SignatureTally(petition=petition, day=day, province=province, source=source, locale=locale, count=n)
        for day, n in rows.items()
    )


def many_tally_rows(petition, *, signatures: int, skip: int = 0):
    """One signature a row, on as many distinct (day, province, source, language) keys as it takes, in the
    last 30 days; ``skip`` leaves out the keys an earlier call used."""
    codes = [province.code for province in provinces.PROVINCES]
    keys = itertools.product(range(30), codes, ["", "friends", "line", "facebook"], ["th", "en", "my", "km"])
    keys = itertools.islice(keys, skip, None)
    count_in(
        SignatureTally(
            petition=petition,
            day=TODAY - datetime.timedelta(days=day),
            province=province,
            source=source,
            locale=locale,
            count=1,
        )
        for (day, province, source, locale), _n in zip(keys, range(signatures), strict=False)
    )


def reading(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
