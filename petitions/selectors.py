"""Reads: the public count and totals, recent signers, what a petition page shows, and staff's selections.

The counts must stay cheap under a viral petition's load, so each is cached for a few seconds.

Signature models are imported from their module, not from the ``models`` package, and translations are found
through Wagtail's ``Page``: the petition page model builds its context from this module, so importing it
must not need the page model.
"""

import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from site_project import memo, pagecache

from .identity import clean_source
from .models.paper import PaperBatch, PaperBatchState
from .models.signatures import (
    CoSignatureStatus,
    OrganisationCoSignature,
    Signature,
    SignatureProvinceTotal,
    SignatureStatus,
    SignatureTally,
)
from .timeline import TimelineEntry, contributed_entries

COUNT_CACHE_SECONDS = 5
CANONICAL_CACHE_SECONDS = 60 * 60
CONTENT_CACHE_SECONDS = 60
DIMENSIONS = ("province", "source", "locale", "day")


# Also kept in each process for as long as in the cache: a petition page or list asks for it on every view, and
# with a cold (or ``dummy://``) cache that would be two queries per petition shown. Dropped with the memo.
_canonical_ids: dict[int, tuple[int, float]] = {}
memo.when_forgotten(_canonical_ids.clear)


def canonical_petition_id(page_id: int) -> int:
    """The id a petition's signatures are counted under: its translation in the default language.

    Every translation of a petition shares one count. A petition written first in another language counts
    under its oldest translation. Cached, since a page's translation group does not change.
    """
    kept = _canonical_ids.get(page_id)
    if kept is not None and kept[1] > time.monotonic():
        return kept[0]
    key = f"petitions:canonical:{page_id}"
    found = cache.get(key)
    if found is not None:
        _canonical_ids[page_id] = (found, time.monotonic() + CANONICAL_CACHE_SECONDS)
        return found
    row = Page.objects.filter(pk=page_id).values("translation_key").first()
    if row is None:
        return page_id
    translations = (
        Page.objects.filter(translation_key=row["translation_key"])
        .order_by("pk")
        .values_list("pk", "locale__language_code")
    )
    translations = list(translations)
    default = [pk for pk, code in translations if code == settings.LANGUAGE_CODE]
    found = default[0] if default else translations[0][0]
    cache.set(key, found, CANONICAL_CACHE_SECONDS)
    _canonical_ids[page_id] = (found, time.monotonic() + CANONICAL_CACHE_SECONDS)
    return found


def canonical_petition_ids(page_ids) -> dict[int, int]:
    """``canonical_petition_id`` of many pages in one query (the API's list): page id to the id it counts under."""
    groups: dict = {}
    translations = (
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk__in=page_ids).values("translation_key")
        )
        .order_by("pk")
        .values_list("pk", "translation_key", "locale__language_code")
    )
    for pk, key, code in translations:
        groups.setdefault(key, []).append((pk, code))
    found = {}
    for members in groups.values():
        default = [pk for pk, code in members if code == settings.LANGUAGE_CODE]
        canonical = default[0] if default else members[0][0]
        found.update((pk, canonical) for pk, _code in members)
    return {page_id: found.get(page_id, page_id) for page_id in page_ids}


# --- The public count ----------------------------------------------------------------------------------------
def totals_by(petition_id: int, dimension: str = "province") -> dict:
    """Public totals per province, source, language or day, read in one statement from tallies plus waiting rows.

    One statement, so that it sees one snapshot: the aggregator moving rows into the tallies never makes a
    signature count twice or not at all.
    """
    sql, params = _totals_sql(petition_id, dimension)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {str(key): int(total) for key, total in rows if total}


