"""Degrade, don't die: a cache outage costs speed, a database outage a 503 or the last good copy, never a 500.

Redis is tried on a closed port and as a real ``redis-server`` started here on a free port (never the
machine's own); the database is taken away by refusing its connection, or, in a subprocess, by pointing
DATABASE_URL at a closed port.
"""

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import OperationalError, connections
from django.test import RequestFactory

from petitions import abuse
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import QuarantineReason, Signature
from site_project import cache as fail_soft
from site_project import views
from site_project.cache import FailSoftRedisCache, SharedFileBasedCache
from site_project.checks import check_shared_cache
from tests.petitions.conftest import sign_data, sign_url

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(port: int, **params) -> FailSoftRedisCache:
    return FailSoftRedisCache(f"redis://127.0.0.1:{port}/0", {"KEY_PREFIX": "phakhi-test", **params})


@pytest.fixture
def redis_down(settings):
    """The site's cache is a Redis on a port where nothing listens."""
    port = free_port()
    settings.CACHES = {
        "default": {
            "BACKEND": "site_project.cache.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "phakhi",
        }
    }
    return port


class RedisServer:
    """A redis-server of our own on a free port, stopped by its pid."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def petition(home, settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []
    index = PetitionIndexPageFactory(parent=home, slug="petitions")
    page = PetitionPageFactory(parent=index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.save_revision().publish()
    return page


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL has stopped: the connection is refused."""

    def refuse(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "ensure_connection", refuse)
        yield


# --- A cache outage costs speed, not the site ----------------------------------------------------------------
def test_a_cache_on_a_closed_port_still_stores_counts_and_reads_in_process_memory():
    cache = redis_cache(free_port())
    cache.set("page", "<html>", 30)
    assert cache.get("page") == "<html>"
    assert cache.add("counter", 0, 60) is True
    assert cache.add("counter", 0, 60) is False
    assert cache.incr("counter") == 1
    assert cache.get_many(["page", "missing"]) == {"page": "<html>"}
    with pytest.raises(ValueError):
        cache.incr("never-set")


