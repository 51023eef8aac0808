"""Background work: the daily renewal reminders, in each recipient's language. (Invitations and password-reset
links go out through the outbox: ``services.send_invitation``, ``services.request_password_reset``.)"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from site_project import outbox

from . import services


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _owe(*, template: str, context: dict, to: str) -> None:
    subject = " ".join(render_to_string(f"emails/partners/{template}_subject.txt", context).split())
    body = render_to_string(f"emails/partners/{template}_body.txt", context)
    outbox.enqueue_email(
        message=EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to]), kind=f"partners.{template}"
    )


@task()
def send_renewal_reminders() -> int:
    """E-mail the representatives of active members whose renewal is 30 days away or closer, once per renewal.

    Each reminder is owed in the outbox in the same transaction that records it, so a mail outage delays
    reminders and never loses or repeats them. Queued daily by ``manage.py send_renewal_reminders`` (cron or a systemd timer); safe to run more often.
    """
    sent = 0
    for partner in services.partners_due_for_reminder().prefetch_related("representatives__user"):
        with transaction.atomic():
            if not services.record_reminder(partner=partner):
                continue
            for representative in partner.representatives.all():
                if not representative.user.is_active or not representative.user.email:
                    continue
                language = _language(representative.preferred_language)
                with translation.override(language):
                    context = {
                        "partner_name": services.translated_name(partner, language),
                        "renewal_due_on": partner.renewal_due_on,
                        "account_url": _absolute(reverse("partners:dashboard")),
                    }
                    _owe(template="renewal_reminder", context=context, to=representative.user.email)
                sent += 1
    return sent
