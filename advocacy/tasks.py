"""Background work for the top floor: the reminder e-mails the outbox sends to the owners of policy pushes."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from site_project import outbox

from .pushes.models import CLOSED_STAGES, Delivery
from .pushes.services import REMINDER_EMAIL
from .pushes.states import DeliveryState


def _admin_language(user) -> str:
    """The owner's admin language where they chose one the site speaks, else the site's own (Thai)."""
    chosen = UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@outbox.renderer(REMINDER_EMAIL)
def render_push_reminder(payload: dict) -> EmailMessage | None:
    """Remind a push's owner that a target's answer is due soon or overdue; None once it is no longer owed."""
    delivery = (
        Delivery.objects.select_related("push__owner", "target").filter(pk=payload.get("delivery_id")).first()
    )
    if delivery is None or delivery.push.owner is None or delivery.push.stage in CLOSED_STAGES:
        return None
    if delivery.state == DeliveryState.ANSWERED:  # the answer came in meanwhile: nothing to remind
        return None
    overdue = payload.get("reminder") == "overdue"
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_advocacy_policypush:edit", args=[delivery.push_id]
    )
    with translation.override(_admin_language(delivery.push.owner)):
        context = {
            "push": delivery.push,
            "delivery": delivery,
            "overdue": overdue,
            "days_late": (timezone.localdate() - delivery.response_deadline).days,
            "edit_url": edit_url,
        }
        return EmailMessage(
            subject=" ".join(render_to_string("emails/advocacy/push_reminder_subject.txt", context).split()),
            body=render_to_string("emails/advocacy/push_reminder_body.txt", context),
        )  # addressed by the outbox to the row's recipient