def test_an_outage_is_logged_once_not_once_per_call(caplog):
    cache = redis_cache(free_port())
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        for number in range(50):
            cache.set(f"key{number}", number)
            cache.get(f"key{number}")
    warnings = [record for record in caplog.records if record.name == "site_project.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()


def test_the_log_line_never_shows_the_redis_password(caplog):
    cache = FailSoftRedisCache(f"redis://phakhi:hunter2-secret@127.0.0.1:{free_port()}/0", {})
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        cache.get("anything")
    assert "hunter2-secret" not in caplog.text
    assert "redis://127.0.0.1:" in caplog.text


def test_a_redis_that_hangs_costs_one_request_half_a_second_not_every_request():
    with socket.socket() as silent:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(100)
        cache = redis_cache(silent.getsockname()[1])
        started = time.monotonic()
        assert cache.get("page") is None
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(200):
            cache.get("page")
        rest = time.monotonic() - started
    assert first < 2
    assert rest < 0.5  # the breaker is open: no request waits on Redis


def test_the_breaker_tries_redis_again_after_a_few_seconds(monkeypatch, redis_server):
    monkeypatch.setattr(fail_soft, "BREAKER_SECONDS", 0.2)
    cache = redis_cache(redis_server.port)
    redis_server.stop()
    cache.set("key", "kept in memory")
    redis_server.start()
    time.sleep(0.3)
    cache.set("key", "in redis")
    assert redis_cache(redis_server.port).get("key") == "in redis"  # another process sees it


def test_the_site_rides_out_a_redis_restart(monkeypatch, redis_server, caplog):
    monkeypatch.setattr(fail_soft, "BREAKER_SECONDS", 0.2)
    one, other = redis_cache(redis_server.port), redis_cache(redis_server.port)
    one.set("shared", "before")
    assert other.get("shared") == "before"
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        redis_server.stop()
        one.set("during", "memory")
        assert one.get("during") == "memory"
        redis_server.start()  # empty: nothing was saved to disk
        time.sleep(0.3)
        one.set("after", "redis")
        assert other.get("after") == "redis"
        assert one.get("during") is None  # what was kept in memory is dropped, not mixed with Redis
    messages = [record.getMessage() for record in caplog.records if record.name == "site_project.cache"]
    assert len(messages) == 2
    assert "unreachable" in messages[0] and "is back" in messages[1]


def test_pages_and_the_api_render_while_redis_is_down(client, petition, redis_down):
    assert client.get("/th/").status_code == 200
    assert client.get(petition.url).status_code == 200
    assert client.get("/api/petitions/").status_code == 200
    assert client.get(f"/api/petitions/{petition.pk}/").status_code == 200


def test_signing_works_while_redis_is_down(client, petition, redis_down):
    response = client.post(sign_url(petition), sign_data(petition))
    assert response.status_code in (302, 303)
    signature = Signature.objects.get(petition=petition)
    assert signature.email == "somying@example.org"


def test_rate_limits_still_count_while_redis_is_down(redis_down, settings):
    settings.PETITION_RATE_LIMIT_BURST = "3/60"
    reasons = [abuse.rate_limit_reason(petition_id=7, ip_hash="a" * 64) for _ in range(4)]
    assert reasons == ["", "", "", QuarantineReason.RATE_BURST]


# --- Shared limits -------------------------------------------------------------------------------------------
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


# --- With the database down: the last good copy, or a translated 503 -----------------------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("th", "เว็บไซต์ขัดข้องชั่วคราว"),
        ("en", "The site is briefly unavailable"),
        ("km", "គេហទំព័រមិនអាចប្រើបានមួយរយៈខ្លី"),
        ("my", "ဝက်ဘ်ဆိုက်ကို ခေတ္တ အသုံးပြု၍ မရနိုင်ပါ"),
    ],
)
def test_a_reader_gets_a_503_in_the_language_of_the_address(client, home, language, text):
    with database_down():
        response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert text in html
    assert f'<html lang="{language}">' in html
    assert "site.css" in html  # in the site's look


def test_a_sign_post_while_the_database_is_down_says_it_may_not_be_saved(client, petition):
    with database_down():
        response = client.post(sign_url(petition, "en"), sign_data(petition))
    assert response.status_code == 503
    assert "What you sent may not have been saved" in response.content.decode()


