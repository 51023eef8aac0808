"""The filters in the URL, checked, and the ``Scope`` they select: the period, petitions, sources and campaigns."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.models import SignatureDailyTotal, SignatureTally, TallyDimension
from site_project.widgets import QuickSelect

from ..charts import display_day
from .choices import Campaign, Choices, Option, load_partner

DEFAULT_DAYS = 90
FIRST_YEAR, LAST_YEAR = 2000, 2100  # as campaign years; beyond them date sums would overflow
MAX_DAYS = 3 * 366


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DashboardFilters(forms.Form):
    """The filters in the URL: ``?since=2025-11-01&until=2025-12-10&petition=12&theme=25-november&partner=7``."""

    since = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    until = forms.DateField(
        label=gettext_lazy("To"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
    )
    # Plain text checked against what ``choices`` holds (``_offered``): a ChoiceField would normalise its
    # thousands of choices on every form, and could not take a partner it does not list.
    petition = forms.CharField(
        label=gettext_lazy("Petition"), required=False, strip=False, widget=QuickSelect
    )
    campaign = forms.CharField(
        label=gettext_lazy("Campaign"), required=False, strip=False, widget=QuickSelect
    )
    theme = forms.CharField(
        label=gettext_lazy("Recurring theme"), required=False, strip=False, widget=QuickSelect
    )
    partner = forms.CharField(label=gettext_lazy("Partner"), required=False, strip=False, widget=QuickSelect)

    def __init__(self, *args, choices: Choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        self.fields["petition"].widget.choices = [("", _("All petitions"))] + [
            (o.value, o.label) for o in choices.petitions
        ]
        self.fields["campaign"].widget.choices = [("", _("All campaigns"))] + [
            (value, f"{campaign.title} ({campaign.year})") for value, campaign in choices.campaigns.items()
        ]
        self.fields["theme"].widget.choices = [("", _("All themes"))] + [
            (slug, o.label) for slug, o in choices.themes.items()
        ]
        self._offer_partners()

    def _offer_partners(self):
        self.fields["partner"].widget.choices = [("", _("All partners"))] + [
            (v, o.label) for v, o in self.choices.partners.items()
        ]

    def _offered(self, name: str, values) -> str:
        """The value chosen for ``name`` if ``values`` holds it, refused as Django's ChoiceField would refuse it."""
        value = self.cleaned_data.get(name) or ""
        if value and value not in values:
            raise forms.ValidationError(
                forms.ChoiceField.default_error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return value

    def clean_petition(self):
        return self._offered("petition", {o.value for o in self.choices.petitions})

    def clean_campaign(self):
        return self._offered("campaign", self.choices.campaigns)

    def clean_theme(self):
        return self._offered("theme", self.choices.themes)

    def clean_partner(self):
        """A partner the filter offers, or any other partner's id (a bookmarked link, say), found with one query
        and offered from then on, so that the list shows it chosen."""
        value = self.cleaned_data.get("partner") or ""
        if value and value not in self.choices.partners and (chosen := load_partner(value)):
            self.choices = self.choices.with_partner(chosen)
            self._offer_partners()
        return self._offered("partner", self.choices.partners)

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
        rows of ``k`` and ``n``: from the daily totals (every petition's together unless petitions are chosen),
        or from the tallies when a partner's sources are chosen (the totals do not cross a source with a
        province or a language)."""
        if self.sources is None:
            rows = SignatureDailyTotal.objects.of_petitions(self.petition_ids).filter(
                dimension=TallyDimension.LOCALE if key == "day" else key, day__range=(self.since, self.until)
            )
            field = "day" if key == "day" else "value"
        else:
            rows = SignatureTally.objects.filter(day__range=(self.since, self.until), source__in=self.sources)
            if self.petition_ids is not None:
                rows = rows.filter(petition_id__in=self.petition_ids)
            field = key
        return rows.values(k=F(field)).annotate(n=Sum("count")).order_by()
