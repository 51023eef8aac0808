"""The outbox: every e-mail the site owes is a row, stored with what caused it, sent at least once and,
with the send recorded, not twice.

Two ways in:

- ``enqueue_email(message=..., kind=...)`` stores a rendered message (invitations, password resets, staff
  notices). Its body is wiped once it is sent.
- ``enqueue(kind=..., recipient=..., payload=...)`` stores only what is needed to render the message at send
  time, by a renderer an app registers with ``@outbox.renderer(kind)`` in its ``tasks.py`` (a message it
  returns without ``to`` goes to the row's recipient). The confirmation
  e-mail is rendered this way, so its single-use token never sits in the database in clear.

Delivery (``deliver``) claims a batch with an owner and a lease, opens one mail connection, and records each
send as it happens. A connection that cannot be opened releases the whole claim with a back-off; a message
the server refuses backs off on its own; a run that dies leaves a lease that runs out, and the next run
(after commit, or the scheduler's minute sweep) takes the rows over.

Between a send and its record there is a gap: the database can go away just then (an outage, a failover), and
the run that takes the row over would send it again. So each send is first written to the cache, a different
service (``_journal_sent``), and a batch records as sent, without sending, whatever the journal already holds.
An entry is dropped once its record lands, one round trip a batch, so the journal holds only the unrecorded.
Only the database and the cache failing in the same instant can still send one message twice.
"""

import base64
import contextlib
import datetime
import logging
import os
import random
import smtplib
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from . import tasks  # the task module imports this one back; its task is read only when called
from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
LEASE = datetime.timedelta(seconds=30)  # renewed while a batch is being sent, so only a dead run loses it
FIRST_RETRY_SECONDS = 5
MAX_RETRY_SECONDS = 15 * 60
MAX_ATTEMPTS = 20  # about two days of back-off before a message is given up and shown to staff
KEEP_SENT = datetime.timedelta(days=30)
JOURNAL_SECONDS = 7 * 24 * 3600  # long enough for any outage of the database to end; dropped once recorded
RENDERED = "rendered"
# The connection itself failed (not one message): everything not yet sent in the batch goes back.
CONNECTION_LOST = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, socket.timeout)

Renderer = Callable[[dict], EmailMessage | None]
_renderers: dict[str, Renderer] = {}
_discovered = False


def renderer(kind: str) -> Callable[[Renderer], Renderer]:
    """Register how to render an outbox message of ``kind`` at send time; return None if it is no longer owed."""

    def register(function: Renderer) -> Renderer:
        _renderers[kind] = function
        return function

    return register


def _renderer_for(kind: str) -> Renderer | None:
    global _discovered
    if kind not in _renderers and not _discovered:
        autodiscover_modules("tasks")
        _discovered = True
    return _renderers.get(kind)


# --- Queueing ------------------------------------------------------------------------------------------------
def enqueue(*, kind: str, recipient: str, payload: dict) -> OutboxMessage:
    """Owe one e-mail. Call inside the transaction that makes it owed; delivery is scheduled after commit."""
    message = OutboxMessage.objects.create(
        kind=kind, recipient=recipient[:254], payload=payload, next_attempt_at=timezone.now()
    )
    transaction.on_commit(schedule_delivery)
    return message