def test_anonymous_readers_get_the_last_good_copy_while_the_database_is_down(
    client, home, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 10
    client.get("/th/")  # the very first request creates the site settings row, a content change
    assert client.get("/th/")["X-Page-Cache"] == "miss"
    monkeypatch.setattr(
        "site_project.pagecache.freshness.time", SimpleNamespace(time=lambda: time.time() + 3600)
    )
    with database_down():
        response = client.get("/th/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "stale"
    assert '<html lang="th">' in response.content.decode()


def test_a_stale_petition_page_still_carries_a_sign_form(client, petition, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 10
    client.get(petition.url)
    monkeypatch.setattr(
        "site_project.pagecache.freshness.time", SimpleNamespace(time=lambda: time.time() + 3600)
    )
    with database_down():
        response = client.get(petition.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "stale"
    assert "no-store" in response["Cache-Control"]  # no cache in front keeps it
    assert 'name="form_token" value="' in html


def test_signed_in_people_get_the_503_not_a_shared_copy(client, home, settings, editor, client_as):
    settings.PAGE_CACHE_SECONDS = 10
    client.get("/th/")
    client.get("/th/")
    signed_in = client_as(editor)
    with database_down():
        assert signed_in.get("/th/").status_code == 503


def test_a_database_error_raised_outside_a_view_is_a_503_too():
    request = RequestFactory().post("/km/petitions/sign/1/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = views.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "ប្រហែលជាមិនត្រូវបានរក្សាទុកទេ" in response.content.decode()


def test_a_real_database_on_a_closed_port_gives_503s_and_a_503_health_check(tmp_path):
    script = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
answers = {}
for method, path in [("get", "/th/"), ("get", "/en/petitions/"), ("post", "/th/petitions/sign/1/"),
                     ("get", "/api/petitions/"), ("get", "/healthz")]:
    response = getattr(client, method)(path, {"name": "x"} if method == "post" else None)
    answers[f"{method} {path}"] = [response.status_code, response.content.decode()]
print(json.dumps(answers))
"""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "site_project.settings.test",
            "DATABASE_URL": f"postgres://phakhi:hunter2-secret@127.0.0.1:{free_port()}/phakhi",
            "PAGE_CACHE_SECONDS": "10",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert {name: answer[0] for name, answer in answers.items()} == {
        "get /th/": 503,
        "get /en/petitions/": 503,
        "post /th/petitions/sign/1/": 503,
        "get /api/petitions/": 503,
        "get /healthz": 503,
    }
    health = json.loads(answers["get /healthz"][1])
    assert health["can_take_signatures"] is False
    assert "hunter2-secret" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# --- Error pages tell the truth ------------------------------------------------------------------------------
def test_a_server_error_on_a_post_does_not_claim_anything_was_saved(client, home, monkeypatch):
    from site_project.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False
    posted = client.post("/th/").content.decode()
    read = client.get("/en/").content.decode()
    assert "ข้อมูลที่คุณส่งอาจยังไม่ได้บันทึก" in posted
    assert "ไม่ได้สูญหาย" not in posted
    assert "had a problem showing this page" in read
    assert "saved" not in read


# --- Refused attacks are one warning line --------------------------------------------------------------------
def refused(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name.startswith("django.security")]


def assert_one_warning_line(caplog, kind: str) -> None:
    records = refused(caplog)
    assert len(records) == 1, [record.getMessage() for record in records]
    record = records[0]
    assert record.name == f"django.security.{kind}"
    assert record.levelname == "WARNING"
    assert record.exc_info is None and record.exc_text is None
    assert "\n" not in record.getMessage()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_bad_host_is_one_warning_line(client, home, caplog):
    response = client.get("/th/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_one_warning_line(caplog, "DisallowedHost")
    assert "evil.example" in refused(caplog)[0].getMessage()


def test_too_many_fields_is_one_warning_line(client, petition, settings, caplog):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    fields = {**sign_data(petition), **{f"field{number}": "x" for number in range(100)}}
    assert client.post(sign_url(petition), fields).status_code == 400
    assert_one_warning_line(caplog, "TooManyFieldsSent")


def test_too_much_data_is_one_warning_line(client, petition, settings, caplog):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    assert client.post(sign_url(petition), sign_data(petition, name="x" * 5000)).status_code == 400
    assert_one_warning_line(caplog, "RequestDataTooBig")


def test_a_path_that_climbs_out_of_the_media_folder_is_one_warning_line(client, db, caplog):
    response = client.get("/media/..%2F..%2Fetc%2Fpasswd")
    assert response.status_code == 400
    assert_one_warning_line(caplog, "SuspiciousFileOperation")
    assert refused(caplog)[0].getMessage().count("Refused") == 1


def test_any_other_refused_request_reaches_the_console_as_one_warning_line(db):
    import io

    from django.core.exceptions import SuspiciousOperation

    console = next(handler for handler in logging.getLogger().handlers if handler.filters)
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        try:
            raise SuspiciousOperation("a brand-new kind of attack\nwith a second line")
        except SuspiciousOperation:
            logging.getLogger("django.security.BrandNewKind").error("a brand-new kind", exc_info=True)
    finally:
        console.setStream(previous)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert " WARNING django.security.BrandNewKind Refused BrandNewKind: a brand-new kind" in lines[0]
