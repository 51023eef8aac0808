"""Everything that writes: signing, confirming, counting, invalidating, and the signers' privacy rights.

And the few reads that must stay cheap under load: the public count and per-province totals.
"""

import datetime
import hashlib
import logging
import re
import secrets
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from wagtail.log_actions import log

from site_project import outbox
from site_project.models import OutboxMessage

from . import abuse
from .models import (
    PetitionPage,
    Signature,
    SignatureStatus,
    SignatureTally,
    UpdatesConsent,
)

logger = logging.getLogger(__name__)

COUNT_CACHE_SECONDS = 5
CANONICAL_CACHE_SECONDS = 60 * 60
AGGREGATE_DEBOUNCE_SECONDS = 2
AGGREGATE_BATCH_SIZE = 5000
CONFIRMATION_EMAIL = "petitions.confirmation"
RESEND_COOLDOWN_SECONDS = 10 * 60
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}
SOURCE_PATTERN = re.compile(r"[^a-z0-9._:/-]+")
DIMENSIONS = ("province", "source", "locale", "day")


# --- Identity ------------------------------------------------------------------------------------------------
def canonical_email(email: str) -> str:
    """Fold the variants of one mailbox: case, +tags everywhere, and dots and googlemail.com for Gmail."""
    local, _at, domain = email.strip().lower().rpartition("@")
    if not local:
        return email.strip().lower()
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def clean_source(value: str) -> str:
    """Attribution as a short slug: what ?src= or the UTM tags said, nothing a spreadsheet would execute."""
    value = SOURCE_PATTERN.sub("-", (value or "").lower()).strip("-._:/")
    return value[:64]


def source_from_query(query) -> str:
    if query.get("src"):
        return clean_source(query.get("src", ""))
    parts = [query.get(name, "") for name in ("utm_source", "utm_medium", "utm_campaign") if query.get(name)]
    return clean_source("/".join(parts))


def canonical_petition_id(page_id: int) -> int:
    """The id a petition's signatures are counted under: its translation in the default language.

    Every translation of a petition shares one count. A petition written first in another language counts
    under its oldest translation. Cached, since a page's translation group does not change.
    """
    key = f"petitions:canonical:{page_id}"
    found = cache.get(key)
    if found is not None:
        return found
    row = PetitionPage.objects.filter(pk=page_id).values("translation_key").first()
    if row is None:
        return page_id
    translations = (
        PetitionPage.objects.filter(translation_key=row["translation_key"])
        .order_by("pk")
        .values_list("pk", "locale__language_code")
    )
    translations = list(translations)
    default = [pk for pk, code in translations if code == settings.LANGUAGE_CODE]
    found = default[0] if default else translations[0][0]
    cache.set(key, found, CANONICAL_CACHE_SECONDS)
    return found


# --- Signing -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PetitionRef:
    """What the sign view knows about the petition: loaded in one query."""

    id: int
    count_id: int
    locale: str


@dataclass(frozen=True)
class SignResult:
    """What happened, for logs and tests only: the response is the same whatever it says."""

    signature_id: int | None
    created: bool
    quarantine_reason: str = ""


def sign_petition(*, petition: PetitionRef, data: dict, request_meta: dict) -> SignResult:
    """Store a signature, pending confirmation; send the confirmation e-mail after commit.

    ``data`` is the sign form's cleaned data. ``request_meta`` carries ``ip`` and ``language``. A second
    signature from the same address does nothing visible (the database refuses it); if the first is still
    pending its confirmation e-mail is sent again, at most every ten minutes.
    """
    ip = request_meta.get("ip", "")
    ip_hash = abuse.hash_ip(ip)
    reason = abuse.quarantine_reason(
        petition_id=petition.id,
        ip=ip,
        ip_hash=ip_hash,
        honeypot=data.get("website", ""),
        form_token=data.get("form_token", ""),
        require_form_token=True,
    )
    now = timezone.now()
    notice_version = settings.PETITION_PRIVACY_NOTICE_VERSION
    signature = Signature(
        petition_id=petition.count_id,
        name=data["name"],
        email=data["email"],
        email_canonical=canonical_email(data["email"]),
        province=data["province"],
        show_name=bool(data.get("show_name")),
        locale=(request_meta.get("language") or petition.locale)[:8],
        source=clean_source(data.get("source", "")),
        consent_notice_version=notice_version,
        consented_at=now,
        ip_hash=ip_hash,
        status=SignatureStatus.QUARANTINED if reason else SignatureStatus.PENDING,
        quarantine_reason=reason,
    )
    consents = _update_consents(petition=petition, chosen=data.get("updates_from") or [])
    try:
        # One transaction, no savepoint: if the address has signed, the insert is the first statement and
        # rolling the whole block back loses nothing.
        with transaction.atomic():
            signature.save(force_insert=True)
            for consent in consents:
                consent.signature = signature
                consent.notice_version = notice_version
                consent.consented_at = now
            if consents:
                UpdatesConsent.objects.bulk_create(consents)
            if not reason:
                owe_confirmation(signature_id=signature.pk, email=signature.email)
    except IntegrityError:
        _on_duplicate(petition_id=petition.count_id, email_canonical=signature.email_canonical)
        return SignResult(signature_id=None, created=False, quarantine_reason=reason)
    return SignResult(signature_id=signature.pk, created=True, quarantine_reason=reason)


