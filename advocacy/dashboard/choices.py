"""What the filters offer: petitions, campaigns, themes and partners, each once, named in the reader's language."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from campaigns.models import CampaignPage, CampaignTheme
from partners.models import PartnerPage
from petitions.identity import clean_source
from petitions.models import PetitionPage


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
