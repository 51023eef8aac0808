"""/healthz: database, cache, worker heartbeat and outbox as JSON; 503 only when signatures cannot be taken."""

import datetime

import pytest
from django.core.mail import EmailMessage
from django.db import connection
from django.utils import timezone

from site_project import outbox
from site_project.models import OutboxMessage, ProcessHeartbeat

from .outages import database_down


def health(client, **extra):
    response = client.get("/healthz", **extra)
    return response, response.json()


@pytest.fixture
def worker_beating(db):
    now = timezone.now()
    return ProcessHeartbeat.objects.create(
        process_id="worker:web1:42:abc", role="worker", started_at=now, beat_at=now
    )


def test_a_healthy_site_answers_ok_with_every_part(client, worker_beating):
    response, report = health(client)
    assert response.status_code == 200
    assert report["status"] == "ok"
    assert report["can_take_signatures"] is True
    assert report["database"] == {"status": "ok", "writable": True}
    assert report["cache"]["status"] == "ok"
    assert report["worker"]["status"] == "ok"
    assert report["outbox"] == {"status": "ok", "owed": 0, "oldest_age_seconds": None, "failing": 0}
    assert "no-store" in response["Cache-Control"]


def test_a_load_balancer_may_ask_with_head(client, worker_beating):
    assert client.head("/healthz").status_code == 200


def test_without_a_worker_the_site_is_degraded_but_still_takes_signatures(client, db):
    response, report = health(client)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["worker"] == {
        "status": "degraded",
        "last_heartbeat": None,
        "reason": "no worker has reported",
    }


def test_a_stale_worker_heartbeat_is_degraded_not_down(client, worker_beating):
    worker_beating.beat_at = timezone.now() - datetime.timedelta(minutes=10)
    worker_beating.save()
    response, report = health(client)
    assert response.status_code == 200
    assert report["worker"]["status"] == "degraded"
    assert report["worker"]["age_seconds"] >= 600


def test_an_old_outbox_is_degraded_not_down_and_its_error_text_stays_private(client, worker_beating):
    message = outbox.enqueue_email(
        message=EmailMessage("ยืนยันการลงชื่อ", "…", "no-reply@example.org", ["somying@example.org"])
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1),
        attempts=3,
        last_error="535 authentication failed for phakhi:hunter2-secret",
    )
    response, report = health(client)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["outbox"]["status"] == "degraded"
    assert report["outbox"]["owed"] == 1
    assert report["outbox"]["failing"] == 1
    assert report["outbox"]["oldest_age_seconds"] >= 3600
    assert b"hunter2-secret" not in response.content
    assert b"somying" not in response.content


def test_a_database_that_cannot_be_reached_is_a_503(client, db):
    with database_down():
        response, report = health(client)
    assert response.status_code == 503
    assert report["status"] == "down"
    assert report["can_take_signatures"] is False
    assert report["database"] == {"status": "down", "writable": False, "error": "OperationalError"}
    assert report["worker"] == report["outbox"] == {"status": "unknown"}
    assert b"5432" not in response.content  # no error text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_a_full_disk_under_sqlite_is_a_503(client, db, monkeypatch):
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr("site_project.health.shutil.disk_usage", lambda path: usage(10**9, 10**9, 4096))
    response, report = health(client)
    assert response.status_code == 503
    assert report["database"] == {"status": "down", "writable": False, "reason": "disk full"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_read_only_postgresql_is_a_503(client, db):
    with connection.cursor() as cursor:
        cursor.execute("SET transaction_read_only = on")  # until the test's transaction is rolled back
    response, report = health(client)
    assert response.status_code == 503
    assert report["database"] == {"status": "down", "writable": False, "reason": "read-only"}


def test_a_cache_outage_is_reported_but_is_not_a_503(client, worker_beating, redis_down):
    response, report = health(client)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["cache"]["status"] == "degraded"
    assert report["can_take_signatures"] is True


def test_a_per_process_cache_is_reported_as_not_shared(client, worker_beating):
    _response, report = health(client)
    assert report["cache"] == {"status": "ok", "shared": False}  # the tests run on locmem://
