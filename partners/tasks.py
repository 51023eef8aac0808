"""Background work: invitation e-mails and the daily renewal reminders, in each recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from . import services
from .models import Invitation, PartnerPage


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _partner_name(partner: PartnerPage, language: str) -> str:
    translated = PartnerPage.objects.filter(
        translation_key=partner.translation_key, locale__language_code=language
    ).first()
    return (translated or partner).title


def _send(*, template: str, context: dict, to: str) -> None:
    subject = " ".join(render_to_string(f"emails/partners/{template}_subject.txt", context).split())
    body = render_to_string(f"emails/partners/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@task()
def send_invitation(*, invitation_id: int) -> bool:
    """E-mail a single-use link to set a password and become the organisation's representative."""
    invitation = (
        Invitation.objects.select_related("partner").filter(pk=invitation_id, accepted_at=None).first()
    )
    if invitation is None:
        return False
    token = services.issue_invitation_token(invitation=invitation)
    language = _language(invitation.language)
    with translation.override(language):
        path = reverse("partners:accept_invitation", kwargs={"invitation_id": invitation.pk, "token": token})
        context = {
            "partner_name": _partner_name(invitation.partner, language),
            "accept_url": _absolute(path),
            "valid_days": Invitation.VALID_FOR.days,
        }
        _send(template="invitation", context=context, to=invitation.email)
    return True


@task()
def send_renewal_reminders() -> int:
    """E-mail the representatives of active members whose renewal is 30 days away or closer, once per renewal.

    Queued daily by ``manage.py send_renewal_reminders`` (cron or a systemd timer); safe to run more often.
    """
    sent = 0
    for partner in services.partners_due_for_reminder().prefetch_related("representatives__user"):
        if not services.record_reminder(partner=partner):
            continue
        for representative in partner.representatives.all():
            if not representative.user.is_active or not representative.user.email:
                continue
            language = _language(representative.preferred_language)
            with translation.override(language):
                context = {
                    "partner_name": _partner_name(partner, language),
                    "renewal_due_on": partner.renewal_due_on,
                    "account_url": _absolute(reverse("partners:dashboard")),
                }
                _send(template="renewal_reminder", context=context, to=representative.user.email)
            sent += 1
    return sent
