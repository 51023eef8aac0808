"""The task worker comes back: a database outage costs a back-off, not the process; a task left RUNNING by a
worker that was killed is failed so it is not mistaken for work in progress."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from site_project import worker as worker_module
from site_project.models import ProcessHeartbeat
from site_project.worker import ResilientWorker, forget_dead_processes, last_heartbeat


def make_worker() -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker:test",
        excluded_queue_names=[],
    )


def test_a_worker_rides_out_a_database_outage_and_carries_on(db, monkeypatch):
    worker = make_worker()
    outcomes = iter(
        [OperationalError("server closed the connection"), OperationalError("still down"), None, "stop"]
    )
    steps = []
    sleeps = []

    def step():
        outcome = next(outcomes)
        steps.append(outcome)
        if outcome == "stop":
            worker.running = False
        elif outcome is not None:
            raise outcome

    monkeypatch.setattr(worker, "step", step)
    monkeypatch.setattr(worker_module.time, "sleep", sleeps.append)
    worker.run()
    assert len(steps) == 4  # it kept going after two failures
    assert sleeps == [1, 2]  # backing off between them
    assert worker.failures == 0


def test_a_working_worker_leaves_a_heartbeat_for_healthz(db, monkeypatch):
    worker = make_worker()
    monkeypatch.setattr(worker_module, "close_old_connections", lambda: None)  # the test's transaction stays
    monkeypatch.setattr(worker_module.time, "sleep", lambda seconds: setattr(worker, "running", False))
    worker.step()
    assert last_heartbeat() is not None
    assert ProcessHeartbeat.objects.get().role == "worker"


@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_by_a_killed_worker_is_failed_and_its_heartbeat_forgotten(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from site_project.tasks import deliver_outbox

    result = deliver_outbox.enqueue()
    long_ago = timezone.now() - datetime.timedelta(minutes=10)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=long_ago, worker_ids=["worker:killed"]
    )
    ProcessHeartbeat.objects.create(
        process_id="worker:killed", role="worker", started_at=long_ago, beat_at=long_ago
    )
    assert forget_dead_processes() == 1
    assert DBTaskResult.objects.get(pk=result.id).status == "FAILED"
    assert not ProcessHeartbeat.objects.exists()
