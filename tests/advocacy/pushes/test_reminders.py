import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from advocacy.pushes.models import Stage
from site_project import outbox


@pytest.fixture
def run_reminders(django_capture_on_commit_callbacks):
    """The daily command, then the outbox delivered as the worker would."""

    def run() -> int:
        with django_capture_on_commit_callbacks(execute=False):
            call_command("send_push_reminders", stdout=io.StringIO())
        return outbox.deliver()

    return run


def test_the_owner_is_reminded_once_when_the_deadline_passed_yesterday(
    deliver, run_reminders, secretariat_member
):
    deliver(-1)
    assert run_reminders() == 1
    assert run_reminders() == 0  # the next run owes nothing more
    [message] = mail.outbox
    assert message.to == [secretariat_member.email]
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" in message.subject
    assert "กก 0201/4567" in message.body
    assert "/admin/snippets/advocacy/policypush/edit/" in message.body


def test_the_owner_is_told_three_days_before_the_deadline_that_an_answer_is_due_soon(deliver, run_reminders):
    deliver(3)
    assert run_reminders() == 1
    assert run_reminders() == 0
    assert len(mail.outbox) == 1


def test_a_delivery_further_from_its_deadline_or_answered_brings_no_reminder(deliver, answer, run_reminders):
    deliver(4)
    answered = deliver(-1)
    answer(answered.delivered_on)
    assert run_reminders() == 0
    assert mail.outbox == []


def test_a_closed_push_brings_no_reminder(push, deliver, run_reminders):
    deliver(-1)
    push.stage = Stage.WON
    push.save()
    assert run_reminders() == 0


def test_the_due_soon_and_the_overdue_reminder_each_go_once(deliver, run_reminders):
    delivery = deliver(2)
    assert run_reminders() == 1
    delivery.response_deadline = delivery.response_deadline.replace(year=delivery.response_deadline.year - 1)
    delivery.save()  # as if the deadline had since passed
    assert run_reminders() == 1
    assert run_reminders() == 0
    assert len(mail.outbox) == 2


def test_an_owner_who_has_left_gets_no_reminder(deliver, run_reminders, secretariat_member):
    secretariat_member.is_active = False
    secretariat_member.save()
    deliver(-1)
    assert run_reminders() == 0


def test_the_reminder_speaks_the_owners_admin_language(deliver, run_reminders, secretariat_member):
    profile = UserProfile.get_for_user(secretariat_member)
    profile.preferred_language = "en"
    profile.save()
    deliver(-1)
    run_reminders()
    assert mail.outbox[0].subject.startswith("[Phakhi] An answer is overdue")


def test_without_a_chosen_language_the_reminder_is_in_thai(deliver, run_reminders):
    deliver(3)
    run_reminders()
    [message] = mail.outbox
    assert message.subject.startswith("[ภาคี] ใกล้ถึงกำหนดตอบ")
    assert "เลขที่รับหนังสือ: กก 0201/4567" in message.body
