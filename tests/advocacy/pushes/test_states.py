import datetime

import pytest

from advocacy.pushes.states import DeliveryState, delivery_state, worst_state

DEADLINE = datetime.date(2026, 11, 30)


def state_on(today: datetime.date, *, answered: bool = False) -> DeliveryState:
    return delivery_state(deadline=DEADLINE, answered=answered, today=today, very_overdue_days=30)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 1), DeliveryState.AWAITING),
        (DEADLINE, DeliveryState.AWAITING),
        (datetime.date(2026, 12, 1), DeliveryState.OVERDUE),
        (datetime.date(2026, 12, 30), DeliveryState.OVERDUE),
        (datetime.date(2026, 12, 31), DeliveryState.VERY_OVERDUE),
    ],
)
def test_an_unanswered_delivery_waits_until_its_deadline_then_turns_overdue_then_very_overdue(
    today, expected
):
    assert state_on(today) == expected


def test_an_answered_delivery_is_answered_however_late_the_answer_came():
    assert state_on(datetime.date(2027, 6, 1), answered=True) == DeliveryState.ANSWERED


def test_a_push_shows_its_most_worrying_delivery():
    states = [DeliveryState.ANSWERED, DeliveryState.VERY_OVERDUE, DeliveryState.AWAITING]
    assert worst_state(states) == DeliveryState.VERY_OVERDUE
    assert worst_state([]) is None