def enqueue_email(*, message: EmailMessage, kind: str = RENDERED) -> OutboxMessage:
    """Owe an already rendered e-mail (subject, text body, an optional HTML alternative, headers)."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):  # a ready-made MIME part: send as is, now, rather than lose it
            raise TypeError("The outbox stores (filename, content, mimetype) attachments only.")
        filename, content, mimetype = attachment
        data = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(data).decode(), mimetype])
    payload = {
        "rendered": True,
        "attachments": attachments,
        "subject": str(message.subject),
        "body": str(message.body),
        "html": str(html),
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
    }
    return enqueue(kind=kind, recipient=", ".join(message.recipients())[:254], payload=payload)


def _rendered(payload: dict) -> EmailMessage:
    message = EmailMultiAlternatives(
        payload["subject"],
        payload["body"],
        payload["from_email"],
        payload["to"],
        cc=payload.get("cc") or None,
        bcc=payload.get("bcc") or None,
        reply_to=payload.get("reply_to") or None,
        headers=payload.get("headers") or None,
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    for filename, data, mimetype in payload.get("attachments", []):
        message.attach(filename, base64.b64decode(data), mimetype)
    return message


class OutboxBackend(BaseEmailBackend):
    """``EMAIL_BACKEND`` for the site: whatever calls ``send_mail`` (Wagtail's moderation notices, Django's
    password reset, our own code) owes the message in the outbox instead of sending it in the request. The
    worker sends it with ``EMAIL_DELIVERY_BACKEND``, retrying until it is through."""

    def send_messages(self, email_messages) -> int:
        owed = 0
        for message in email_messages:
            if message.recipients():
                enqueue_email(message=message, kind="site")
                owed += 1
        return owed


def schedule_delivery(*, at: datetime.datetime | None = None) -> None:
    """Ask the worker to deliver soon. Debounced: a surge of signers costs one task a second, not one each.

    Never raises: the row is stored, and the scheduler's sweep delivers it if this enqueue is lost.
    """
    task = tasks.deliver_outbox
    try:
        if not task.get_backend().supports_defer:
            if at is None:  # an in-process backend (tests): deliver now; a later retry waits for the sweep
                task.enqueue()
            return
        at = at or timezone.now() + datetime.timedelta(seconds=1)
        if not cache.add(f"outbox:scheduled:{int(at.timestamp())}", 1, 120):
            return
        task.using(run_after=at).enqueue()
    except Exception:  # the message is stored; the sweep will find it
        logger.warning(
            "Could not schedule outbox delivery; the scheduler's sweep will send it", exc_info=True
        )


# --- Delivery ------------------------------------------------------------------------------------------------
def new_owner() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def backoff(attempts: int) -> datetime.timedelta:
    """5 s, 10 s, 20 s ... up to 15 minutes, with a little jitter so retries do not arrive together."""
    seconds = min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_RETRY_SECONDS)
    return datetime.timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311


def claim(
    *, owner: str, limit: int = BATCH_SIZE, now: datetime.datetime | None = None
) -> list[OutboxMessage]:
    """Claim up to ``limit`` due messages for ``owner`` until the lease ends; taken over when it runs out."""
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            OutboxMessage.objects.claimable(now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        # Conditional: a row another owner claimed in between stays theirs.
        OutboxMessage.objects.claimable(now).filter(pk__in=ids).update(
            claimed_by=owner, lease_until=now + LEASE
        )
    return list(
        OutboxMessage.objects.filter(pk__in=ids, claimed_by=owner, status=OutboxStatus.OWED).order_by(
            "next_attempt_at", "pk"
        )
    )


def _renew(*, owner: str) -> None:
    OutboxMessage.objects.filter(claimed_by=owner, status=OutboxStatus.OWED).update(
        lease_until=timezone.now() + LEASE
    )


def schedule_takeover() -> None:
    """A worker starting up: deliver again as soon as the claims of a run that died run out."""
    expiry = (
        OutboxMessage.objects.owed().filter(lease_until__isnull=False).aggregate(at=Min("lease_until"))["at"]
    )
    if expiry is not None:
        schedule_delivery(at=max(expiry, timezone.now()) + datetime.timedelta(seconds=1))


def _short(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]


def _release_all(*, owner: str, messages: list[OutboxMessage], error: BaseException) -> None:
    """The connection failed: nothing in the claim was sent. Give every row back with a back-off."""
    now = timezone.now()
    for message in messages:
        attempts = message.attempts + 1
        OutboxMessage.objects.filter(pk=message.pk, claimed_by=owner, status=OutboxStatus.OWED).update(
            claimed_by="",
            lease_until=None,
            attempts=attempts,
            next_attempt_at=now + backoff(attempts),
            last_error=_short(error),
        )


def _record_failure(*, owner: str, message: OutboxMessage, error: BaseException) -> None:
    attempts = message.attempts + 1
    gave_up = attempts >= MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message.pk, claimed_by=owner, status=OutboxStatus.OWED).update(
        claimed_by="",
        lease_until=None,
        attempts=attempts,
        next_attempt_at=timezone.now() + backoff(attempts),
        last_error=_short(error),
        status=OutboxStatus.FAILED if gave_up else OutboxStatus.OWED,
    )
    log = logger.error if gave_up else logger.warning
    log("Outbox message %s (%s) not sent, attempt %s: %s", message.pk, message.kind, attempts, _short(error))


def _record_sent(*, owner: str, message: OutboxMessage) -> None:
    payload = {"rendered": True} if message.payload.get("rendered") else message.payload
    OutboxMessage.objects.filter(pk=message.pk, claimed_by=owner).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), lease_until=None, payload=payload, last_error=""
    )


def _journal_key(message: OutboxMessage) -> str:
    # The creation time as well as the id: an id can come round again (SQLite after a rollback, a restored dump).
    return f"outbox:sent:{message.pk}:{message.created_at.timestamp():.6f}"


def _journal_sent(message: OutboxMessage) -> None:
    """Note a send outside the database, before recording it there: if that record is lost, so is not the send."""
    try:
        cache.set(_journal_key(message), 1, JOURNAL_SECONDS)
    except Exception:  # noqa: BLE001  (the cache down: the database record below is still the main one)
        logger.warning("Could not journal outbox message %s as sent", message.pk, exc_info=True)


def _journalled(messages: list[OutboxMessage]) -> set[int]:
    """The messages of a claim that an earlier run sent but could not record (the database went away)."""
    keys = {_journal_key(message): message.pk for message in messages}
    try:
        found = cache.get_many(list(keys))
    except Exception:  # noqa: BLE001  (the cache down: send as if nothing were journalled)
        logger.warning("Could not read the outbox journal", exc_info=True)
        return set()
    return {keys[key] for key in found}


def _forget_journalled(messages: list[OutboxMessage]) -> None:
    """Their sends are recorded in the database now: the journal need not hold them any longer."""
    if messages:
        with contextlib.suppress(Exception):  # the cache down: the entries run out on their own
            cache.delete_many([_journal_key(message) for message in messages])


def _cancel(*, owner: str, message: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=message.pk, claimed_by=owner).update(
        status=OutboxStatus.CANCELLED, lease_until=None
    )


def _render(message: OutboxMessage) -> EmailMessage | None:
    if message.payload.get("rendered"):
        return _rendered(message.payload)
    render = _renderer_for(message.kind)
    if render is None:
        raise LookupError(f"No outbox renderer for {message.kind!r}")
    email = render(message.payload)
    if email is not None and not email.to:  # a renderer may leave the address to the row
        email.to = [message.recipient]
    return email


def deliver_batch(*, owner: str) -> tuple[int, int]:
    """Claim one batch and send it over one connection. Returns (claimed, sent)."""
    messages = claim(owner=owner)
    if not messages:
        return 0, 0
    recorded: list[OutboxMessage] = []  # sent and recorded: their journal entries go at the end of the batch
    try:
        return _send_batch(owner=owner, messages=messages, recorded=recorded)
    finally:
        _forget_journalled(recorded)


def _send_batch(
    *, owner: str, messages: list[OutboxMessage], recorded: list[OutboxMessage]
) -> tuple[int, int]:
    already_sent = _journalled(messages)
    for message in messages:
        if message.pk in already_sent:
            logger.info("Outbox message %s was sent before its record was lost; recording it", message.pk)
            _record_sent(owner=owner, message=message)
            recorded.append(message)
    claimed = len(messages)
    messages = [message for message in messages if message.pk not in already_sent]
    if not messages:
        return claimed, len(already_sent)
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        connection.open()
    except Exception as error:  # noqa: BLE001  (any failure to connect: refused, DNS, TLS, auth)
        logger.warning(
            "Mail server unavailable; %s messages will be retried: %s", len(messages), _short(error)
        )
        _release_all(owner=owner, messages=messages, error=error)
        return claimed, len(already_sent)
    sent = len(already_sent)
    renewed = time.monotonic()
    try:
        for message in messages:
            if time.monotonic() - renewed > LEASE.total_seconds() / 3:  # a slow server: keep the claim alive
                _renew(owner=owner)
                renewed = time.monotonic()
            try:
                email = _render(message)
                if email is None:
                    _cancel(owner=owner, message=message)
                    continue
                email.connection = connection
                email.send(fail_silently=False)
                _journal_sent(message)
            except CONNECTION_LOST as error:
                # The connection broke mid-batch: give back everything not yet sent.
                remaining = messages[messages.index(message) :]
                logger.warning("Mail connection lost; %s messages will be retried", len(remaining))
                _release_all(owner=owner, messages=remaining, error=error)
                break
            except Exception as error:  # noqa: BLE001  (one refused address must not strand the rest)
                _record_failure(owner=owner, message=message, error=error)
            else:
                _record_sent(owner=owner, message=message)
                recorded.append(message)
                sent += 1
    finally:
        with contextlib.suppress(Exception):  # closing a broken connection must not lose the records above
            connection.close()
    return claimed, sent


def deliver(*, owner: str | None = None, max_batches: int = 50) -> int:
    """Send everything due now, batch after batch; schedule the next run for whatever is backing off."""
    owner = owner or new_owner()
    sent = 0
    for _ in range(max_batches):
        claimed, batch_sent = deliver_batch(owner=owner)
        sent += batch_sent
        if claimed == 0 or (batch_sent == 0 and claimed):
            break
    upcoming = OutboxMessage.objects.owed().aggregate(next=Min("next_attempt_at"))["next"]
    if upcoming is not None:
        schedule_delivery(at=max(upcoming, timezone.now() + datetime.timedelta(seconds=1)))
    return sent


def prune_sent(*, now: datetime.datetime | None = None) -> int:
    """Forget sent and cancelled messages after a month: the recipient's address is personal data."""
    cutoff = (now or timezone.now()) - KEEP_SENT
    deleted, _ = OutboxMessage.objects.filter(
        status__in=[OutboxStatus.SENT, OutboxStatus.CANCELLED], created_at__lt=cutoff
    ).delete()
    return deleted


