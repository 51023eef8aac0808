"""The secretariat's dashboard: what the public and the partners sent back, read from tallies and summaries.

``load_choices()`` reads what the filters offer (petitions, campaigns, themes, partners: four queries);
``DashboardFilters`` parses the filters from the URL; ``build_dashboard(scope)`` gathers every panel in a fixed
number of queries, whatever the number of signatures: it reads ``SignatureDailyTotal`` (counted signatures per
petition and day by province, by source and by language) and, for a partner's referrals or a year's window,
``SignatureTally`` (all three crossed), ``SignatureStatusCount`` (received per day and status),
the RSVPs and co-signatures grouped in the database, and the inbox's items grouped by form and week. It never
reads a signature row.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from django import forms
from django.conf import settings
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncWeek
from django.forms.utils import flatatt
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import CampaignPage, CampaignTheme, EventRSVP
from partners.models import PartnerPage
from petitions.identity import clean_source
from petitions.models import (
    CoSignatureStatus,
    OrganisationCoSignature,
    PetitionPage,
    SignatureDailyTotal,
    SignatureStatus,
    SignatureStatusCount,
    SignatureTally,
    TallyDimension,
)
from site_project import provinces

from .charts import (
    Bar,
    Chart,
    Marker,
    Series,
    bar_chart,
    display_day,
    number,
    province_map,
    time_series,
    year_over_year,
)
from .models import InboxItem

DEFAULT_DAYS = 90
FIRST_YEAR, LAST_YEAR = 2000, 2100  # as campaign years; beyond them date sums would overflow
MAX_DAYS = 3 * 366
DAILY_UP_TO = 92  # a longer period is drawn per week
TOP_SOURCES = 15
MAX_FORM_LINES = 3  # the busiest forms each get a line; the rest share one
YEAR_WINDOW = 30  # days either side of the key date in the year-over-year chart


# --- What the filters offer --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Campaign:
    pk: int
    title: str
    translation_key: str
    theme_key: str | None
    year: int
    key_date: datetime.date | None
    petition_ids: frozenset  # the petitions it embeds, by the id their signatures are counted under
    capacities: dict  # an event block's id -> how many people its place holds, where the editor said


@dataclass(frozen=True)
class Choices:
    petitions: list[Option]
    campaigns: dict[str, Campaign]  # by the value the filter sends
    themes: dict[str, Option]  # by slug
    partners: dict[str, Option]
    partner_sources: dict[
        str, frozenset
    ]  # partner value -> its referral sources (its slugs in every language)
    source_partners: dict[str, str]  # a referral source -> the partner's name


def _by_translation(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Each translation group once: (the row counted under, the row named in the reader's language).

    Counted under the default language's translation, else the oldest, as ``petitions.selectors`` does. One pass
    over the rows in the order they were made (5,000 partners at full size).
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    oldest, in_default, in_language = {}, {}, {}
    for row in sorted(rows, key=lambda row: row["pk"]):
        key, code = row["translation_key"], row["locale__language_code"]
        oldest.setdefault(key, row)
        if code == settings.LANGUAGE_CODE:
            in_default.setdefault(key, row)
        if code == language:
            in_language.setdefault(key, row)
    found = []
    for key, row in oldest.items():
        canonical = in_default.get(key, row)
        found.append((canonical, in_language.get(key, canonical)))
    return found


def load_choices() -> Choices:
    """What the filters offer, named in the reader's language. Four queries."""
    petition_rows = list(
        PetitionPage.objects.values("pk", "title", "translation_key", "locale__language_code")
    )
    canonical_id = {}
    petitions = []
    for canonical, shown in _by_translation(petition_rows):
        petitions.append(Option(str(canonical["pk"]), shown["title"]))
    by_key = {
        canonical["translation_key"]: canonical["pk"] for canonical, _shown in _by_translation(petition_rows)
    }
    for row in petition_rows:
        canonical_id[row["pk"]] = by_key[row["translation_key"]]

    campaign_rows = list(
        CampaignPage.objects.values(
            "pk",
            "title",
            "translation_key",
            "locale__language_code",
            "theme__translation_key",
            "year",
            "key_date",
            "body",
        )
    )
    campaigns = {}
    for canonical, shown in _by_translation(campaign_rows):
        embedded = frozenset(
            canonical_id[block["value"]["petition"]]
            for block in canonical["body"].raw_data
            if block["type"] == "petition" and block["value"].get("petition") in canonical_id
        )
        campaigns[str(canonical["pk"])] = Campaign(
            pk=canonical["pk"],
            title=shown["title"],
            translation_key=str(canonical["translation_key"]),
            theme_key=str(canonical["theme__translation_key"])
            if canonical["theme__translation_key"]
            else None,
            year=canonical["year"],
            key_date=canonical["key_date"],
            petition_ids=embedded,
            capacities={
                block["id"]: block["value"]["capacity"]
                for block in canonical["body"].raw_data
                if block["type"] == "event" and block["value"].get("capacity")
            },
        )

    theme_rows = list(
        CampaignTheme.objects.values("pk", "slug", "name", "translation_key", "locale__language_code")
    )
    themes = {
        canonical["slug"]: Option(str(canonical["translation_key"]), shown["name"])
        for canonical, shown in _by_translation(theme_rows)
    }

    partner_rows = list(
        PartnerPage.objects.values("pk", "title", "slug", "translation_key", "locale__language_code")
    )
    slugs: dict = defaultdict(set)
    for row in partner_rows:
        slugs[row["translation_key"]].add(clean_source(row["slug"]))
    partners, partner_sources, source_partners = {}, {}, {}
    for canonical, shown in _by_translation(partner_rows):
        value = str(canonical["pk"])
        partners[value] = Option(value, shown["title"])
        partner_sources[value] = frozenset(slugs[canonical["translation_key"]])
        for source in slugs[canonical["translation_key"]]:
            source_partners[source] = shown["title"]
    return Choices(
        petitions=sorted(petitions, key=lambda option: option.label),
        campaigns=campaigns,
        themes=themes,
        partners=dict(sorted(partners.items(), key=lambda item: item[1].label)),
        partner_sources=partner_sources,
        source_partners=source_partners,
    )


