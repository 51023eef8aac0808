"""Signing: store a signature, pending its e-mail confirmation, and owe the signer that e-mail."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from site_project import outbox
from site_project.models import OutboxMessage

from .. import abuse
from ..identity import canonical_email, clean_source
from ..models import PetitionPage, Signature, SignatureStatus, UpdatesConsent

CONFIRMATION_EMAIL = "petitions.confirmation"
RESEND_COOLDOWN_SECONDS = 10 * 60


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
