import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from partners.factories import PartnerPageFactory, RepresentativeFactory
from partners.models import PartnerPage
from partners.tasks import send_renewal_reminders


def _member(directory, slug: str, days: int, **fields) -> PartnerPage:
    return PartnerPageFactory(
        parent=directory,
        slug=slug,
        title=fields.pop("title", slug),
        membership_status=fields.pop("membership_status", PartnerPage.Membership.ACTIVE),
        renewal_due_on=timezone.localdate() + datetime.timedelta(days=days),
        **fields,
    )


@pytest.fixture
def due_in_30(directory):
    page = _member(directory, "due", 30, title="มูลนิธิครบกำหนด")
    RepresentativeFactory(partner=page, preferred_language="th")
    RepresentativeFactory(partner=page, preferred_language="en")
    return page


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the daily reminders; what they owe in the outbox leaves after commit, as with a worker."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return send_renewal_reminders.enqueue().return_value

    return run


def test_representatives_get_a_reminder_30_days_before_renewal_in_their_own_language(due_in_30, remind):
    assert remind() == 2
    subjects = sorted(message.subject for message in mail.outbox)
    assert any("ต่ออายุ" in subject for subject in subjects)
    assert any("renewal due" in subject for subject in subjects)


def test_the_reminder_is_sent_once_however_often_the_task_runs(due_in_30, remind):
    remind()
    remind()
    assert len(mail.outbox) == 2


def test_a_reminder_the_worker_missed_yesterday_is_caught_up_today(directory, remind):
    RepresentativeFactory(partner=_member(directory, "missed", 29))
    assert remind() == 1


def test_no_reminder_goes_to_lapsed_members_or_renewals_more_than_30_days_away_or_past(directory, remind):
    for slug, days, status in (("past", -1, "active"), ("lapsed", 30, "lapsed"), ("early", 31, "active")):
        RepresentativeFactory(partner=_member(directory, slug, days, membership_status=status))
    remind()
    assert mail.outbox == []


def test_a_reminder_owed_while_the_mail_server_was_down_leaves_once_it_is_back(due_in_30, settings):
    from site_project import outbox

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    send_renewal_reminders.call()
    assert mail.outbox == [] and outbox.backlog().owed == 2
    assert outbox.deliver() == 2
    send_renewal_reminders.call()  # the next day's run owes nothing more
    assert outbox.deliver() == 0 and len(mail.outbox) == 2


def test_the_management_command_queues_the_reminders(due_in_30, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_renewal_reminders", stdout=out)
    assert "Queued" in out.getvalue()
    assert len(mail.outbox) == 2


def test_staff_see_whose_renewal_falls_due_in_the_next_60_days(client_as, admin_user, directory):
    _member(directory, "soon", 40, title="มูลนิธิใกล้ครบ")
    _member(directory, "later", 90, title="มูลนิธิอีกนาน")
    _member(directory, "gone", 10, title="มูลนิธิขาดสมาชิกภาพ", membership_status="lapsed")
    response = client_as(admin_user).get("/admin/partners/renewals/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "มูลนิธิใกล้ครบ" in html
    assert "มูลนิธิอีกนาน" not in html and "มูลนิธิขาดสมาชิกภาพ" not in html


def test_representatives_cannot_see_the_renewals_report(client_as, rep_a):
    response = client_as(rep_a).get("/admin/partners/renewals/")
    assert response.status_code in (302, 403)
