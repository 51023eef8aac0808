"""Confirmation: the single-use link a signer follows to make their signature count."""

import datetime
import hashlib
import re
import secrets
from enum import Enum

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Signature, SignatureStatus
from .counting import schedule_aggregation


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
    # One conditional UPDATE, in a transaction of its own (no BEGIN and COMMIT around it): nothing else is
    # written with it, and two posts of one link confirm it once.
    updated = Signature.objects.filter(
        token_hash=token_digest(token), status=SignatureStatus.PENDING, token_expires_at__gt=now
    ).update(status=SignatureStatus.CONFIRMED, confirmed_at=now)
    if updated:
        transaction.on_commit(schedule_aggregation)  # at once, unless a caller's transaction is open
    state, signature = token_state(token=token)
    if updated:
        return TokenState.CONFIRMED, signature
    return state, signature
