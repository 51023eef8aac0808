"""What /healthz reports: whether the site can take signatures now, and what behind it is falling behind.

Only a database that cannot be reached or cannot be written makes the site unable to take signatures (a
503 from /healthz). A cache outage, a stale worker heartbeat or an old outbox is reported as "degraded":
signatures are still stored, and their e-mails go out once the worker catches up. No error text is
reported, only its class: messages can carry addresses or user names.
"""

import datetime
import os
import shutil
from pathlib import Path
from uuid import uuid4

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection
from django.utils import timezone

from .cache import FailSoftRedisCache
from .outbox import backlog
from .worker import last_heartbeat

OK, DEGRADED, DOWN, UNKNOWN = "ok", "degraded", "down", "unknown"
WORKER_STALE_AFTER = datetime.timedelta(seconds=60)  # the worker beats every 10 s
OUTBOX_STALE_AFTER = datetime.timedelta(minutes=5)  # a confirmation e-mail should be out within minutes
SQLITE_MIN_FREE_BYTES = 1024 * 1024
CACHE_PROBE_KEY = "healthz:probe"


def _seconds(delta: datetime.timedelta) -> int:
    return max(0, int(delta.total_seconds()))


def _writable() -> tuple[bool, str]:
    """Whether a signature could be written now, asked without writing one; with the reason if not."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")
            in_recovery, read_only = cursor.fetchone()
        if in_recovery:
            return False, "standby"
        return (False, "read-only") if read_only == "on" else (True, "")
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or name.startswith("file:"):
            return True, ""
        path = Path(name)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):  # WAL files live beside it
            return False, "read-only"
        if shutil.disk_usage(path.parent).free < SQLITE_MIN_FREE_BYTES:
            return False, "disk full"
    return True, ""


def database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        writable, reason = _writable()
    except DatabaseError as error:
        return {"status": DOWN, "writable": False, "error": type(error).__name__}
    report = {"status": OK if writable else DOWN, "writable": writable}
    if reason:
        report["reason"] = reason
    return report


def cache() -> dict:
    backend = caches["default"]
    shared = not isinstance(backend, LocMemCache | DummyCache)
    if isinstance(backend, FailSoftRedisCache):
        if backend.ping():
            return {"status": OK, "shared": True}
        return {
            "status": DEGRADED,
            "shared": False,
            "reason": "unreachable; each process uses its own memory",
        }
    if isinstance(backend, DummyCache):
        return {"status": OK, "shared": False}
    token = uuid4().hex
    try:
        backend.set(CACHE_PROBE_KEY, token, 30)
        answered = backend.get(CACHE_PROBE_KEY) == token
    except Exception as error:  # a file cache on a full or read-only disk
        return {"status": DEGRADED, "shared": shared, "error": type(error).__name__}
    return {"status": OK if answered else DEGRADED, "shared": shared}


def worker(now: datetime.datetime) -> dict:
    try:
        beat = last_heartbeat()
    except DatabaseError:
        return {"status": UNKNOWN, "last_heartbeat": None}
    if beat is None:
        return {"status": DEGRADED, "last_heartbeat": None, "reason": "no worker has reported"}
    age = now - beat
    return {
        "status": OK if age <= WORKER_STALE_AFTER else DEGRADED,
        "last_heartbeat": beat.isoformat(),
        "age_seconds": _seconds(age),
    }


def outbox(now: datetime.datetime) -> dict:
    try:
        owed = backlog()
    except DatabaseError:
        return {"status": UNKNOWN}
    oldest_age = now - owed.oldest if owed.oldest else None
    return {
        "status": DEGRADED if oldest_age and oldest_age > OUTBOX_STALE_AFTER else OK,
        "owed": owed.owed,
        "oldest_age_seconds": _seconds(oldest_age) if oldest_age is not None else None,
        "failing": owed.failing,
    }


def report() -> dict:
    now = timezone.now()
    database_report = database()
    reachable = "error" not in database_report  # else worker and outbox would only wait for it again
    parts = {
        "database": database_report,
        "cache": cache(),
        "worker": worker(now) if reachable else {"status": UNKNOWN},
        "outbox": outbox(now) if reachable else {"status": UNKNOWN},
    }
    can_take_signatures = database_report["status"] == OK
    if not can_take_signatures:
        status = DOWN
    elif all(part["status"] == OK for part in parts.values()):
        status = OK
    else:
        status = DEGRADED
    return {
        "status": status,
        "can_take_signatures": can_take_signatures,
        "checked_at": now.isoformat(),
        **parts,
    }
