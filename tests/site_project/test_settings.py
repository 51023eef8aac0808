"""Production settings: secure defaults, fail closed without a secret, SQLite tuned for concurrency."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py as an operator runs it: no DJANGO_SETTINGS_MODULE, only the variables given."""
    environment = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_required_variables_and_a_shared_cache(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="example.org",
        CACHE_URL="redis://127.0.0.1:6379/0",  # not connected to: the check reads the setting
        SQLITE_PATH=str(tmp_path / "deploy.sqlite3"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_site_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", ALLOWED_HOSTS="example.org", SQLITE_PATH=str(tmp_path / "x.sqlite3"))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_site_refuses_a_short_secret_key_in_production(tmp_path):
    result = run_manage("check", SECRET_KEY="short", SQLITE_PATH=str(tmp_path / "x.sqlite3"))
    assert result.returncode != 0
    assert "50 random characters" in result.stderr


def test_debug_is_off_unless_asked_for():
    from site_project.settings.env import env_bool

    assert env_bool("PHAKHI_UNSET_VARIABLE", False) is False


def test_a_malformed_boolean_fails_loudly(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from site_project.settings.env import env_bool

    monkeypatch.setenv("PHAKHI_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("PHAKHI_FLAG", False)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite tuning only")
def test_sqlite_runs_in_wal_mode_with_normal_sync_and_a_busy_timeout():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_keeps_connections_open_between_requests():
    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