# --- The filters -------------------------------------------------------------------------------------------------
class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select written in one string, as Django's template for each option would write it.

    The filters offer every petition, campaign and partner: at full size (5,000 partners) an option template per
    choice took most of the page's time, and even ``format_html`` per option a tenth of it; this takes a few
    milliseconds. Every value and label is escaped here, as Django escapes them.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(option))}"{" selected" if str(option) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for option, label in self.choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')  # escaped above


class DashboardFilters(forms.Form):
    """The filters in the URL: ``?since=2025-11-01&until=2025-12-10&petition=12&theme=25-november&partner=7``."""

    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    until = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    petition = forms.ChoiceField(label=gettext_lazy("Petition"), required=False, widget=QuickSelect)
    campaign = forms.ChoiceField(label=gettext_lazy("Campaign"), required=False, widget=QuickSelect)
    theme = forms.ChoiceField(label=gettext_lazy("Recurring theme"), required=False, widget=QuickSelect)
    partner = forms.ChoiceField(label=gettext_lazy("Partner"), required=False, widget=QuickSelect)

    def __init__(self, *args, choices: Choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["petition"].choices = [("", _("All petitions"))] + [
            (o.value, o.label) for o in choices.petitions
        ]
        self.fields["campaign"].choices = [("", _("All campaigns"))] + [
            (value, f"{campaign.title} ({campaign.year})") for value, campaign in choices.campaigns.items()
        ]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (slug, o.label) for slug, o in choices.themes.items()
        ]
        self.fields["partner"].choices = [("", _("All partners"))] + [
            (v, o.label) for v, o in choices.partners.items()
        ]

    def _clean_year(self, name: str):
        value = self.cleaned_data.get(name)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Choose a date from %(first)d to %(last)d.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
                code="year",
            )
        return value

    def clean_since(self):
        return self._clean_year("since")

    def clean_until(self):
        return self._clean_year("until")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        until = data.get("until") or timezone.localdate()
        since = data.get("since") or until - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if since > until:
            raise forms.ValidationError(_("The start of the period must not be after its end."), code="order")
        if (until - since).days >= MAX_DAYS:
            raise forms.ValidationError(
                _("Choose a period of at most %(days)d days.") % {"days": MAX_DAYS}, code="too_long"
            )
        data["since"], data["until"] = since, until
        return data

    def scope(self) -> "Scope":
        """What the valid filters select: the petitions, referral sources, campaigns and theme."""
        data, choices = self.cleaned_data, self.choices
        petition_ids = None
        campaign = choices.campaigns.get(data.get("campaign") or "")
        theme_key = choices.themes[data["theme"]].value if data.get("theme") else None
        in_scope = list(choices.campaigns.values())
        if campaign:
            in_scope = [campaign]
        elif theme_key:
            in_scope = [c for c in in_scope if c.theme_key == theme_key]
        if campaign or theme_key:
            petition_ids = set().union(*(c.petition_ids for c in in_scope))
        if data.get("petition"):
            chosen = {int(data["petition"])}
            petition_ids = chosen if petition_ids is None else petition_ids & chosen
        partner = data.get("partner") or ""
        return Scope(
            since=data["since"],
            until=data["until"],
            petition_ids=frozenset(petition_ids) if petition_ids is not None else None,
            sources=choices.partner_sources.get(partner),
            partner=choices.partners.get(partner),
            campaigns=in_scope,
            campaign_filtered=bool(campaign or theme_key),
            theme_key=theme_key or (campaign.theme_key if campaign else None),
            choices=choices,
        )


