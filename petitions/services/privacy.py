"""The signers' privacy rights and the retention rules: export, erasure, anonymisation, consent withdrawal."""

import datetime
from collections import Counter
from collections.abc import Collection

from django.db import transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from site_project.models import OutboxMessage

from ..identity import canonical_email
from ..models import PetitionPage, Signature, UpdatesConsent
from . import audit
from .signing import CONFIRMATION_EMAIL


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
        audit.record(action=audit.ERASE_LOG_ACTION, user=user, counts=counts)
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


def withdraw_update_consents(
    *, signature_id: int, organiser: bool = True, partner_ids: Collection[int] | None = None
) -> int:
    """Stop one signer's news: from the organiser if ``organiser``, and from the partners in ``partner_ids``
    (every partner if None). Everything by default, as the unsubscribe link always did.

    Honoured at once: the co-sponsors' next download (``advocacy.reach``) leaves out a withdrawn consent. The
    rows stay, with the time of withdrawal, as the record of what the signer agreed to and when it ended.
    Idempotent: a consent withdrawn before keeps its first withdrawal time. Returns how many it withdrew now.
    """
    whom = Q(partner__isnull=False) if partner_ids is None else Q(partner_id__in=list(partner_ids))
    if organiser:
        whom |= Q(partner__isnull=True)
    return UpdatesConsent.objects.filter(whom, signature_id=signature_id, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
