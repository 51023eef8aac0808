"""Where a delivery stands, from its deadline and whether it was answered. Pure: no database, no clock."""

import datetime
from collections.abc import Iterable

from django.db import models
from django.utils.translation import pgettext_lazy


class DeliveryState(models.TextChoices):
    ANSWERED = "answered", pgettext_lazy("delivery state", "answered")
    AWAITING = "awaiting", pgettext_lazy("delivery state", "awaiting response")
    OVERDUE = "overdue", pgettext_lazy("delivery state", "overdue")
    VERY_OVERDUE = "very_overdue", pgettext_lazy("delivery state", "very overdue")


# From least to most worrying: the list of pushes shows the worst of a push's deliveries.
SEVERITY = [DeliveryState.ANSWERED, DeliveryState.AWAITING, DeliveryState.OVERDUE, DeliveryState.VERY_OVERDUE]


def delivery_state(
    *, deadline: datetime.date, answered: bool, today: datetime.date, very_overdue_days: int
) -> DeliveryState:
    """Answered once a response came; else awaiting up to the deadline, overdue after it, and very overdue more
    than ``very_overdue_days`` after it."""
    if answered:
        return DeliveryState.ANSWERED
    if today <= deadline:
        return DeliveryState.AWAITING
    if today > deadline + datetime.timedelta(days=very_overdue_days):
        return DeliveryState.VERY_OVERDUE
    return DeliveryState.OVERDUE


def worst_state(states: Iterable[DeliveryState]) -> DeliveryState | None:
    """The most worrying of ``states``; None when there are none."""
    return max(states, key=SEVERITY.index, default=None)
