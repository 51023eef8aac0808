"""The scheduler: runs each job in ``settings.SCHEDULED_JOBS`` once per slot, whoever asks.

A job is a management command and a cadence: every minute, or daily at a Bangkok time. ``run_due_jobs``
claims a job's slot with one conditional update, so the ``run_scheduler`` loop (``make run``), a systemd
timer calling ``run_jobs`` (production) and a second machine doing the same never run a slot twice, and a
slot missed while everything was down runs as soon as something is back. The settings are where the jobs
are composed, so this module names no app above it.
"""

import datetime
import logging
import shlex
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from .models import ScheduledJob
from .worker import OUTAGE_ERRORS, close_connections

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    cadence: str  # "minute", or "HH:MM" local time once a day
    command: str  # a management command with its arguments

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        """The start of the most recent slot at or before ``now``."""
        if self.cadence == "minute":
            return now.replace(second=0, microsecond=0)
        hour, minute = (int(part) for part in self.cadence.split(":"))
        local = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE))
        today = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return today if today <= local else today - datetime.timedelta(days=1)


def jobs() -> list[Job]:
    return [Job(*entry) for entry in settings.SCHEDULED_JOBS]


def _claim(job: Job, slot: datetime.datetime, now: datetime.datetime) -> bool:
    ScheduledJob.objects.get_or_create(name=job.name)
    return bool(
        ScheduledJob.objects.filter(name=job.name)
        .filter(Q(last_slot__isnull=True) | Q(last_slot__lt=slot))
        .update(last_slot=slot, last_started_at=now)
    )


def run_job(job: Job) -> str:
    """Run one job now; returns the error text, empty when it succeeded."""
    name, *args = shlex.split(job.command)
    try:
        call_command(name, *args, verbosity=0)
        error = ""
    except SystemExit as exit_:  # a command reporting a problem with its exit status (e.g. count drift)
        error = "" if not exit_.code else f"{name} exited with status {exit_.code}"
    except Exception as failure:  # noqa: BLE001  (one failing job must not stop the others)
        logger.exception("Scheduled job %s failed", job.name)
        error = f"{type(failure).__name__}: {failure}"[:500]
    if error:
        logger.error("Scheduled job %s: %s", job.name, error)
    ScheduledJob.objects.filter(name=job.name).update(last_finished_at=timezone.now(), last_error=error)
    return error


def run_due_jobs(*, now: datetime.datetime | None = None, cadence: str = "") -> list[str]:
    """Run every job whose current slot has not run yet; returns the names run.

    ``cadence="minute"`` runs only the every-minute jobs, ``"daily"`` only the others, so that a long daily
    job on its own timer never holds up publishing.
    """
    now = now or timezone.now()
    ran = []
    for job in jobs():
        if cadence and (job.cadence == "minute") != (cadence == "minute"):
            continue
        if _claim(job, job.slot(now), now):
            run_job(job)
            ran.append(job.name)
    return ran


def run_forever(*, interval: float = 10, heartbeat=None, should_run=lambda: True) -> None:
    """The scheduler process: check every ``interval`` seconds; ride out database outages with a back-off."""
    failures = 0
    while should_run():
        try:
            if heartbeat is not None:
                heartbeat.beat()
            run_due_jobs()
            if failures:
                logger.warning("Scheduler: database reachable again")
            failures = 0
            delay = interval
        except OUTAGE_ERRORS as error:
            failures += 1
            delay = min(2 ** (failures - 1), 30)
            if failures == 1 or failures % 10 == 0:
                logger.warning(
                    "Scheduler: database unavailable (%s); retrying in %ss", type(error).__name__, delay
                )
            close_connections()
        time.sleep(delay)