def _update_consents(*, petition: PetitionRef, chosen: list) -> list[UpdatesConsent]:
    """One consent per organisation the signer picked: the organiser, and only this petition's co-sponsors."""
    partner_ids = {int(choice) for choice in chosen if str(choice).isdigit()}
    if partner_ids:
        allowed = set(
            PetitionPage.co_sponsors.through.objects.filter(
                petitionpage_id=petition.id, partnerpage_id__in=partner_ids
            ).values_list("partnerpage_id", flat=True)
        )
        partner_ids &= allowed
    consents = [UpdatesConsent(partner=None)] if "organiser" in chosen else []
    return consents + [UpdatesConsent(partner_id=pk) for pk in sorted(partner_ids)]


def _on_duplicate(*, petition_id: int, email_canonical: str) -> None:
    existing = (
        Signature.objects.filter(petition_id=petition_id, email_canonical=email_canonical)
        .values_list("pk", "status", "email")
        .first()
    )
    if (
        existing
        and existing[1] == SignatureStatus.PENDING
        and cache.add(f"petitions:resend:{existing[0]}", 1, RESEND_COOLDOWN_SECONDS)
    ):
        _owe_confirmation_again(signature_id=existing[0], email=existing[2])


def owe_confirmation(*, signature_id: int, email: str) -> None:
    """Owe this signer a confirmation e-mail, in the caller's transaction: stored with the signature, so a
    failing mail server, worker or queue can delay it but never lose it (``site_project.outbox``)."""
    outbox.enqueue(kind=CONFIRMATION_EMAIL, recipient=email, payload={"signature_id": signature_id})


def _owe_confirmation_again(*, signature_id: int, email: str) -> None:
    """A pending signer signed again: one more e-mail with a fresh link, unless one is still on its way."""
    with transaction.atomic():
        waiting = OutboxMessage.objects.owed().filter(
            kind=CONFIRMATION_EMAIL, payload__signature_id=signature_id
        )
        if not waiting.exists():
            owe_confirmation(signature_id=signature_id, email=email)


def _enqueue_safely(task, **kwargs) -> None:
    try:
        task.enqueue(**kwargs)
    except Exception:  # the signature is stored; a lost e-mail can be re-sent, a 500 cannot be undone
        logger.exception("Could not enqueue %s", task.name)


# --- Confirmation --------------------------------------------------------------------------------------------
def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_confirmation_token(*, signature_id: int) -> str | None:
    """A new single-use token for a pending signature; only its SHA-256 is stored. None if not pending."""
    token = secrets.token_urlsafe(32)
    expires = timezone.now() + datetime.timedelta(hours=settings.PETITION_CONFIRMATION_HOURS)
    updated = Signature.objects.filter(pk=signature_id, status=SignatureStatus.PENDING).update(
        token_hash=token_digest(token), token_expires_at=expires
    )
    return token if updated else None


class TokenState(Enum):
    VALID = "valid"
    CONFIRMED = "confirmed"
    ALREADY_USED = "already_used"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


