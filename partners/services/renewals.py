"""Membership renewals: who is due a reminder, and noting that it went out."""

import datetime

from django.db import models
from django.utils import timezone

from ..models import PartnerPage, RenewalReminder

REMINDER_DAYS_BEFORE = 30


def partners_due_for_reminder(*, today: datetime.date | None = None):
    """Active members whose renewal is 30 days away or closer and who have had no reminder for it yet.

    Looking at the whole window, not only day 30, means a day the worker or cron missed is caught up.
    """
    today = today or timezone.localdate()
    return (
        PartnerPage.objects.filter(
            membership_status=PartnerPage.Membership.ACTIVE,
            renewal_due_on__gte=today,
            renewal_due_on__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
            representatives__isnull=False,
        )
        .exclude(renewal_reminders__due_on=models.F("renewal_due_on"))
        .distinct()
    )


def record_reminder(*, partner: PartnerPage) -> bool:
    """Note that the reminder for this renewal went out. False when it already had."""
    _, created = RenewalReminder.objects.get_or_create(partner=partner, due_on=partner.renewal_due_on)
    return created
