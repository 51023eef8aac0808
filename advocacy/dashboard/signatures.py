"""The signature panels: over time, by province, source and language, and the confirmation and quarantine rates."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

from petitions.identity import PAPER_SOURCE
from petitions.models import SignatureStatus, SignatureStatusCount
from site_project import provinces

from ..charts import Bar, Chart, Marker, Series, bar_chart, display_day, number, province_map, time_series
from .filters import Scope
from .periods import bucketed, buckets

TOP_SOURCES = 15


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


def _grouped(scope: Scope, key: str) -> dict:
    return {row["k"]: row["n"] for row in scope.counted_by(key)}


def _share(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def signatures_over_time(scope: Scope, statuses: dict) -> Chart:
    days, weekly = buckets(scope.since, scope.until)
    confirmed = bucketed(_grouped(scope, "day"), days, weekly)
    waiting = bucketed(statuses.get(SignatureStatus.PENDING, {}), days, weekly)
    markers = [
        Marker(c.key_date, c.title)
        for c in scope.campaigns
        if c.key_date and scope.since <= c.key_date <= scope.until
    ]
    total = sum(confirmed)
    period = {"since": display_day(scope.since), "until": display_day(scope.until)}
    if total:
        peak = max(range(len(days)), key=lambda index: confirmed[index])
        values = {
            **period,
            "total": number(total),
            "peak": display_day(days[peak]),
            "n": number(confirmed[peak]),
        }
        if weekly:
            summary = (
                _(
                    "%(total)s signatures confirmed from %(since)s to %(until)s; the busiest week began on %(peak)s, "
                    "with %(n)s."
                )
                % values
            )
        else:
            summary = (
                _(
                    "%(total)s signatures confirmed from %(since)s to %(until)s; the busiest day was %(peak)s, with %(n)s."
                )
                % values
            )
    else:
        summary = _("No signatures confirmed from %(since)s to %(until)s.") % period
    return time_series(
        key="over-time",
        title=_("Signatures over time"),
        summary=summary,
        days=days,
        series=[
            Series(_("Confirmed (on the day confirmed)"), confirmed),
            Series(_("Waiting for e-mail (on the day signed)"), waiting),
        ],
        markers=markers,
        period_label=_("Week beginning") if weekly else _("Day"),
    )


def by_province(scope: Scope) -> Chart:
    counts = _grouped(scope, "province")
    total = sum(counts.values())
    if total:
        first = max(counts, key=lambda code: (counts[code], code))
        summary = _(
            "Signatures came from %(count)d provinces; the most from %(first)s (%(n)s, %(share).0f%%)."
        ) % {
            "count": len(
                [
                    code
                    for code in counts
                    if code in provinces.BY_CODE and code != provinces.OUTSIDE_THAILAND.code
                ]
            ),
            "first": provinces.name(first),
            "n": number(counts[first]),
            "share": _share(counts[first], total),
        }
    else:
        summary = _("No confirmed signatures in this period.")
    return province_map(
        key="provinces",
        title=_("Signatures by province"),
        summary=summary,
        counts=counts,
        value_label=_("Signatures"),
    )


def by_source(scope: Scope, total: int) -> Chart:
    rows = list(scope.counted_by("source").order_by("-n", "k")[:TOP_SOURCES])
    partners = scope.choices.source_partners
    bars = []
    for row in rows:
        source = row["k"]
        if source in partners:
            label, note = partners[source], _("partner's link (%(source)s)") % {"source": source}
        elif source == PAPER_SOURCE:
            label, note = _("On paper (confirmed batches)"), ""
        else:
            label, note = source or _("Direct, no source"), ""
        bars.append(Bar(label, row["n"], note=note))
    rest = total - sum(row["n"] for row in rows)
    if rest > 0:
        bars.append(Bar(_("Other sources"), rest))
    through_partners = sum(bar.value for bar in bars if bar.note)
    summary = (
        _(
            "%(share).0f%% of confirmed signatures came through a partner's link; the largest source was %(first)s."
        )
        % {"share": _share(through_partners, total), "first": max(bars, key=lambda bar: bar.value).label}
        if total
        else _("No confirmed signatures in this period.")
    )
    return bar_chart(
        key="sources",
        title=_("Signatures by source and partner"),
        summary=summary,
        bars=bars,
        label=_("Source"),
        value_label=_("Signatures"),
    )


def by_language(scope: Scope) -> tuple[Chart, int]:
    counts = _grouped(scope, "locale")
    names = {code: str(name) for code, name in settings.LANGUAGES}
    bars = [Bar(names.get(code, code), n) for code, n in counts.items()]
    total = sum(counts.values())
    summary = (
        _("%(first)s was the language of %(share).0f%% of confirmed signatures.")
        % {"first": max(bars, key=lambda bar: bar.value).label, "share": _share(max(counts.values()), total)}
        if total
        else _("No confirmed signatures in this period.")
    )
    chart = bar_chart(
        key="languages",
        title=_("Signatures by language"),
        summary=summary,
        bars=bars,
        label=_("Language"),
        value_label=_("Signatures"),
    )
    return chart, total


def status_counts(scope: Scope) -> dict:
    """Signatures received per status and day, from the summary (``petitions.SignatureStatusCount``)."""
    rows = SignatureStatusCount.objects.of_petitions(scope.petition_ids).filter(
        day__range=(scope.since, scope.until)
    )
    found: dict = defaultdict(dict)
    for row in rows.values("status", "day").annotate(n=Sum("count")).order_by():
        found[row["status"]][row["day"]] = row["n"]
    return found


def confirmation_rates(scope: Scope, statuses: dict) -> tuple[Chart, list[Figure]]:
    totals = {status: sum(statuses.get(status, {}).values()) for status in SignatureStatus.values}
    received = sum(totals.values())
    passed = totals[SignatureStatus.CONFIRMED] + totals[SignatureStatus.PENDING]
    confirmed = _share(totals[SignatureStatus.CONFIRMED], passed)
    quarantined = _share(totals[SignatureStatus.QUARANTINED], received)
    bars = [
        Bar(str(label), totals[status], note=f"{_share(totals[status], received):.1f}%")
        for status, label in SignatureStatus.choices
    ]
    summary = (
        _(
            "%(confirmed).0f%% of the signatures that passed the checks were confirmed by e-mail; "
            "%(quarantined).1f%% of all received are held in quarantine."
        )
        % {"confirmed": confirmed, "quarantined": quarantined}
        if received
        else _("No signatures received in this period.")
    )
    chart = bar_chart(
        key="rates",
        title=_("Confirmation and quarantine"),
        summary=summary,
        bars=[bar for bar in bars if bar.value] if received else [],
        label=_("Status"),
        value_label=_("Signatures received"),
    )
    figures = [
        Figure(_("Received"), number(received)),
        Figure(_("Confirmed by e-mail"), f"{confirmed:.0f}%"),
        Figure(_("In quarantine"), f"{quarantined:.1f}%"),
    ]
    return chart, figures