def _totals_sql(petition_id: int, dimension: str) -> tuple[str, list]:
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension {dimension!r}")
    tally = SignatureTally._meta.db_table
    signature = Signature._meta.db_table
    if dimension == "day":
        day = local_date_sql("confirmed_at")
        row_column = f"{day}"
    else:
        row_column = dimension
    confirmed = SignatureStatus.CONFIRMED.value
    # Without statistics SQLite prefers the (petition, status, confirmed_at) index for the waiting rows and
    # reads every confirmed signature of the petition (0.3 s at 500,000); the partial index holds only the
    # few rows the aggregator has not folded in yet. PostgreSQL's planner finds it from its statistics.
    waiting_index = "INDEXED BY petitions_sig_uncounted" if connection.vendor == "sqlite" else ""
    sql = f"""
        SELECT k, SUM(n) AS n FROM (
            SELECT {dimension} AS k, SUM("count") AS n FROM {tally} WHERE petition_id = %s GROUP BY {dimension}
            UNION ALL
            SELECT {row_column} AS k, COUNT(*) AS n FROM {signature} {waiting_index}
                WHERE petition_id = %s AND NOT counted AND status = '{confirmed}' GROUP BY {row_column}
            UNION ALL
            SELECT {row_column} AS k, -COUNT(*) AS n FROM {signature}
                WHERE petition_id = %s AND counted AND NOT (status = '{confirmed}') GROUP BY {row_column}
        ) AS parts GROUP BY k
    """  # noqa: S608  (table and column names come from the models and a fixed list, values are parameters)
    return sql, [petition_id, petition_id, petition_id]


@dataclass(frozen=True)
class PublicTotals:
    count: int  # every counted signature, online and on paper
    by_province: dict
    paper: int = 0  # of ``count``, the signatures in confirmed paper batches

    @property
    def online(self) -> int:
        return self.count - self.paper


def _province_totals_sql(petition_ids: list[int]) -> tuple[str, list]:
    """The province rollups of these petitions plus the confirmed rows not folded in yet and minus the withdrawn
    ones still in (few: the aggregator runs every two seconds), and their confirmed paper batches' part."""
    rollup = SignatureProvinceTotal._meta.db_table
    signature = Signature._meta.db_table
    batch = PaperBatch._meta.db_table
    confirmed = SignatureStatus.CONFIRMED.value
    ids = ", ".join(["%s"] * len(petition_ids))
    waiting_index = (
        "INDEXED BY petitions_sig_uncounted" if connection.vendor == "sqlite" else ""
    )  # see _totals_sql
    sql = f"""
        SELECT petition_id, 0 AS paper, k, SUM(n) AS n FROM (
            SELECT petition_id, province AS k, "count" AS n FROM {rollup} WHERE petition_id IN ({ids})
            UNION ALL
            SELECT petition_id, province AS k, COUNT(*) AS n FROM {signature} {waiting_index}
                WHERE petition_id IN ({ids}) AND NOT counted AND status = '{confirmed}' GROUP BY petition_id, province
            UNION ALL
            SELECT petition_id, province AS k, -COUNT(*) AS n FROM {signature}
                WHERE petition_id IN ({ids}) AND counted AND NOT (status = '{confirmed}')
                GROUP BY petition_id, province
        ) AS parts GROUP BY petition_id, k
        UNION ALL
        SELECT petition_id, 1 AS paper, NULL AS k, SUM("count") AS n FROM {batch}
            WHERE petition_id IN ({ids}) AND state = %s GROUP BY petition_id
    """  # noqa: S608  (table names come from the models, values are parameters)
    return sql, [*petition_ids, *petition_ids, *petition_ids, *petition_ids, PaperBatchState.CONFIRMED.value]