def token_state(*, token: str) -> tuple[TokenState, Signature | None]:
    """What a confirmation link would do, without doing it (for the GET page)."""
    if not TOKEN_PATTERN.match(token or ""):
        return TokenState.UNKNOWN, None
    signature = (
        Signature.objects.filter(token_hash=token_digest(token))
        .only("pk", "status", "token_expires_at", "petition_id", "locale")
        .first()
    )
    if signature is None:
        return TokenState.UNKNOWN, None
    if signature.status != SignatureStatus.PENDING:
        return TokenState.ALREADY_USED, signature
    if signature.token_expires_at is None or signature.token_expires_at <= timezone.now():
        return TokenState.EXPIRED, signature
    return TokenState.VALID, signature


def confirm_signature(*, token: str) -> tuple[TokenState, Signature | None]:
    """Confirm the pending signature this token was issued for. Single use; expired tokens do nothing."""
    if not TOKEN_PATTERN.match(token or ""):
        return TokenState.UNKNOWN, None
    now = timezone.now()
    with transaction.atomic():
        updated = Signature.objects.filter(
            token_hash=token_digest(token), status=SignatureStatus.PENDING, token_expires_at__gt=now
        ).update(status=SignatureStatus.CONFIRMED, confirmed_at=now)
        if updated:
            transaction.on_commit(schedule_aggregation)
    state, signature = token_state(token=token)
    if updated:
        return TokenState.CONFIRMED, signature
    return state, signature


# --- Counting ------------------------------------------------------------------------------------------------
def schedule_aggregation() -> None:
    """Run the aggregator soon, at most once per two seconds however many confirmations arrive."""
    if not cache.add("petitions:aggregate:debounce", 1, AGGREGATE_DEBOUNCE_SECONDS):
        return
    from .tasks import aggregate_signatures_task

    task = aggregate_signatures_task
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + datetime.timedelta(seconds=AGGREGATE_DEBOUNCE_SECONDS))
    _enqueue_safely(task)


def _aggregation_lock() -> None:
    """Serialise aggregators. SQLite already does: writes there take the database lock (BEGIN IMMEDIATE)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('phakhi.petitions.aggregate'))")


def _tally_key(row: dict) -> tuple:
    day = timezone.localtime(row["confirmed_at"]).date() if row["confirmed_at"] else timezone.localdate()
    return (row["petition_id"], day, row["province"], row["source"], row["locale"])


def aggregate_signatures(*, batch_size: int = AGGREGATE_BATCH_SIZE) -> int:
    """Fold confirmed, uncounted signatures into the tallies (and take withdrawn ones out), in one transaction.

    The only code that writes ``SignatureTally``. Returns how many signatures it moved.
    """
    fields = ("pk", "petition_id", "confirmed_at", "province", "source", "locale")
    with transaction.atomic():
        _aggregation_lock()
        added = list(
            Signature.objects.uncounted().select_for_update(skip_locked=True).values(*fields)[:batch_size]
        )
        removed = list(
            Signature.objects.counted_but_withdrawn()
            .select_for_update(skip_locked=True)
            .values(*fields)[:batch_size]
        )
        if not added and not removed:
            return 0
        changes: Counter = Counter()
        for row in added:
            changes[_tally_key(row)] += 1
        for row in removed:
            changes[_tally_key(row)] -= 1
        _apply_tally_changes(changes)
        for rows, counted in ((added, True), (removed, False)):
            ids = [row["pk"] for row in rows]
            for start in range(0, len(ids), 500):
                Signature.objects.filter(pk__in=ids[start : start + 500]).update(counted=counted)
        petition_ids = {key[0] for key in changes}
    for petition_id in petition_ids:
        cache.delete(_totals_cache_key(petition_id))
    return len(added) + len(removed)


def _apply_tally_changes(changes: Counter) -> None:
    petition_ids = {key[0] for key in changes}
    days = {key[1] for key in changes}
    existing = {
        (t.petition_id, t.day, t.province, t.source, t.locale): t
        for t in SignatureTally.objects.filter(petition_id__in=petition_ids, day__in=days)
    }
    to_update, to_create = [], []
    for key, delta in changes.items():
        if not delta:
            continue
        if key in existing:
            existing[key].count += delta
            to_update.append(existing[key])
        else:
            petition_id, day, province, source, locale = key
            to_create.append(
                SignatureTally(
                    petition_id=petition_id,
                    day=day,
                    province=province,
                    source=source,
                    locale=locale,
                    count=delta,
                )
            )
    SignatureTally.objects.bulk_update(to_update, ["count"], batch_size=500)
    SignatureTally.objects.bulk_create(to_create, batch_size=500)


def pending_aggregation() -> bool:
    return Signature.objects.uncounted().exists() or Signature.objects.counted_but_withdrawn().exists()


def totals_by(petition_id: int, dimension: str = "province") -> dict:
    """Public totals per province, source, language or day, read in one statement from tallies plus waiting rows.

    One statement, so that it sees one snapshot: the aggregator moving rows into the tallies never makes a
    signature count twice or not at all.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension {dimension!r}")
    tally = SignatureTally._meta.db_table
    signature = Signature._meta.db_table
    if dimension == "day":
        day = _local_date_sql("confirmed_at")
        row_column = f"{day}"
    else:
        row_column = dimension
    confirmed = SignatureStatus.CONFIRMED.value
    # Without statistics SQLite prefers the (petition, status, confirmed_at) index for the waiting rows and
    # reads every confirmed signature of the petition (0.3 s at 500,000); the partial index holds only the
    # few rows the aggregator has not folded in yet. PostgreSQL's planner finds it from its statistics.
    waiting_index = "INDEXED BY petitions_sig_uncounted" if connection.vendor == "sqlite" else ""
    sql = f"""
        SELECT k, SUM(n) FROM (
            SELECT {dimension} AS k, SUM("count") AS n FROM {tally} WHERE petition_id = %s GROUP BY {dimension}
            UNION ALL
            SELECT {row_column} AS k, COUNT(*) AS n FROM {signature} {waiting_index}
                WHERE petition_id = %s AND NOT counted AND status = '{confirmed}' GROUP BY {row_column}
            UNION ALL
            SELECT {row_column} AS k, -COUNT(*) AS n FROM {signature}
                WHERE petition_id = %s AND counted AND NOT (status = '{confirmed}') GROUP BY {row_column}
        ) AS parts GROUP BY k
    """  # noqa: S608  (table and column names come from the models and a fixed list, values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [petition_id, petition_id, petition_id])
        rows = cursor.fetchall()
    return {str(key): int(total) for key, total in rows if total}