def forget_recipient(*, email: str) -> int:
    """Erasure: drop every message to this address (whatever was still owed is no longer wanted)."""
    deleted, _ = OutboxMessage.objects.filter(recipient__iexact=email.strip()).delete()
    return deleted


# --- What staff and /healthz see -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Backlog:
    owed: int
    oldest: datetime.datetime | None
    failing: int
    last_error: str

    @property
    def age_seconds(self) -> int:
        return int((timezone.now() - self.oldest).total_seconds()) if self.oldest else 0


def backlog() -> Backlog:
    owed = OutboxMessage.objects.owed()
    summary = owed.aggregate(oldest=Min("created_at"))
    latest_error = (
        OutboxMessage.objects.exclude(last_error="")
        .exclude(status__in=[OutboxStatus.SENT, OutboxStatus.CANCELLED])
        .order_by("-next_attempt_at")
        .values_list("last_error", flat=True)
        .first()
    )
    return Backlog(
        owed=owed.count(),
        oldest=summary["oldest"],
        failing=OutboxMessage.objects.filter(status=OutboxStatus.FAILED).count()
        + owed.filter(attempts__gt=0).count(),
        last_error=latest_error or "",
    )


def retry_failed(*, message_ids: list[int]) -> int:
    """Staff: try messages that were given up once more, now."""
    updated = OutboxMessage.objects.filter(pk__in=message_ids, status=OutboxStatus.FAILED).update(
        status=OutboxStatus.OWED, attempts=0, next_attempt_at=timezone.now(), claimed_by="", lease_until=None
    )
    if updated:
        transaction.on_commit(schedule_delivery)
    return updated
