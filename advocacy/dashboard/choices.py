"""What the filters offer: petitions, campaigns, themes and the partners that took part, each once, named in the
reader's language."""

import dataclasses
import datetime
import json
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Q, TextField
from django.db.models.functions import Cast
from django.utils import translation

from campaigns.models import CampaignPage, CampaignTheme, EventRSVP
from partners.models import PartnerPage
from petitions.identity import clean_source
from petitions.models import CoSignatureStatus, OrganisationCoSignature, PetitionPage, SignatureTally

# A translation key read as text, never parsed into a UUID: SQLite keeps 32 hex digits, PostgreSQL prints the
# hyphens; ``_key`` writes both as ``str(uuid)`` does, which is how the other panels compare them.
KEY = Cast("translation_key", output_field=CharField())


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
    partners: dict[str, Option]  # the partners that took part, by the value the filter sends, in label order
    partner_sources: dict[
        str, frozenset
    ]  # partner value -> its referral sources (its slugs in every language)
    source_partners: dict[str, str]  # a referral source -> the partner's name

    def with_partner(self, chosen: "PartnerChoice") -> "Choices":
        """These choices and a partner chosen in the URL that they do not offer (a bookmarked link, say)."""
        option = chosen.option
        return dataclasses.replace(
            self,
            partners=dict(
                sorted({**self.partners, option.value: option}.items(), key=lambda item: item[1].label)
            ),
            partner_sources={**self.partner_sources, option.value: chosen.sources},
            source_partners={**self.source_partners, **dict.fromkeys(chosen.sources, option.label)},
        )


@dataclass(frozen=True)
class PartnerChoice:
    option: Option
    sources: frozenset