def _local_date_sql(column: str) -> str:
    offset = timezone.localtime().utcoffset() or datetime.timedelta()
    hours = int(offset.total_seconds() // 3600)
    if connection.vendor == "postgresql":
        return f"CAST(({column} AT TIME ZONE 'UTC') + INTERVAL '{hours} hours' AS DATE)"
    return f"DATE({column}, '{hours:+d} hours')"


def _totals_cache_key(petition_id: int) -> str:
    return f"petitions:totals:{petition_id}"


@dataclass(frozen=True)
class PublicTotals:
    count: int
    by_province: dict


def public_totals(petition_id: int) -> PublicTotals:
    """The public count and per-province totals, cached for a few seconds. Accepts any translation's id."""
    count_id = canonical_petition_id(petition_id)
    key = _totals_cache_key(count_id)
    totals = cache.get(key)
    if totals is None:
        by_province = totals_by(count_id, "province")
        totals = PublicTotals(count=sum(by_province.values()), by_province=by_province)
        cache.set(key, totals, COUNT_CACHE_SECONDS)
    return totals


def public_count(petition_id: int) -> int:
    """The number of confirmed signatures, at most a few seconds old. For campaigns, embeds and the API."""
    return public_totals(petition_id).count


@dataclass(frozen=True)
class Drift:
    petition_id: int
    confirmed_rows: int
    public_count: int
    tallied: int
    counted_rows: int

    @property
    def drift(self) -> int:
        return self.public_count - self.confirmed_rows

    @property
    def tally_drift(self) -> int:
        return self.tallied - self.counted_rows


def reconcile_signature_counts(*, fix: bool = False) -> list[Drift]:
    """Recompute every petition's count from the signature rows and compare it with the public count."""
    from django.db.models import Count, Sum

    petition_ids = set(Signature.objects.values_list("petition_id", flat=True).distinct()) | set(
        SignatureTally.objects.values_list("petition_id", flat=True).distinct()
    )
    report = []
    for petition_id in sorted(petition_ids):
        if fix:
            _rebuild_tallies(petition_id)
        rows = Signature.objects.filter(petition_id=petition_id).aggregate(
            confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)),
            counted=Count("pk", filter=Q(counted=True)),
        )
        tallied = (
            SignatureTally.objects.filter(petition_id=petition_id).aggregate(total=Sum("count"))["total"] or 0
        )
        public = sum(totals_by(petition_id, "province").values())
        report.append(
            Drift(
                petition_id=petition_id,
                confirmed_rows=rows["confirmed"],
                public_count=public,
                tallied=tallied,
                counted_rows=rows["counted"],
            )
        )
        cache.delete(_totals_cache_key(petition_id))
    return report


