"""What people and partners did besides signing: RSVPs per event, co-signing organisations, the inbox's forms."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaigns.models import EventRSVP
from partners.models import PartnerPage
from petitions.models import CoSignatureStatus, OrganisationCoSignature

from ..charts import Bar, Chart, Series, bar_chart, display_day, number, time_series
from ..models import InboxItem
from .filters import Scope
from .periods import bucketed, buckets


class LocalDay(TruncDate):
    """The day in the site's time zone. On SQLite, Django computes it with a Python function called per row (70 ms
    for a year of the inbox at full size); there, SQLite's own ``date()`` with the zone's offset does it, which
    is right for a zone without daylight saving, as Bangkok has been since 1920."""

    def as_sqlite(self, compiler, connection, **extra_context):
        offset = timezone.get_current_timezone().utcoffset(datetime.datetime(2000, 1, 1))
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, %s)", (*params, f"{int(offset.total_seconds())} seconds")


MAX_FORM_LINES = 3  # the busiest forms each get a line; the rest share one


def rsvps_per_event(scope: Scope) -> Chart:
    """People who said they will come, per event dated in or after the period, against the places it has: with a
    partner chosen, only those who replied from a campaign page opened through the partner's links."""
    rows = EventRSVP.objects.filter(event_date__gte=scope.since)
    if scope.campaign_filtered:
        rows = rows.filter(campaign__translation_key__in=[c.translation_key for c in scope.campaigns])
    if scope.sources is not None:
        rows = rows.filter(source__in=scope.sources)
    grouped = list(
        rows.values(
            "event_block_id",
            "event_title",
            "event_date",
            "campaign__translation_key",
            title_language=F("campaign__locale__language_code"),  # the page replied on: the title's language
        )
        .annotate(people=Sum("people"), replies=Count("pk"))
        .order_by()
    )
    reader = translation.get_language() or settings.LANGUAGE_CODE
    preference = {settings.LANGUAGE_CODE: 1, reader: 0}
    events: dict = {}
    for row in grouped:  # an event's RSVPs in every language are one event, named in the reader's language
        key = (str(row["campaign__translation_key"]), row["event_block_id"])
        people, replies, named = events.get(key, (0, 0, row))
        rank = (preference.get(row["title_language"], 2), row["title_language"], row["event_title"])
        if rank < (preference.get(named["title_language"], 2), named["title_language"], named["event_title"]):
            named = row
        events[key] = (people + row["people"], replies + row["replies"], named)
    capacities = {
        (campaign.translation_key, block_id): capacity
        for campaign in scope.choices.campaigns.values()
        for block_id, capacity in campaign.capacities.items()
    }
    bars = [
        Bar(
            f"{named['event_title']} ({display_day(named['event_date'])})",
            people,
            limit=capacities.get(key),
            note=_("%(count)d replies") % {"count": replies},
        )
        for key, (people, replies, named) in sorted(events.items(), key=lambda item: item[1][2]["event_date"])
    ]
    full = sum(1 for bar in bars if bar.limit and bar.value >= bar.limit)
    summary = (
        _(
            "%(people)s people said they will come to %(events)d events dated from %(since)s; %(full)d are full."
        )
        % {
            "people": number(sum(b.value for b in bars)),
            "events": len(bars),
            "since": display_day(scope.since),
            "full": full,
        }
        if bars
        else _("No RSVPs to events dated from %(since)s.") % {"since": display_day(scope.since)}
    )
    return bar_chart(
        key="rsvps",
        title=_("RSVPs per event"),
        summary=summary,
        bars=bars,
        label=_("Event"),
        value_label=_("People"),
        limit_label=_("Places"),
    )


def co_signatures(scope: Scope) -> Chart:
    rows = OrganisationCoSignature.objects.filter(created_at__date__range=(scope.since, scope.until)).exclude(
        status=CoSignatureStatus.REJECTED
    )
    if scope.petition_ids is not None:
        rows = rows.filter(petition_id__in=scope.petition_ids)
    if scope.partner is not None:
        rows = rows.filter(
            partner__translation_key__in=PartnerPage.objects.filter(pk=scope.partner.value).values(
                "translation_key"
            )
        )
    grouped = list(rows.values("partner__title", "status").annotate(n=Count("pk")).order_by("partner__title"))
    per_partner: dict = defaultdict(lambda: [0, 0])
    for row in grouped:
        per_partner[row["partner__title"]][row["status"] == CoSignatureStatus.PENDING] += row["n"]
    bars = [
        Bar(title, approved, note=_("%(count)d awaiting approval") % {"count": waiting} if waiting else "")
        for title, (approved, waiting) in per_partner.items()
    ]
    waiting = sum(w for _a, w in per_partner.values())
    summary = (
        _(
            "%(orgs)d organisations co-signed; %(approved)d co-signatures approved, %(waiting)d awaiting approval."
        )
        % {"orgs": len(bars), "approved": sum(b.value for b in bars), "waiting": waiting}
        if bars
        else _("No organisation co-signed in this period.")
    )
    return bar_chart(
        key="cosignatures",
        title=_("Co-signing organisations"),
        summary=summary,
        bars=bars,
        label=_("Organisation"),
        value_label=_("Petitions co-signed"),
    )


def submissions_per_form(scope: Scope, user) -> Chart:
    """The inbox's items per form and week (Bangkok weeks from Monday): the busiest forms each a line."""
    start = timezone.make_aware(datetime.datetime.combine(scope.since, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(scope.until + datetime.timedelta(days=1), datetime.time.min)
    )
    rows = InboxItem.objects.visible_to(user).filter(received__gte=start, received__lt=end)
    if scope.partner is not None:
        rows = rows.filter(
            partner__translation_key__in=PartnerPage.objects.filter(pk=scope.partner.value).values(
                "translation_key"
            )
        )
    grouped = list(
        rows.annotate(day=LocalDay("received", tzinfo=timezone.get_current_timezone()))
        .values("form_id", "form__label", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    days, _weekly = buckets(scope.since, scope.until, weekly=True)
    per_form: dict = defaultdict(lambda: defaultdict(int))
    labels = {}
    for row in grouped:  # each form's days, added up by their weeks (from Monday)
        week = row["day"] - datetime.timedelta(days=row["day"].weekday())
        per_form[row["form_id"]][week] += row["n"]
        labels[row["form_id"]] = row["form__label"]
    totals = {form: sum(weeks.values()) for form, weeks in per_form.items()}
    busiest = sorted(totals, key=lambda form: (-totals[form], labels[form]))
    series = [Series(labels[form], bucketed(per_form[form], days, True)) for form in busiest[:MAX_FORM_LINES]]
    if len(busiest) > MAX_FORM_LINES:
        others: dict = defaultdict(int)
        for form in busiest[MAX_FORM_LINES:]:
            for week, n in per_form[form].items():
                others[week] += n
        series.append(Series(_("Every other form"), bucketed(others, days, True)))
    total = sum(totals.values())
    summary = (
        _("%(total)s submissions through %(forms)d forms; the busiest form was %(first)s, with %(n)s.")
        % {
            "total": number(total),
            "forms": len(totals),
            "first": labels[busiest[0]],
            "n": number(totals[busiest[0]]),
        }
        if total
        else _("No submissions reached the inbox in this period.")
    )
    return time_series(
        key="submissions",
        title=_("Submissions per form per week"),
        summary=summary,
        days=days if series else [],
        series=series,
        period_label=_("Week beginning"),
    )