@dataclass(frozen=True)
class Scope:
    since: datetime.date
    until: datetime.date
    petition_ids: frozenset | None  # None: every petition
    sources: frozenset | None  # a partner's referral sources; None: every source
    partner: Option | None
    campaigns: list[Campaign]
    campaign_filtered: bool
    theme_key: str | None
    choices: Choices = field(repr=False)

    def period(self) -> str:
        """The period in the headings, day first in every language: ``From 2 ก.ย. 2569 to 30 พ.ย. 2569``."""
        return _("From %(since)s to %(until)s") % {
            "since": display_day(self.since),
            "until": display_day(self.until),
        }

    def counted_by(self, key: str):
        """Counted signatures grouped by ``key`` (``"day"``, ``"province"``, ``"source"`` or ``"locale"``), as
        rows of ``k`` and ``n``: from the daily totals, or from the tallies when a partner's sources are chosen
        (the totals do not cross a source with a province or a language)."""
        if self.sources is None:
            rows = SignatureDailyTotal.objects.filter(
                dimension=TallyDimension.LOCALE if key == "day" else key, day__range=(self.since, self.until)
            )
            field = "day" if key == "day" else "value"
        else:
            rows = SignatureTally.objects.filter(day__range=(self.since, self.until), source__in=self.sources)
            field = key
        if self.petition_ids is not None:
            rows = rows.filter(petition_id__in=self.petition_ids)
        return rows.values(k=F(field)).annotate(n=Sum("count")).order_by()


# --- The panels --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass
class Dashboard:
    scope: Scope
    figures: list[Figure]
    charts: dict[str, Chart]
    notes: dict[str, str]


def _grouped(scope: Scope, key: str) -> dict:
    return {row["k"]: row["n"] for row in scope.counted_by(key)}


