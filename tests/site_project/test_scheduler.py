"""The scheduler runs each job once per slot, whoever asks, catches up a slot missed while it was down, and
really publishes a page scheduled for midnight."""

import datetime
import time
import zoneinfo

import pytest
from django.utils import timezone

from site_project import scheduler
from site_project.models import ScheduledJob

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def at(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=BANGKOK)


@pytest.fixture
def calls(settings, monkeypatch):
    """Record the commands the scheduler runs instead of running them."""
    ran: list[str] = []
    monkeypatch.setattr(scheduler, "call_command", lambda name, *args, **kwargs: ran.append(name))
    settings.SCHEDULED_JOBS = [
        ("sweep", "minute", "sweep_outbox"),
        ("reminders", "08:00", "send_renewal_reminders"),
    ]
    return ran


def test_every_job_runs_once_in_its_slot_however_many_schedulers_ask(db, calls):
    now = at(2026, 11, 25, 9, 0, 30)
    assert scheduler.run_due_jobs(now=now) == ["sweep", "reminders"]
    assert (
        scheduler.run_due_jobs(now=now + datetime.timedelta(seconds=20)) == []
    )  # a second scheduler, same minute
    assert scheduler.run_due_jobs(now=now + datetime.timedelta(minutes=1)) == ["sweep"]
    assert calls == ["sweep_outbox", "send_renewal_reminders", "sweep_outbox"]


def test_a_daily_job_missed_while_everything_was_down_runs_when_it_is_back(db, calls):
    scheduler.run_due_jobs(now=at(2026, 11, 24, 8, 5))
    calls.clear()
    # Down from 07:00 to 09:30 on the 25th: the 08:00 run happens at 09:30, once.
    assert "reminders" in scheduler.run_due_jobs(now=at(2026, 11, 25, 9, 30))
    assert "reminders" not in scheduler.run_due_jobs(now=at(2026, 11, 25, 23, 59))
    assert "reminders" in scheduler.run_due_jobs(now=at(2026, 11, 26, 8, 0))


def test_the_timer_can_run_the_minute_and_the_daily_jobs_apart(db, calls):
    assert scheduler.run_due_jobs(now=at(2026, 11, 25, 9, 0), cadence="minute") == ["sweep"]
    assert scheduler.run_due_jobs(now=at(2026, 11, 25, 9, 0), cadence="daily") == ["reminders"]


def test_a_failing_job_is_recorded_for_staff_and_does_not_stop_the_others(db, settings, monkeypatch):
    def explode(name, *args, **kwargs):
        if name == "sweep_outbox":
            raise RuntimeError("mail server on fire")

    monkeypatch.setattr(scheduler, "call_command", explode)
    settings.SCHEDULED_JOBS = [
        ("sweep", "minute", "sweep_outbox"),
        ("publish", "minute", "publish_scheduled"),
    ]
    assert scheduler.run_due_jobs() == ["sweep", "publish"]
    assert "mail server on fire" in ScheduledJob.objects.get(name="sweep").last_error
    assert ScheduledJob.objects.get(name="publish").last_error == ""


def test_a_page_scheduled_for_midnight_goes_live_with_nothing_but_the_scheduler(home, settings):
    from wagtail.models import Revision

    from site_project.models import StandardPage

    settings.SCHEDULED_JOBS = [("publish_scheduled", "minute", "publish_scheduled")]
    page = home.add_child(instance=StandardPage(title="16 วันยุติความรุนแรง", slug="16-days", live=False))
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    time.sleep(2.1)  # midnight comes
    scheduler.run_due_jobs()
    page.refresh_from_db()
    assert page.live


def test_every_scheduled_job_names_a_command_that_exists(settings):
    from django.core.management import get_commands

    commands = get_commands()
    missing = [job.command for job in scheduler.jobs() if job.command.split()[0] not in commands]
    assert missing == []
    assert {job.name for job in scheduler.jobs()} >= {
        "publish_scheduled",
        "outbox_sweep",
        "signature_anonymisation",
    }