def _key(text: str | None) -> str | None:
    if text and len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def _by_translation(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Each translation group once: (the row counted under, the row named in the reader's language).

    Counted under the default language's translation, else the oldest, as ``petitions.selectors`` does. One pass
    over the rows in the order they were made. Rows name their group by ``key``.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    oldest, in_default, in_language = {}, {}, {}
    for row in sorted(rows, key=lambda row: row["pk"]):
        key, code = row["key"], row["locale__language_code"]
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


def _signature_sources() -> set[str]:
    """Every source counted signatures came with, each once.

    The tallies hold the same sources as the daily totals (these are summed from those) and keep them in an
    index, so this walks the index from one source to the next: a lookup per source, where ``DISTINCT`` over
    the daily totals reads all their 150,000 source rows at full size (80 ms on SQLite).
    """
    table, column = SignatureTally._meta.db_table, SignatureTally._meta.get_field("source").column
    table, column = connection.ops.quote_name(table), connection.ops.quote_name(column)
    sql = f"""
        WITH RECURSIVE found (source) AS (
            SELECT MIN({column}) FROM {table}
            UNION ALL
            SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.source) FROM found
                WHERE found.source IS NOT NULL
        )
        SELECT source FROM found WHERE source IS NOT NULL
    """  # noqa: S608  (the names come from the model)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {source for (source,) in cursor.fetchall()}


def _partner_rows(group: Q) -> list[dict]:
    return list(
        PartnerPage.objects.filter(
            translation_key__in=PartnerPage.objects.filter(group).values("translation_key")
        )
        .annotate(key=KEY)
        .values("pk", "title", "slug", "key", "locale__language_code")
        .order_by()
    )


def _partner_options(rows: list[dict]) -> list[PartnerChoice]:
    """Each partner once, as the filter offers it, with its referral sources (its slugs in every language)."""
    slugs: dict = defaultdict(set)
    for row in rows:
        if source := clean_source(row["slug"]):
            slugs[row["key"]].add(source)
    return [
        PartnerChoice(Option(str(canonical["pk"]), shown["title"]), frozenset(slugs[canonical["key"]]))
        for canonical, shown in _by_translation(rows)
    ]


def load_partner(value: str) -> PartnerChoice | None:
    """A partner chosen in the URL by the id of any of its translations, or ``None``: one query."""
    if not (value.isascii() and value.isdigit()) or len(value) > 18:  # an id, before asking the database
        return None
    found = _partner_options(_partner_rows(Q(pk=int(value))))
    return PartnerChoice(Option(value, found[0].option.label), found[0].sources) if found else None


def _partners_that_took_part() -> list[PartnerChoice]:
    """The partners whose referral source signatures or RSVPs came with, or that co-signed a petition (a
    rejected co-signature aside): four queries, whatever the number of partners."""
    rsvp_sources = EventRSVP.objects.values_list("source", flat=True).order_by().distinct()
    sources = (_signature_sources() | set(rsvp_sources)) - {""}
    slugs = PartnerPage.objects.values_list("slug", flat=True).order_by().distinct()
    through_links = [slug for slug in slugs if clean_source(slug) in sources]
    co_signed = OrganisationCoSignature.objects.exclude(status=CoSignatureStatus.REJECTED).values(
        "partner_id"
    )
    return _partner_options(_partner_rows(Q(slug__in=through_links) | Q(pk__in=co_signed)))


def load_choices() -> Choices:
    """What the filters offer, named in the reader's language. Seven queries, whatever the number of partners."""
    petition_rows = list(
        PetitionPage.objects.annotate(key=KEY)
        .values("pk", "title", "key", "locale__language_code")
        .order_by()
    )
    petitions = []
    by_key = {}
    for canonical, shown in _by_translation(petition_rows):
        petitions.append(Option(str(canonical["pk"]), shown["title"]))
        by_key[canonical["key"]] = canonical["pk"]
    canonical_id = {row["pk"]: by_key[row["key"]] for row in petition_rows}

    campaign_rows = list(
        CampaignPage.objects.annotate(
            key=KEY,
            theme_key=Cast("theme__translation_key", output_field=CharField()),
            # The blocks as their JSON text: Wagtail would build a stream for every row, where only the rows
            # counted under need their blocks, and only as data.
            blocks=Cast("body", output_field=TextField()),
        )
        .values("pk", "title", "key", "locale__language_code", "theme_key", "year", "key_date", "blocks")
        .order_by()
    )
    campaigns = {}
    for canonical, shown in _by_translation(campaign_rows):
        blocks = json.loads(canonical["blocks"] or "[]")
        embedded = frozenset(
            canonical_id[block["value"]["petition"]]
            for block in blocks
            if block["type"] == "petition" and block["value"].get("petition") in canonical_id
        )
        campaigns[str(canonical["pk"])] = Campaign(
            pk=canonical["pk"],
            title=shown["title"],
            translation_key=_key(canonical["key"]),
            theme_key=_key(canonical["theme_key"]),
            year=canonical["year"],
            key_date=canonical["key_date"],
            petition_ids=embedded,
            capacities={
                block["id"]: block["value"]["capacity"]
                for block in blocks
                if block["type"] == "event" and block["value"].get("capacity")
            },
        )

    theme_rows = list(
        CampaignTheme.objects.annotate(key=KEY).values("pk", "slug", "name", "key", "locale__language_code")
    )
    themes = {
        canonical["slug"]: Option(_key(canonical["key"]), shown["name"])
        for canonical, shown in _by_translation(theme_rows)
    }

    partners, partner_sources, source_partners = {}, {}, {}
    for partner in _partners_that_took_part():
        value = partner.option.value
        partners[value] = partner.option
        partner_sources[value] = partner.sources
        source_partners.update(dict.fromkeys(partner.sources, partner.option.label))
    return Choices(
        petitions=sorted(petitions, key=lambda option: option.label),
        campaigns=campaigns,
        themes=themes,
        partners=dict(sorted(partners.items(), key=lambda item: item[1].label)),
        partner_sources=partner_sources,
        source_partners=source_partners,
    )
