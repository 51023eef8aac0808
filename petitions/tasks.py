"""Background work: the confirmation e-mail the outbox sends, and the aggregator that keeps the tallies current."""

import datetime
import logging
import time
from email.utils import formataddr, parseaddr
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from site_project import outbox
from site_project.pagecache import content_version

from . import services
from .models import PetitionPage, Signature, SignatureStatus
from .services.signing import CONFIRMATION_EMAIL  # the package may still be importing this module

UNSUBSCRIBE_SALT = "petitions.unsubscribe"
logger = logging.getLogger(__name__)
MAX_IMMEDIATE_ROUNDS = 50


def unsubscribe_token(signature_id: int) -> str:
    return signing.dumps(signature_id, salt=UNSUBSCRIBE_SALT)


def neutral_sender() -> str:
    """For sensitive petitions: a sender that says nothing about the cause to someone reading over a shoulder."""
    configured = getattr(settings, "PETITION_NEUTRAL_FROM_EMAIL", "")
    return configured or formataddr(
        (str(translation.gettext("Notifications")), parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
    )


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class PetitionNamed(NamedTuple):
    """What the confirmation e-mail says of the petition."""

    title: str
    is_sensitive: bool


NAMED_SECONDS = 2.0
NAMED_MAX_ENTRIES = 1000
_named: dict[tuple[int, str], tuple[str, float, PetitionNamed]] = {}


def _petition_for(signature: Signature) -> PetitionNamed:
    """The petition in the language the person signed in, or its original.

    A surge's e-mails are nearly all for one petition: what one query found is used again for
    ``NAMED_SECONDS`` while the content version holds (an editor's publish in this process ends it at once).
    Loading two whole pages for every e-mail cost the worker more than the rest of the e-mail.
    """
    key = (signature.petition_id, signature.locale)
    version = content_version()
    kept = _named.get(key)
    if kept is not None and kept[0] == version and time.monotonic() - kept[1] < NAMED_SECONDS:
        return kept[2]
    rows = PetitionPage.objects.filter(
        Q(pk=signature.petition_id)
        | Q(
            translation_key__in=PetitionPage.objects.filter(pk=signature.petition_id).values(
                "translation_key"
            ),
            locale__language_code=signature.locale,
        )
    ).order_by("pk")
    found = list(rows.values_list("pk", "locale__language_code", "title", "is_sensitive"))
    chosen = next((row for row in found if row[1] == signature.locale), None) or next(
        (row for row in found if row[0] == signature.petition_id), None
    )
    if chosen is None:
        raise PetitionPage.DoesNotExist(f"No petition {signature.petition_id}")
    named = PetitionNamed(title=chosen[2], is_sensitive=chosen[3])
    if len(_named) > NAMED_MAX_ENTRIES:
        _named.clear()
    _named[key] = (version, time.monotonic(), named)
    return named


def confirmation_message(signature: Signature, token: str, petition: PetitionNamed) -> EmailMultiAlternatives:
    """The confirmation e-mail, in the language the person signed in."""
    language = signature.locale if signature.locale in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "name": signature.name,
            "petition_title": petition.title,
            "sensitive": petition.is_sensitive,
            "confirm_url": _absolute(reverse("petitions:confirm", args=[token])),
            "unsubscribe_url": _absolute(
                reverse("petitions:unsubscribe", args=[unsubscribe_token(signature.pk)])
            ),
            "expires_hours": settings.PETITION_CONFIRMATION_HOURS,
        }
        subject = " ".join(render_to_string("emails/petitions/confirm_subject.txt", context).split())
        body = render_to_string("emails/petitions/confirm_body.txt", context)
        sender = neutral_sender() if petition.is_sensitive else settings.DEFAULT_FROM_EMAIL
        message = EmailMultiAlternatives(subject, body, sender, [signature.email])
        message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
    return message


@outbox.renderer(CONFIRMATION_EMAIL)
def render_confirmation(payload: dict) -> EmailMultiAlternatives | None:
    """The confirmation e-mail with a fresh single-use link, or None if the signer no longer needs one."""
    signature = Signature.objects.filter(
        pk=payload.get("signature_id"), status=SignatureStatus.PENDING
    ).first()
    if signature is None:
        return None
    token = services.issue_confirmation_token(signature_id=signature.pk)
    if token is None:
        return None
    return confirmation_message(signature, token, _petition_for(signature))


@task()
def aggregate_signatures_task() -> int:
    """Fold confirmations into the tallies; run again while any remain so a surge's tail is never stranded."""
    moved = services.aggregate_signatures()
    backend = aggregate_signatures_task.get_backend()
    if not backend.supports_defer:
        # In-process backends (tests, small deployments): finish the work now.
        rounds = 0
        while services.pending_aggregation() and rounds < MAX_IMMEDIATE_ROUNDS:
            moved += services.aggregate_signatures()
            rounds += 1
        return moved
    if services.pending_aggregation():
        later = timezone.now() + datetime.timedelta(seconds=services.AGGREGATE_DEBOUNCE_SECONDS)
        aggregate_signatures_task.using(run_after=later).enqueue()
    return moved
