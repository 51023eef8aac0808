"""Representatives' accounts: who a signed-in user represents, invitations, and password reset links."""

import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from site_project import outbox

from ..models import Invitation, PartnerPage, Representative, hash_token

logger = logging.getLogger(__name__)


def representative_for(user) -> Representative | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Representative.objects.select_related("partner").filter(user=user).first()


# --- Invitations ----------------------------------------------------------------------------------------------


INVITATION_EMAIL = "partners.invitation"


def translated_name(partner: PartnerPage, language: str) -> str:
    """The organisation's name in ``language``, or in its own language when it has no such translation."""
    translated = PartnerPage.objects.filter(
        translation_key=partner.translation_key, locale__language_code=language
    ).first()
    return (translated or partner).title


def _known_language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@transaction.atomic
def invite_representative(*, email: str, partner: PartnerPage, language: str, invited_by=None) -> Invitation:
    invitation = Invitation.objects.create(
        email=email, partner=partner, language=language, invited_by=invited_by
    )
    return send_invitation(invitation=invitation)


@transaction.atomic
def send_invitation(*, invitation: Invitation) -> Invitation:
    """E-mail ``invitation`` through the outbox and revoke every older link to the same person for the same
    organisation (any translation of it): only the newest e-mail works, an older link answers 410."""
    Invitation.objects.filter(
        email__iexact=invitation.email,
        partner__translation_key=invitation.partner.translation_key,
        accepted_at=None,
        revoked_at=None,
    ).exclude(pk=invitation.pk).update(revoked_at=timezone.now())
    token = issue_invitation_token(invitation=invitation)
    language = _known_language(invitation.language)
    with translation.override(language):
        path = reverse("partners:accept_invitation", kwargs={"invitation_id": invitation.pk, "token": token})
        context = {
            "partner_name": translated_name(invitation.partner, language),
            "accept_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "valid_days": Invitation.VALID_FOR.days,
        }
        subject = " ".join(render_to_string("emails/partners/invitation_subject.txt", context).split())
        body = render_to_string("emails/partners/invitation_body.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    outbox.enqueue_email(message=message, kind=INVITATION_EMAIL)
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, invited_by) -> Invitation:
    """A new invitation to the same person, for the same organisation, in the same language; the old link
    stops working. An invitation already accepted is not sent again."""
    invitation = Invitation.objects.select_for_update().select_related("partner").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid
    return invite_representative(
        email=invitation.email,
        partner=invitation.partner,
        language=invitation.language,
        invited_by=invited_by,
    )


def issue_invitation_token(*, invitation: Invitation) -> str:
    """Make a fresh token for ``invitation``, store only its hash, and return it for the e-mail."""
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    return token


class InvitationInvalid(Exception):
    pass


class InvitationRevoked(InvitationInvalid):
    """The link is genuine but a newer invitation to the same person replaced it."""


def find_invitation(*, invitation_id: int, token: str) -> Invitation:
    invitation = Invitation.objects.select_related("partner").filter(pk=invitation_id).first()
    if invitation is None or not invitation.matches(token):
        raise InvitationInvalid
    if invitation.revoked_at is not None and invitation.accepted_at is None:
        raise InvitationRevoked
    if not invitation.is_usable:
        raise InvitationInvalid
    return invitation


@transaction.atomic
def accept_invitation(*, invitation_id: int, token: str, password: str):
    """Create the representative's account from a valid invitation. The token works once."""
    invitation = find_invitation(invitation_id=invitation_id, token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid
    User = get_user_model()
    user = User.objects.filter(username__iexact=invitation.email).first()
    if user is None:
        user = User(username=invitation.email, email=invitation.email)
    elif user.is_staff or user.is_superuser or hasattr(user, "partner_representative"):
        # Staff keep their admin accounts; a representative belongs to one organisation only.
        raise InvitationInvalid
    user.is_staff = False
    user.set_password(password)
    user.save()
    Representative.objects.create(
        user=user, partner=invitation.partner, preferred_language=invitation.language
    )
    invitation.accepted_at = timezone.now()
    invitation.token_hash = ""
    invitation.save(update_fields=["accepted_at", "token_hash"])
    return user


# --- Password reset -----------------------------------------------------------------------------------------------

RESET_LINK_EMAIL = "partners.password_reset"
PASSWORD_RESET_EMAILS_PER_ADDRESS = 3  # an hour: enough for a person, too few to flood someone's inbox


def _within_limit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one more request under ``key``; False once ``limit`` is passed within ``seconds``.

    The count lives in the shared cache. If the cache cannot be reached the request is let through: a reset
    link is owed to its owner more than a limit is owed to anyone.
    """
    try:
        if cache.add(key, 1, seconds):
            return True
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr
        return True
    except Exception:  # noqa: BLE001  (any cache backend's outage)
        logger.warning("Password-reset rate limit skipped: the cache is unavailable", exc_info=False)
        return True


def allow_password_reset_request(*, ip: str) -> bool:
    """Whether this address may ask for another reset link (PASSWORD_RESET_RATE_LIMIT, e.g. 5/3600)."""
    count, _, seconds = settings.PASSWORD_RESET_RATE_LIMIT.partition("/")
    return _within_limit(f"partners:pwreset:ip:{ip}", limit=int(count), seconds=int(seconds or 3600))


def _reset_email(*, user, representative: Representative) -> EmailMessage:
    language = _known_language(representative.preferred_language)
    with translation.override(language):
        path = reverse(
            "partners:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "reset_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "username": user.get_username(),
            "partner_name": translated_name(representative.partner, language),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = " ".join(render_to_string("emails/partners/password_reset_subject.txt", context).split())
        body = render_to_string("emails/partners/password_reset_body.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def request_password_reset(*, email: str) -> int:
    """Owe a reset link to each active representative with this e-mail, in their language. Returns how many.

    The caller answers the same whatever this returns, so no one learns which addresses have accounts. Staff
    reset their passwords in the admin; an address gets at most a few links an hour.
    """
    email = email.strip()
    digest = hashlib.sha256(email.lower().encode()).hexdigest()
    if not _within_limit(
        f"partners:pwreset:email:{digest}", limit=PASSWORD_RESET_EMAILS_PER_ADDRESS, seconds=3600
    ):
        return 0
    representatives = Representative.objects.select_related("user", "partner").filter(
        user__email__iexact=email, user__is_active=True, user__is_staff=False, user__is_superuser=False
    )
    sent = 0
    for representative in representatives:
        user = representative.user
        if not user.has_usable_password():
            continue
        outbox.enqueue_email(
            message=_reset_email(user=user, representative=representative), kind=RESET_LINK_EMAIL
        )
        sent += 1
    return sent


def password_reset_done(*, user) -> None:
    """A new password was set through an e-mailed link: whoever did it reads that mailbox, so a sign-in lock
    on the account is lifted (a lock on the address that failed stays)."""
    from axes.utils import reset

    reset(username=user.get_username().strip().lower())