def _rebuild_tallies(petition_id: int) -> None:
    with transaction.atomic():
        _aggregation_lock()
        SignatureTally.objects.filter(petition_id=petition_id).delete()
        Signature.objects.filter(petition_id=petition_id).exclude(status=SignatureStatus.CONFIRMED).update(
            counted=False
        )
        Signature.objects.filter(petition_id=petition_id, status=SignatureStatus.CONFIRMED).update(
            counted=False
        )
    while aggregate_signatures():
        pass


# --- Staff tools ---------------------------------------------------------------------------------------------
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


# The audit log actions (registered with their labels in ``wagtail_hooks``): each entry sits on the petition,
# names who acted and carries ``{"count": <rows changed>}``; never an address or a name.
RELEASE_LOG_ACTION = "petitions.release_quarantined"
INVALIDATE_LOG_ACTION = "petitions.invalidate_signatures"
ERASE_LOG_ACTION = "petitions.erase_signer"


def _audit(*, action: str, user, counts: dict[int, int]) -> None:
    """One audit-log entry per petition touched, inside the caller's transaction: who, and how many rows."""
    petitions = PetitionPage.objects.in_bulk([petition_id for petition_id, count in counts.items() if count])
    for petition_id, petition in petitions.items():
        log(instance=petition, action=action, user=user, data={"count": counts[petition_id]})


def _invalidate(rows, *, user) -> int:
    """Invalidate ``rows`` petition by petition, so that each audit entry has its exact count."""
    with transaction.atomic():
        petition_ids = sorted(set(rows.values_list("petition_id", flat=True).distinct()))
        counts = {
            petition_id: rows.filter(petition_id=petition_id).update(
                status=SignatureStatus.INVALIDATED, token_hash=""
            )
            for petition_id in petition_ids
        }
        _audit(action=INVALIDATE_LOG_ACTION, user=user, counts=counts)
        transaction.on_commit(schedule_aggregation)
    for petition_id in petition_ids:
        cache.delete(_totals_cache_key(petition_id))
    return sum(counts.values())


def invalidate_signatures(*, criteria: Criteria, user=None) -> int:
    """Invalidate every matching signature. Counted ones leave the public count at once (see ``totals_by``).

    ``user`` is the member of staff who asked (``None``: the system); the audit log records them.
    """
    return _invalidate(signatures_matching(criteria), user=user)


def invalidate_quarantined(*, signature_ids: list[int], user=None) -> int:
    """Staff found these quarantined signatures fake: they are invalidated and never counted."""
    return _invalidate(
        Signature.objects.filter(pk__in=signature_ids, status=SignatureStatus.QUARANTINED), user=user
    )


def release_quarantined(*, signature_ids: list[int], user=None) -> int:
    """Staff found these quarantined signatures genuine: they become pending and get a confirmation e-mail."""
    with transaction.atomic():
        rows = list(
            Signature.objects.filter(pk__in=signature_ids, status=SignatureStatus.QUARANTINED).values_list(
                "pk", "petition_id"
            )
        )
        ids = [pk for pk, _petition_id in rows]
        Signature.objects.filter(pk__in=ids).update(status=SignatureStatus.PENDING, quarantine_reason="")
        _audit(action=RELEASE_LOG_ACTION, user=user, counts=Counter(petition_id for _pk, petition_id in rows))
        for pk, email in Signature.objects.filter(pk__in=ids).values_list("pk", "email"):
            owe_confirmation(signature_id=pk, email=email)
    return len(ids)


