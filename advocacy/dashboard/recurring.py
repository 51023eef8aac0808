"""A recurring theme's campaign this year against last year's, aligned on each year's key date."""

import datetime
from collections import defaultdict

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.models import SignatureTally

from ..charts import Chart, Series, display_day, number, year_over_year
from .choices import Campaign
from .filters import Scope

YEAR_WINDOW = 30  # days either side of the key date in the year-over-year chart


def _theme_years(scope: Scope) -> tuple[Campaign, Campaign] | None:
    """This year's and last year's campaign of the chosen theme, or of the latest campaign with a key date."""
    dated = [c for c in scope.choices.campaigns.values() if c.key_date and c.theme_key]
    theme_key = scope.theme_key
    if theme_key is None and dated:
        theme_key = max(dated, key=lambda c: c.key_date).theme_key
    years = sorted((c for c in dated if c.theme_key == theme_key), key=lambda c: c.key_date, reverse=True)
    if len(years) < 2:
        return None
    latest = years[0]
    previous = next((c for c in years[1:] if c.year == latest.year - 1), None)
    return (latest, previous) if previous else None


def year_on_year(scope: Scope) -> Chart:
    pair = _theme_years(scope)
    title = _("This year against last year")
    if pair is None:
        return year_over_year(
            key="year-over-year",
            title=title,
            summary=_("No recurring theme has a campaign with a key date both this year and last year."),
            offsets=[],
            series=[],
            key_date_label="",
        )
    window = datetime.timedelta(days=YEAR_WINDOW)
    condition = Q()
    for campaign in pair:
        condition |= Q(
            petition_id__in=campaign.petition_ids,
            day__range=(campaign.key_date - window, campaign.key_date + window),
        )
    rows = SignatureTally.objects.filter(condition)
    if scope.sources is not None:
        rows = rows.filter(source__in=scope.sources)
    found = list(rows.values("petition_id", "day").annotate(n=Sum("count")).order_by())
    offsets = list(range(-YEAR_WINDOW, YEAR_WINDOW + 1))
    series, totals_now = [], []
    today = timezone.localdate()
    reached = min(YEAR_WINDOW, (today - pair[0].key_date).days)
    for campaign in pair:
        per_day = defaultdict(int)
        for row in found:
            offset = (row["day"] - campaign.key_date).days
            if row["petition_id"] in campaign.petition_ids and -YEAR_WINDOW <= offset <= YEAR_WINDOW:
                per_day[offset] += row["n"]
        running, values = 0, []
        for offset in offsets:
            running += per_day[offset]
            values.append(running)
        totals_now.append(values[offsets.index(max(reached, -YEAR_WINDOW))])
        if campaign is pair[0]:  # this year's line stops at today: the days still to come have no figure yet
            values = [
                value if offset <= reached else None for offset, value in zip(offsets, values, strict=True)
            ]
        series.append(Series(f"{campaign.title} ({display_day(campaign.key_date)})", values))
    summary = _(
        "By day %(day)+d from the key date, %(this)s signatures this year against %(last)s last year."
    ) % {"day": max(reached, -YEAR_WINDOW), "this": number(totals_now[0]), "last": number(totals_now[1])}
    return year_over_year(
        key="year-over-year",
        title=title,
        summary=summary,
        offsets=offsets,
        series=series,
        key_date_label=_("Key date"),
    )
