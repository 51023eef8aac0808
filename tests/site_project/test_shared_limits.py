"""Shared limits: every process of the site counts against one counter, in Redis or in the shared file cache,
and a per-process cache in production is warned about.
"""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache

from petitions import abuse
from petitions.models import QuarantineReason
from site_project import rate_limits
from site_project.cache import SharedFileBasedCache, incr_counters
from site_project.checks import check_shared_cache

from .outages import ROOT, redis_cache


def test_two_clients_of_one_redis_see_one_counter(redis_server):
    one, other = redis_cache(redis_server.port), redis_cache(redis_server.port)
    one.add("rate", 0, 60)
    one.incr("rate")
    other.incr("rate")
    assert one.get("rate") == other.get("rate") == 2


@pytest.fixture
def round_trips(monkeypatch):
    """How many times a Redis client has sent commands to its server: once per round trip, a pipeline included."""
    sent = []
    original = redis.connection.Connection.send_packed_command

    def send(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", send)
    return sent


@pytest.fixture
def site_cache_on_redis(redis_server, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "site_project.cache.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "KEY_PREFIX": "phakhi",
        }
    }


def test_a_sign_posts_rate_limits_are_counted_in_one_round_trip_to_redis(
    site_cache_on_redis, round_trips, settings
):
    settings.PETITION_RATE_LIMIT_BURST = "3/60"
    cache.get("warm")  # the connection's own hello
    reasons = []
    for _attempt in range(4):
        round_trips.clear()
        reasons.append(abuse.rate_limit_reason(petition_id=7, ip_hash="a" * 64))
        assert len(round_trips) == 1  # both windows, burst and sustained
    assert reasons == ["", "", "", QuarantineReason.RATE_BURST]


def test_counters_on_redis_expire_and_read_back_as_numbers(redis_server, round_trips):
    for backend in (
        redis_cache(redis_server.port),
        RedisCache(f"redis://127.0.0.1:{redis_server.port}/0", {}),
    ):
        backend.get("warm")
        round_trips.clear()
        assert incr_counters(backend, {"minute": 61, "hour": 3601}) == {"minute": 1, "hour": 1}
        assert incr_counters(backend, {"minute": 61, "hour": 3601}) == {"minute": 2, "hour": 2}
        assert len(round_trips) == 2
        assert backend.get("minute") == backend.get("hour") == 2
        client = backend._cache.get_client(write=True)
        assert 0 < client.ttl(backend.make_and_validate_key("minute")) <= 61
        backend.delete_many(["minute", "hour"])


def test_the_counters_of_one_request_take_one_lock_of_the_file_cache(tmp_path, monkeypatch):
    cache = SharedFileBasedCache(str(tmp_path), {})
    locks = []
    original = SharedFileBasedCache._exclusive
    monkeypatch.setattr(SharedFileBasedCache, "_exclusive", lambda self: locks.append(1) or original(self))
    assert incr_counters(cache, {"minute": 61, "hour": 3601}) == {"minute": 1, "hour": 1}
    assert incr_counters(cache, {"minute": 61, "hour": 3601}) == {"minute": 2, "hour": 2}
    assert len(locks) == 2


def test_counters_in_memory_count_key_by_key(monkeypatch):
    monkeypatch.setattr(rate_limits.time, "time", lambda: 1_800_000_030.0)  # half a minute into a window
    assert rate_limits.exceeded_many([("office", "1/60"), ("office", "5/3600")]) == [False, False]
    assert rate_limits.exceeded_many([("office", "1/60"), ("office", "5/3600")]) == [True, False]
    assert cache.get("office:60:30000000") == cache.get("office:3600:500000") == 2


COUNT_IN_A_PROCESS = """
import sys
from site_project.cache import SharedFileBasedCache, incr_counters
cache = SharedFileBasedCache(sys.argv[1], {"KEY_PREFIX": "phakhi"})
for _ in range(int(sys.argv[2])):
    if sys.argv[3] == "one by one":
        cache.add("rate", 0, 60)
        cache.incr("rate")
    else:
        incr_counters(cache, {"rate": 60})
"""


@pytest.mark.parametrize("how", ["one by one", "all at once"])
def test_two_processes_on_the_file_cache_count_every_attempt(tmp_path, how):
    workers = [
        subprocess.Popen([sys.executable, "-c", COUNT_IN_A_PROCESS, str(tmp_path), "150", how], cwd=ROOT)  # noqa: S603
        for _ in range(2)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    assert SharedFileBasedCache(str(tmp_path), {"KEY_PREFIX": "phakhi"}).get("rate") == 300


def test_a_file_cache_counter_keeps_its_expiry(tmp_path):
    cache = SharedFileBasedCache(str(tmp_path), {})
    cache.add("rate", 0, 1)
    assert cache.incr("rate") == 1
    time.sleep(1.1)
    assert cache.get("rate") is None
    with pytest.raises(ValueError):
        cache.incr("rate")


def test_make_run_shares_the_cache_between_its_processes(tmp_path):
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
            "SQLITE_PATH": str(tmp_path / "dev.sqlite3"),  # the settings make these folders: not under var/
            "STATIC_ROOT": str(tmp_path / "static"),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "site_project.cache.SharedFileBasedCache", result.stderr


def test_check_deploy_warns_about_a_per_process_cache(tmp_path):
    from tests.site_project.test_settings import run_manage

    environment = {
        "DEBUG": "false",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "SQLITE_PATH": str(tmp_path / "deploy.sqlite3"),
        "CACHE_URL": "locmem://",
    }
    deploy = run_manage("check", "--deploy", **environment)
    assert "site_project.W001" in deploy.stderr + deploy.stdout
    assert "site_project.W001" not in (run_manage("check", **environment)).stderr


@pytest.mark.parametrize(
    ("backend", "debug", "warned"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", False, True),
        ("django.core.cache.backends.dummy.DummyCache", False, True),
        ("django.core.cache.backends.locmem.LocMemCache", True, False),
        ("site_project.cache.FailSoftRedisCache", False, False),
        ("site_project.cache.SharedFileBasedCache", False, False),
    ],
)
def test_only_a_per_process_cache_in_production_is_warned_about(settings, backend, debug, warned):
    settings.DEBUG = debug
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "/tmp/unused"}}  # noqa: S108
    assert bool(check_shared_cache(None)) is warned
