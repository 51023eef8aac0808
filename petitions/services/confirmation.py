"""Confirmation: the single-use link a signer follows to make their signature count."""

import datetime
import functools
import hashlib
import re
import secrets
from enum import Enum

from django.conf import settings
from django.db import connection, transaction
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
    if connection.features.can_return_columns_from_insert:  # SQLite ≥ 3.35 and PostgreSQL: UPDATE … RETURNING
        signature = _confirm_returning(digest=token_digest(token), now=now)
        if signature is not None:
            transaction.on_commit(schedule_aggregation)  # at once, unless a caller's transaction is open
            return TokenState.CONFIRMED, signature
        return token_state(token=token)  # why not: already used, expired or unknown
    updated = Signature.objects.filter(
        token_hash=token_digest(token), status=SignatureStatus.PENDING, token_expires_at__gt=now
    ).update(status=SignatureStatus.CONFIRMED, confirmed_at=now)
    if updated:
        transaction.on_commit(schedule_aggregation)
    state, signature = token_state(token=token)
    if updated:
        return TokenState.CONFIRMED, signature
    return state, signature


# What the confirming view needs of the signature, read back by the UPDATE itself (the rest loads if asked),
# in the model's field order, as ``Model.from_db`` takes them.
_RETURNED = [
    field.attname
    for field in Signature._meta.concrete_fields
    if field.attname in {"id", "petition_id", "locale"}
]


@functools.cache
def _confirm_sql(vendor: str) -> str:
    """The confirming statement, written once per database engine (``vendor``) rather than on every post."""
    quote = connection.ops.quote_name
    column = {field.attname: quote(field.column) for field in Signature._meta.concrete_fields}
    return f"""
        UPDATE {quote(Signature._meta.db_table)} SET {column["status"]} = %s, {column["confirmed_at"]} = %s
        WHERE {column["token_hash"]} = %s AND {column["status"]} = %s AND {column["token_expires_at"]} > %s
        RETURNING {", ".join(column[name] for name in _RETURNED)}
    """  # noqa: S608  (names come from the model, values are parameters)


def _confirm_returning(*, digest: str, now) -> Signature | None:
    """The confirmation as one statement that also says which signature it confirmed: the busiest write after
    signing, so no second query to read the petition back and no ORM compiling the UPDATE (a third of its CPU)."""
    stamp = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        confirmed, pending = SignatureStatus.CONFIRMED.value, SignatureStatus.PENDING.value
        cursor.execute(_confirm_sql(connection.vendor), [confirmed, stamp, digest, pending, stamp])
        row = cursor.fetchone()
    if row is None:
        return None
    signature = Signature.from_db(connection.alias, _RETURNED, row)
    signature.status, signature.confirmed_at = SignatureStatus.CONFIRMED, now
    return signature
