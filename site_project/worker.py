"""The task worker and the scheduler as processes that come back.

django-tasks-db's ``db_worker`` exits on the first database error that is not a lock, so a database restart
or a full disk ends it for good. ``ResilientWorker`` runs the same claim-and-run loop, but a lost database
costs a back-off and a reconnect, never the process. Each process writes a heartbeat, which /healthz reads,
and a worker that finds a task left RUNNING by a process that stopped beating marks it failed: the work
such a task was doing (the outbox) is taken over by the lease on its own rows.
"""

import contextlib
import datetime
import logging
import os
import socket
import time
import uuid

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from . import outbox
from .models import ProcessHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10
STALE_AFTER = datetime.timedelta(seconds=60)  # three missed beats and a margin
MAX_BACKOFF_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError, DatabaseError, OSError)


def process_id(role: str) -> str:
    return f"{role}:{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def close_connections() -> None:
    """Drop every database connection after an outage; a broken one may fail to close, and is discarded."""
    for alias in connections:
        with contextlib.suppress(Exception):
            connections[alias].close()


class Heartbeat:
    """Beat at most every HEARTBEAT_SECONDS; a failed beat is logged by the caller's outage handling."""

    def __init__(self, *, role: str, process: str):
        self.role = role
        self.process = process
        self.started_at = timezone.now()
        self.last = 0.0

    def beat(self, *, force: bool = False) -> bool:
        if not force and time.monotonic() - self.last < HEARTBEAT_SECONDS:
            return False
        ProcessHeartbeat.objects.update_or_create(
            process_id=self.process,
            defaults={"role": self.role, "started_at": self.started_at, "beat_at": timezone.now()},
        )
        self.last = time.monotonic()
        return True

    def stop(self) -> None:
        with contextlib.suppress(*OUTAGE_ERRORS):
            ProcessHeartbeat.objects.filter(process_id=self.process).delete()


def last_heartbeat(role: str = "worker") -> datetime.datetime | None:
    return (
        ProcessHeartbeat.objects.filter(role=role)
        .order_by("-beat_at")
        .values_list("beat_at", flat=True)
        .first()
    )


def forget_dead_processes(*, now: datetime.datetime | None = None) -> int:
    """Fail tasks left RUNNING by workers that stopped beating, and drop their heartbeats."""
    now = now or timezone.now()
    dead = set(
        ProcessHeartbeat.objects.filter(beat_at__lt=now - STALE_AFTER).values_list("process_id", flat=True)
    )
    alive = set(
        ProcessHeartbeat.objects.filter(beat_at__gte=now - STALE_AFTER).values_list("process_id", flat=True)
    )
    failed = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=now - STALE_AFTER):
        owners = set(result.worker_ids or [])
        if owners and owners & alive:
            continue
        try:
            raise RuntimeError(
                "The worker running this task stopped; its work is taken over by the next run."
            )
        except RuntimeError as error:
            result.set_failed(error)
        failed += 1
    if dead:
        ProcessHeartbeat.objects.filter(process_id__in=dead).delete()
    return failed


class ResilientWorker(Worker):
    """django-tasks-db's worker loop, with heartbeats and a back-off instead of an exit on database errors."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat = Heartbeat(role="worker", process=self.worker_id)
        self.failures = 0
        self.take_over = True  # on the first step: pick up what a killed predecessor had claimed
        self.interrupted: list = []  # tasks a database outage cut short, failed once it is back

    def run_task(self, db_task_result) -> None:
        self.interrupted.append(db_task_result.pk)
        super().run_task(db_task_result)
        self.interrupted.remove(db_task_result.pk)

    def fail_interrupted(self) -> None:
        for pk in list(self.interrupted):
            result = DBTaskResult.objects.filter(pk=pk).first()
            if result is not None and result.status == "RUNNING":
                try:
                    raise RuntimeError("A database outage interrupted this task; its work is taken over.")
                except RuntimeError as error:
                    result.set_failed(error)
            self.interrupted.remove(pk)

    def run(self) -> None:
        logger.info("Worker %s started", self.worker_id)
        try:
            while self.running:
                try:
                    self.step()
                    if self.failures:
                        logger.warning("Worker %s: database reachable again", self.worker_id)
                    self.failures = 0
                except OUTAGE_ERRORS as error:
                    self.ride_out(error)
        finally:
            self.heartbeat.stop()

    def ride_out(self, error: BaseException) -> None:
        self.failures += 1
        delay = min(2 ** (self.failures - 1), MAX_BACKOFF_SECONDS)
        if self.failures == 1 or self.failures % 10 == 0:
            logger.warning(
                "Worker %s: database unavailable (%s: %s); retrying in %ss",
                self.worker_id,
                type(error).__name__,
                str(error)[:200],
                delay,
            )
        close_connections()
        if self.running:
            time.sleep(delay)

    def step(self) -> None:
        close_old_connections()
        if self.heartbeat.beat(force=self.failures > 0):
            forget_dead_processes()
        if self.take_over:  # mail a killed run had claimed goes out as soon as its lease ends
            outbox.schedule_takeover()
            self.take_over = False
        self.fail_interrupted()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        task_result = None
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
        if task_result is not None:
            self.run_task(task_result)
        close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