# --- Privacy -------------------------------------------------------------------------------------------------
def export_signer_data(*, email: str) -> dict:
    """Everything held about one e-mail address, for a subject-access request."""
    canonical = canonical_email(email)
    signatures = Signature.objects.filter(email_canonical=canonical).prefetch_related("update_consents")
    return {
        "email": email,
        "canonical_email": canonical,
        "exported_at": timezone.now().isoformat(),
        "signatures": [
            {
                "petition_id": s.petition_id,
                "name": s.name,
                "email": s.email,
                "province": s.province,
                "show_name": s.show_name,
                "locale": s.locale,
                "source": s.source,
                "status": s.status,
                "signed_at": s.created_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "privacy_notice_version": s.consent_notice_version,
                "consented_at": s.consented_at.isoformat(),
                "ip_address_hash": s.ip_hash,
                "updates_from": [
                    {
                        "organisation": c.partner_id or "organiser",
                        "consented_at": c.consented_at.isoformat(),
                        "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
                    }
                    for c in s.update_consents.all()
                ],
            }
            for s in signatures
        ],
    }


def _anonymise(rows) -> int:
    """Strip personal data from signatures; status, province, source, language and dates stay, so counts do."""
    ids = list(rows.values_list("pk", flat=True))
    touched = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        UpdatesConsent.objects.filter(signature_id__in=chunk).delete()
        # An e-mail still owed to an erased signer would carry the address the erasure removed.
        OutboxMessage.objects.filter(kind=CONFIRMATION_EMAIL, payload__signature_id__in=chunk).delete()
        touched += Signature.objects.filter(pk__in=chunk).update(
            name="",
            email="",
            # Unique per petition still: the address is gone, the row keeps its place.
            email_canonical=Concat(Value("erased:"), Cast("pk", output_field=CharField())),
            show_name=False,
            ip_hash="",
            token_hash="",
            token_expires_at=None,
            anonymised_at=timezone.now(),
        )
    return touched


def erase_signer(*, email: str, user=None) -> int:
    """Erase one person's data. Their signatures stay counted, anonymised.

    The audit log records who erased and how many signatures on each petition, never the address.
    """
    with transaction.atomic():
        rows = Signature.objects.filter(email_canonical=canonical_email(email))
        counts = Counter(rows.values_list("petition_id", flat=True))
        erased = _anonymise(rows)
        _audit(action=ERASE_LOG_ACTION, user=user, counts=counts)
    return erased


def _months_ago(months: int, *, now: datetime.datetime | None = None) -> datetime.datetime:
    now = now or timezone.now()
    year, month = divmod(now.month - 1 - months, 12)
    day = min(now.day, 28)
    return now.replace(year=now.year + year, month=month + 1, day=day)


def _anonymise_in_batches(rows, *, batch_size: int) -> int:
    """Anonymise ``rows`` one batch per transaction; rows already anonymised are skipped, so a run resumes."""
    total = 0
    while True:
        with transaction.atomic():
            batch = list(rows.filter(anonymised_at__isnull=True).values_list("pk", flat=True)[:batch_size])
            if not batch:
                return total
            total += _anonymise(Signature.objects.filter(pk__in=batch))


def anonymise_closed_petitions(
    *, months: int, batch_size: int = 1000, now: datetime.datetime | None = None
) -> int:
    """Anonymise signatures of petitions closed more than ``months`` ago, one batch per transaction.

    Resumable: each batch commits, and already anonymised rows are skipped, so an interrupted run picks up
    where it stopped.
    """
    cutoff = _months_ago(months, now=now)
    closed = PetitionPage.objects.filter(closes_at__lt=cutoff).values("pk")
    return _anonymise_in_batches(Signature.objects.filter(petition__in=closed), batch_size=batch_size)


def anonymise_open_ended_petitions(
    *, months: int, batch_size: int = 1000, now: datetime.datetime | None = None
) -> int:
    """Anonymise signatures of petitions without a close date whose last signature is over ``months`` old.

    Such a petition never closes, so without this its signers' data would be kept for ever. A new signature
    restarts the clock for the petition's signers. Batched and resumable like ``anonymise_closed_petitions``.
    """
    cutoff = _months_ago(months, now=now)
    recently_signed = Signature.objects.filter(created_at__gte=cutoff).values("petition_id")
    dormant = PetitionPage.objects.filter(closes_at__isnull=True).exclude(pk__in=recently_signed).values("pk")
    return _anonymise_in_batches(Signature.objects.filter(petition__in=dormant), batch_size=batch_size)


