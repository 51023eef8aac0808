"""Shared limits: every process of the site counts against one counter, in Redis or in the shared file cache,
and a per-process cache in production is warned about.
"""

import os
import subprocess
import sys
import time

import pytest

from site_project.cache import SharedFileBasedCache
from site_project.checks import check_shared_cache

from .outages import ROOT, redis_cache


def test_two_clients_of_one_redis_see_one_counter(redis_server):
    one, other = redis_cache(redis_server.port), redis_cache(redis_server.port)
    one.add("rate", 0, 60)
    one.incr("rate")
    other.incr("rate")
    assert one.get("rate") == other.get("rate") == 2


COUNT_IN_A_PROCESS = """
import sys
from site_project.cache import SharedFileBasedCache
cache = SharedFileBasedCache(sys.argv[1], {"KEY_PREFIX": "phakhi"})
for _ in range(int(sys.argv[2])):
    cache.add("rate", 0, 60)
    cache.incr("rate")
"""


def test_two_processes_on_the_file_cache_count_every_attempt(tmp_path):
    workers = [
        subprocess.Popen([sys.executable, "-c", COUNT_IN_A_PROCESS, str(tmp_path), "150"], cwd=ROOT)  # noqa: S603
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
