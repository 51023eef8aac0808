"""Links that open: every absolute link the site writes starts with PUBLIC_URL, the address it is served at,
whatever Host a request carried; under ``make run`` that is http://127.0.0.1:<PORT>."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from site_project.public_url import absolute_url, sync_default_site

ROOT = Path(__file__).resolve().parents[2]
SERVED_AT = "http://127.0.0.1:8123"


def test_migrate_moves_the_default_site_to_the_public_url(settings, home):
    settings.PUBLIC_URL = "https://phakhi.example"
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("phakhi.example", 443, "https://phakhi.example")
    assert sync_default_site() is False  # already in step: nothing to do


def test_another_site_already_at_that_address_is_left_alone(settings, home):
    Site.objects.create(hostname="127.0.0.1", port=8123, root_page=home)
    settings.PUBLIC_URL = SERVED_AT
    assert sync_default_site() is False
    assert Site.objects.get(is_default_site=True).port != 8123


def test_an_address_that_is_already_absolute_is_kept(settings):
    settings.PUBLIC_URL = SERVED_AT
    assert absolute_url("/media/x.jpg") == f"{SERVED_AT}/media/x.jpg"
    assert absolute_url("https://cdn.example/x.jpg") == "https://cdn.example/x.jpg"
    assert absolute_url("") == ""


def _settings_in_subprocess(module: str, **env: str) -> subprocess.CompletedProcess:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.PUBLIC_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": module, "CACHE_URL": "locmem://", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_run_writes_links_to_the_port_it_serves_on(tmp_path):
    result = _settings_in_subprocess(
        "site_project.settings.dev", PORT="8123", SQLITE_PATH=str(tmp_path / "dev.sqlite3")
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [SERVED_AT, SERVED_AT]


def test_production_links_default_to_https_on_the_first_allowed_host(tmp_path):
    result = _settings_in_subprocess(
        "site_project.settings.base",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="phakhi.example,www.phakhi.example",
        SQLITE_PATH=str(tmp_path / "prod.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://phakhi.example", "https://phakhi.example"]


@pytest.mark.parametrize(
    "bad",
    [
        "phakhi.example",
        "ftp://phakhi.example",
        "https://phakhi.example/campaign",
        "https://phakhi.example:8443",
    ],
)
def test_a_public_url_links_could_not_follow_stops_the_site_with_a_clear_message(tmp_path, bad):
    result = _settings_in_subprocess(
        "site_project.settings.base",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="phakhi.example",
        PUBLIC_URL=bad,
        SQLITE_PATH=str(tmp_path / "prod.sqlite3"),
    )
    assert result.returncode != 0
    assert "PUBLIC_URL must be http://<host>[:<port>] or https://<host>" in result.stderr
