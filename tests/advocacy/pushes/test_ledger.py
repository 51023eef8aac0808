import datetime

from advocacy.pushes.models import Delivery
from advocacy.pushes.states import DeliveryState

from .conftest import days_from_today


def test_a_delivery_without_a_deadline_gets_the_usual_time_to_answer(push, ministry, settings):
    settings.POLICY_RESPONSE_DAYS = 45
    delivery = Delivery.objects.create(
        push=push, target=ministry, delivered_on=datetime.date(2026, 1, 10), what="หนังสือข้อเรียกร้อง"
    )
    assert delivery.response_deadline == datetime.date(2026, 2, 24)


def test_a_delivery_whose_deadline_passed_yesterday_is_overdue(deliver):
    assert deliver(-1).state == DeliveryState.OVERDUE


def test_a_delivery_turns_very_overdue_after_the_grace_period(deliver, settings):
    settings.POLICY_VERY_OVERDUE_DAYS = 10
    assert deliver(-11).state == DeliveryState.VERY_OVERDUE
    assert deliver(-10).state == DeliveryState.OVERDUE


def test_an_answer_from_the_target_on_or_after_the_delivery_answers_it(deliver, answer):
    delivery = deliver(-5)
    answer(delivery.delivered_on - datetime.timedelta(days=1))  # an answer to an earlier letter
    assert delivery.state == DeliveryState.OVERDUE
    answer(delivery.delivered_on)
    assert delivery.state == DeliveryState.ANSWERED


def test_an_answer_from_another_target_does_not_answer_the_delivery(deliver, answer, governor):
    delivery = deliver(-5)
    answer(days_from_today(0), target=governor)
    assert delivery.state == DeliveryState.OVERDUE


def test_the_list_of_pushes_sums_up_the_worst_delivery_and_how_many_are_overdue(push, deliver, governor):
    push.targets.add(governor)
    deliver(10)
    deliver(-1)
    deliver(-60, target=governor)
    summary = push.delivery_states()
    assert sorted(summary) == sorted(
        [DeliveryState.AWAITING, DeliveryState.OVERDUE, DeliveryState.VERY_OVERDUE]
    )
    assert "2" in push.ledger_summary()
