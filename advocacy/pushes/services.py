"""Writes for policy pushes: the reminders that tell a push's owner an answer is due soon, or overdue."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from site_project import outbox

from .models import CLOSED_STAGES, Delivery, Response

REMINDER_EMAIL = "advocacy.push_reminder"
DUE_SOON_DAYS = 3
DUE_SOON = "due_soon"
OVERDUE = "overdue"


def deliveries_to_remind(*, today: datetime.date):
    """Unanswered deliveries of open pushes with an active owner, whose answer is due within three days (and no
    "due soon" reminder went out) or overdue (and no "overdue" reminder went out)."""
    answered = Response.objects.filter(
        push=OuterRef("push"), target=OuterRef("target"), received_on__gte=OuterRef("delivered_on")
    )
    due_soon = Q(
        reminded_before_at__isnull=True,
        response_deadline__gte=today,
        response_deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
    )
    overdue = Q(reminded_overdue_at__isnull=True, response_deadline__lt=today)
    return (
        Delivery.objects.filter(due_soon | overdue)
        .exclude(push__stage__in=CLOSED_STAGES)
        .exclude(push__owner__isnull=True)
        .exclude(push__owner__is_active=False)
        .exclude(push__owner__email="")
        .filter(~Exists(answered))
        .select_related("push__owner")
    )


def send_push_reminders(*, today: datetime.date | None = None) -> int:
    """Owe each due reminder in the outbox, recorded on its delivery in the same transaction so it goes once."""
    today = today or timezone.localdate()
    sent = 0
    for delivery in deliveries_to_remind(today=today):
        reminder, field = (
            (OVERDUE, "reminded_overdue_at")
            if delivery.response_deadline < today
            else (DUE_SOON, "reminded_before_at")
        )
        with transaction.atomic():
            # Claimed by an update that only one run can win, so two schedulers never send it twice.
            claimed = Delivery.objects.filter(pk=delivery.pk, **{f"{field}__isnull": True}).update(
                **{field: timezone.now()}
            )
            if not claimed:
                continue
            outbox.enqueue(
                kind=REMINDER_EMAIL,
                recipient=delivery.push.owner.email,
                payload={"delivery_id": delivery.pk, "reminder": reminder},
            )
        sent += 1
    return sent