def read_public_totals(petition_ids) -> dict[int, PublicTotals]:
    """The public totals of these petitions (canonical ids), uncached, in one statement however many petitions
    and signatures there are: one snapshot, so the paper part is never more than the total and a signature the
    aggregator is moving counts once."""
    petition_ids = sorted(set(petition_ids))
    if not petition_ids:
        return {}
    sql, params = _province_totals_sql(petition_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    by_province: dict = {petition_id: {} for petition_id in petition_ids}
    paper: dict = dict.fromkeys(petition_ids, 0)
    for petition_id, is_paper, key, total in rows:
        if is_paper:
            paper[petition_id] += int(total or 0)
        elif total:
            by_province[petition_id][str(key)] = int(total)
    return {
        petition_id: PublicTotals(
            count=sum(provinces.values()), by_province=provinces, paper=paper[petition_id]
        )
        for petition_id, provinces in by_province.items()
    }


def local_date_sql(column: str) -> str:
    """SQL for the local (Bangkok) date of a timestamp column or expression."""
    offset = timezone.localtime().utcoffset() or datetime.timedelta()
    hours = int(offset.total_seconds() // 3600)
    if connection.vendor == "postgresql":
        return f"CAST(({column} AT TIME ZONE 'UTC') + INTERVAL '{hours} hours' AS DATE)"
    return f"DATE({column}, '{hours:+d} hours')"


def _totals_cache_key(petition_id: int) -> str:
    return f"petitions:totals:{petition_id}"


def forget_public_totals(petition_id: int) -> None:
    """The next read of this petition's totals goes to the database (after signatures are counted or removed)."""
    cache.delete(_totals_cache_key(petition_id))
    memo.drop_from_this_request(("petitions:totals", petition_id))


def paper_total(petition_id: int) -> int:
    """The signatures in the petition's confirmed paper batches (a few rows: one per event)."""
    batches = PaperBatch.objects.confirmed().filter(petition_id=petition_id)
    return batches.aggregate(total=Sum("count"))["total"] or 0


def public_totals(petition_id: int) -> PublicTotals:
    """The public count (online and on paper) and per-province totals, cached for a few seconds. Accepts any
    translation's id."""
    count_id = canonical_petition_id(petition_id)
    return memo.for_this_request(
        ("petitions:totals", count_id), lambda: _cached_public_totals([count_id])[count_id]
    )


def prime_public_totals(petition_ids) -> None:
    """Read the public totals of several petitions (any translation's ids) at once, so that ``public_totals``
    of each, for the rest of this request, reads nothing (the home page's candidates, a listing's cards)."""
    count_ids = {canonical_petition_id(petition_id) for petition_id in petition_ids}
    for count_id, totals in _cached_public_totals(count_ids).items():
        memo.for_this_request(("petitions:totals", count_id), lambda totals=totals: totals)


def _cached_public_totals(count_ids) -> dict[int, PublicTotals]:
    """These petitions' totals (canonical ids): one cache round trip, and one statement for those it missed."""
    keys = {_totals_cache_key(count_id): count_id for count_id in count_ids}
    found = {keys[key]: totals for key, totals in cache.get_many(list(keys)).items()}
    missing = set(keys.values()) - found.keys()
    if missing:
        read = read_public_totals(missing)
        cache.set_many(
            {_totals_cache_key(count_id): read[count_id] for count_id in missing}, COUNT_CACHE_SECONDS
        )
        found.update(read)
    return found


def public_count(petition_id: int) -> int:
    """The number of confirmed signatures, at most a few seconds old. For campaigns, embeds and the API."""
    return public_totals(petition_id).count


# --- What a petition page shows ---------------------------------------------------------------------------------
def recent_signers(petition_id: int, *, limit: int = 8) -> list[dict]:
    """Name and province of the latest confirmed signers who chose to be shown. Cached a few seconds."""
    key = f"petitions:recent:{petition_id}"
    signers = cache.get(key)
    if signers is None:
        signers = list(
            Signature.objects.public_signers()
            .filter(petition_id=petition_id)
            .order_by("-confirmed_at")
            .values("name", "province")[:limit]
        )
        cache.set(key, signers, COUNT_CACHE_SECONDS)
    return signers


def petition_content(petition, request=None) -> dict:
    """What a petition page shows that changes only when editors act: targets, co-sponsors, timeline (its own
    entries merged with what the floors above add, such as the deliveries and answers of the policy pushes that
    carry it: ``timeline``), co-signing organisations. Cached per published revision, language, content version
    and day (an answer turns overdue at midnight), so a viral petition's page costs Wagtail's own queries plus
    the live count, and a change to a push's ledger shows at once."""
    kept = getattr(petition, "_petition_content", None)
    if request is not None and kept is not None and kept[0] is request:  # read once per view of the page
        return kept[1]
    language = petition.locale_id
    today = timezone.localdate()
    version = pagecache.content_version()
    key = f"petitions:content:{petition.pk}:{petition.live_revision_id}:{language}:{version}:{today.isoformat()}"
    content = cache.get(key)
    if content is None:
        content = {
            "targets": [str(target) for target in petition.localized_targets()],
            "co_sponsors": _co_sponsors(petition, request),
            "timeline": petition_timeline(petition, today=today),
            "organisations": [
                {"name": cosignature.partner.title, "statement": cosignature.statement}
                for cosignature in approved_cosignatures(canonical_petition_id(petition.pk))
            ],
        }
        cache.set(key, content, CONTENT_CACHE_SECONDS)
    petition._petition_content = (request, content)
    return content


def petition_co_sponsors(petition, request=None) -> list[dict]:
    """The co-sponsors alone, for a sign form shown away from its petition's page (a campaign's petition
    block): taken from the page's content when this view already read it, else kept on their own like it."""
    kept = getattr(petition, "_petition_content", None)
    if request is not None and kept is not None and kept[0] is request:
        return kept[1]["co_sponsors"]
    key = (
        f"petitions:co-sponsors:{petition.pk}:{petition.live_revision_id}:{petition.locale_id}:"
        f"{pagecache.content_version()}"
    )
    co_sponsors = cache.get(key)
    if co_sponsors is None:
        co_sponsors = _co_sponsors(petition, request)
        cache.set(key, co_sponsors, CONTENT_CACHE_SECONDS)
    return co_sponsors


def _co_sponsors(petition, request) -> list[dict]:
    return [
        {"pk": partner.pk, "title": partner.title, "url": partner.get_url(request)}
        for partner in petition.localized_co_sponsors()
    ]


def petition_timeline(petition, *, today: datetime.date) -> list[dict]:
    """The petition's own timeline entries and the contributed ones, the latest first (on one day, its own
    first, in their order)."""
    own = [
        TimelineEntry(date=entry.date, kind=entry.kind, label=entry.get_kind_display(), text=entry.text)
        for entry in petition.updates.all().order_by("-date", "sort_order")
    ]
    entries = own + contributed_entries(petition=petition, today=today)
    return [entry.as_dict() for entry in sorted(entries, key=lambda entry: entry.date, reverse=True)]


def approved_cosignatures(petition_id: int) -> list:
    return list(
        OrganisationCoSignature.objects.filter(petition_id=petition_id, status=CoSignatureStatus.APPROVED)
        .select_related("partner")
        .order_by("decided_at")
    )


# --- Staff's selections ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Criteria:
    petition_id: int | None = None
    ip_hash: str = ""
    email_domain: str = ""
    since: datetime.datetime | None = None
    until: datetime.datetime | None = None
    source: str = ""

    def is_empty(self) -> bool:
        return not (self.ip_hash or self.email_domain or self.since or self.until or self.source)


def signatures_matching(criteria: Criteria):
    """Signatures that still count or could: the rows a bulk invalidation would touch."""
    if criteria.is_empty():
        return Signature.objects.none()
    rows = Signature.objects.exclude(status=SignatureStatus.INVALIDATED)
    if criteria.petition_id:
        rows = rows.filter(petition_id=canonical_petition_id(criteria.petition_id))
    if criteria.ip_hash:
        rows = rows.filter(ip_hash=criteria.ip_hash.strip().lower())
    if criteria.email_domain:
        rows = rows.filter(email_canonical__endswith="@" + criteria.email_domain.strip().lower().lstrip("@"))
    if criteria.since:
        rows = rows.filter(created_at__gte=criteria.since)
    if criteria.until:
        rows = rows.filter(created_at__lt=criteria.until)
    if criteria.source:
        rows = rows.filter(source=clean_source(criteria.source))
    return rows