def _share(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def _buckets(
    since: datetime.date, until: datetime.date, *, weekly: bool = False
) -> tuple[list[datetime.date], bool]:
    weekly = weekly or (until - since).days + 1 > DAILY_UP_TO
    start = since - datetime.timedelta(days=since.weekday()) if weekly else since
    step = datetime.timedelta(days=7 if weekly else 1)
    days = []
    while start <= until:
        days.append(start)
        start += step
    return days, weekly


def _bucketed(by_day: dict, days: list[datetime.date], weekly: bool) -> list[int]:
    totals = dict.fromkeys(days, 0)
    for day, n in by_day.items():
        bucket = day - datetime.timedelta(days=day.weekday()) if weekly else day
        if bucket in totals:
            totals[bucket] += n
    return [totals[day] for day in days]


def signatures_over_time(scope: Scope, statuses: dict) -> Chart:
    days, weekly = _buckets(scope.since, scope.until)
    confirmed = _bucketed(_grouped(scope, "day"), days, weekly)
    waiting = _bucketed(statuses.get(SignatureStatus.PENDING, {}), days, weekly)
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
    rows = SignatureStatusCount.objects.filter(day__range=(scope.since, scope.until))
    if scope.petition_ids is not None:
        rows = rows.filter(petition_id__in=scope.petition_ids)
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


def rsvps_per_event(scope: Scope) -> Chart:
    """People who said they will come, per event dated in or after the period, against the places it has."""
    rows = EventRSVP.objects.filter(event_date__gte=scope.since)
    if scope.campaign_filtered:
        rows = rows.filter(campaign__translation_key__in=[c.translation_key for c in scope.campaigns])
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
        rows.annotate(week=TruncWeek("received", tzinfo=timezone.get_current_timezone()))
        .values("form_id", "form__label", "week")
        .annotate(n=Count("pk"))
        .order_by()
    )
    days, _weekly = _buckets(scope.since, scope.until, weekly=True)
    per_form: dict = defaultdict(lambda: defaultdict(int))
    labels = {}
    for row in grouped:
        week = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        per_form[row["form_id"]][week] += row["n"]
        labels[row["form_id"]] = row["form__label"]
    totals = {form: sum(weeks.values()) for form, weeks in per_form.items()}
    busiest = sorted(totals, key=lambda form: (-totals[form], labels[form]))
    series = [
        Series(labels[form], _bucketed(per_form[form], days, True)) for form in busiest[:MAX_FORM_LINES]
    ]
    if len(busiest) > MAX_FORM_LINES:
        others: dict = defaultdict(int)
        for form in busiest[MAX_FORM_LINES:]:
            for week, n in per_form[form].items():
                others[week] += n
        series.append(Series(_("Every other form"), _bucketed(others, days, True)))
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


def build_dashboard(scope: Scope, user) -> Dashboard:
    """Every panel for ``scope``, as ``user`` may see it (the inbox's sensitive items count for Safeguarding
    only). A fixed number of queries: one per grouped read, whatever the data size."""
    statuses = status_counts(scope)
    languages, total = by_language(scope)
    rates, rate_figures = confirmation_rates(scope, statuses)
    charts = {
        "over-time": signatures_over_time(scope, statuses),
        "provinces": by_province(scope),
        "sources": by_source(scope, total),
        "languages": languages,
        "rates": rates,
        "rsvps": rsvps_per_event(scope),
        "cosignatures": co_signatures(scope),
        "submissions": submissions_per_form(scope, user),
        "year-over-year": year_on_year(scope),
    }
    notes = {}
    if scope.sources is not None:
        notes["rates"] = _("Counted for every source: a signature's status is not kept per partner.")
        notes["rsvps"] = _("RSVPs are counted for every partner: an RSVP does not record a referral.")
    if scope.campaign_filtered or scope.petition_ids is not None:
        notes["submissions"] = _(
            "Counted for every campaign and petition: the inbox files submissions by form."
        )
    return Dashboard(
        scope=scope,
        figures=[Figure(_("Confirmed signatures"), number(total)), *rate_figures],
        charts=charts,
        notes=notes,
    )