def drop_ip_hashes(*, days: int, batch_size: int = 1000, now: datetime.datetime | None = None) -> int:
    """Blank the IP address hash of signatures made more than ``days`` days ago, one batch per transaction.

    The hashes serve only to spot abuse while it happens (staff invalidate by address hash). The rate limits
    never read them from the database: they count in the cache, keyed by the live request's hash.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    old = Signature.objects.filter(created_at__lt=cutoff).exclude(ip_hash="")
    total = 0
    while True:
        with transaction.atomic():
            batch = list(old.values_list("pk", flat=True)[:batch_size])
            if not batch:
                return total
            total += Signature.objects.filter(pk__in=batch).update(ip_hash="")


def withdraw_update_consents(*, signature_id: int) -> int:
    return UpdatesConsent.objects.filter(signature_id=signature_id, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


# --- Reading for pages -----------------------------------------------------------------------------------------
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


CONTENT_CACHE_SECONDS = 60


def petition_content(petition: PetitionPage, request=None) -> dict:
    """What a petition page shows that changes only when editors act: targets, co-sponsors, timeline,
    co-signing organisations. Cached per published revision and language, so a viral petition's page
    costs Wagtail's own queries plus the live count."""
    language = petition.locale_id
    key = f"petitions:content:{petition.pk}:{petition.live_revision_id}:{language}"
    content = cache.get(key)
    if content is None:
        content = {
            "targets": [str(target) for target in petition.localized_targets()],
            "co_sponsors": [
                {"pk": partner.pk, "title": partner.title, "url": partner.get_url(request)}
                for partner in petition.localized_co_sponsors()
            ],
            "timeline": [
                {
                    "date": entry.date,
                    "kind": entry.kind,
                    "label": entry.get_kind_display(),
                    "text": entry.text,
                }
                for entry in petition.updates.all().order_by("-date", "sort_order")
            ],
            "organisations": [
                {"name": cosignature.partner.title, "statement": cosignature.statement}
                for cosignature in approved_cosignatures(petition.count_id)
            ],
        }
        cache.set(key, content, CONTENT_CACHE_SECONDS)
    return content


def petition_page_context(*, petition: PetitionPage, request) -> dict:
    """What the petition page shows: count, goal, timeline, targets, partners, recent signers, the form."""
    from .templatetags.petitions_tags import petition_sign_context

    sign = petition_sign_context(petition, request)
    content = petition_content(petition, request)
    return {
        **content,
        "sign": sign,
        "page_url": sign["page_url"],
        "recent_signers": recent_signers(petition.count_id),
        "can_cosign": _can_cosign(request),
    }


def approved_cosignatures(petition_id: int) -> list:
    from .models import CoSignatureStatus, OrganisationCoSignature

    return list(
        OrganisationCoSignature.objects.filter(petition_id=petition_id, status=CoSignatureStatus.APPROVED)
        .select_related("partner")
        .order_by("decided_at")
    )


def _can_cosign(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return getattr(user, "partner_representative", None) is not None


def cosign_petition(*, petition_id: int, partner, user, statement: str):
    """Record an organisation's co-signature, waiting for staff approval. Signing again updates the statement."""
    from .models import CoSignatureStatus, OrganisationCoSignature

    cosignature, _created = OrganisationCoSignature.objects.update_or_create(
        petition_id=canonical_petition_id(petition_id),
        partner=partner,
        defaults={"statement": statement, "submitted_by": user, "status": CoSignatureStatus.PENDING},
    )
    return cosignature


def decide_cosignature(*, cosignature_id: int, approve: bool) -> None:
    """Approve or reject a co-signature. The petition page shows the change within a minute (content cache)."""
    from .models import CoSignatureStatus, OrganisationCoSignature

    OrganisationCoSignature.objects.filter(pk=cosignature_id).update(
        status=CoSignatureStatus.APPROVED if approve else CoSignatureStatus.REJECTED,
        decided_at=timezone.now(),
    )


# --- Exports -------------------------------------------------------------------------------------------------
def export_signatures_csv(*, petition: PetitionPage, statuses: list[str] | None = None) -> Iterator[str]:
    """A petition's confirmed signatures as CSV text chunks, for staff to download.

    No e-mail addresses or IP hashes. The exporter lives in ``petitions.exports``; this is its service entry.
    """
    from .exports import export_signatures_csv as stream

    return stream(petition=petition, statuses=statuses)
