"""Debian's varnishd with deploy/varnish/phakhi.vcl in front of a live server: what it keeps, what it passes,
and a publish showing through it within 2 s. ``make system`` installs varnishd (bin/install-varnish)."""

import http.client
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from petitions.models import Signature
from tests.conftest import publish_open_petition

# What Varnish passes, keeps and bans does not depend on the database engine: CI runs these on SQLite only
# (on PostgreSQL a serialized rollback restored after another transactional test meets pytest-django #1117).
pytestmark = [
    pytest.mark.live,
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "phakhi.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
FORM_TOKEN_INPUT = re.compile(r'name="form_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server_port(transactional_db):
    thread = LiveServerThread("127.0.0.1", _StaticFilesHandler, connections_override=None, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield thread.port
    thread.terminate()


@pytest.fixture
def varnish(server_port, settings, tmp_path):
    """varnishd on its own port and working directory, the deploy VCL pointed at the live server; its URL."""
    if not Path(VARNISHD).exists():
        pytest.skip("varnishd is not installed (bin/install-varnish, run by make system)")
    vcl = tmp_path / "phakhi.vcl"
    vcl.write_text(re.sub(r'\.port = "\d+";', f'.port = "{server_port}";', VCL.read_text(), count=1))
    port = free_port()
    command = [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(  # noqa: S603  (our own argv)
        [*command, "-f", str(vcl), "-s", "malloc,64m"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stdout.read().decode(errors="replace")[-2000:]
            try:
                if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "varnishd did not answer within 30 s"
            time.sleep(0.2)
        settings.VARNISH_URL = url
        settings.PAGE_CACHE_SECONDS = 10
        settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
        settings.PETITION_RATE_LIMIT_ALLOWLIST = ["127.0.0.0/8"]
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture
def petition(petition_index):
    return publish_open_petition(petition_index)


def test_a_second_anonymous_read_is_a_varnish_hit(varnish, petition):
    first = requests.get(f"{varnish}{petition.url}", timeout=30)
    second = requests.get(f"{varnish}{petition.url}?fbclid=IwAR0", timeout=30)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert "s-maxage=10" in second.headers["Cache-Control"]
    assert "Accept-Encoding" in second.headers["Vary"]


def test_a_signature_posted_through_varnish_reaches_the_site(varnish, petition):
    with requests.Session() as browser:
        page = browser.get(f"{varnish}{petition.url}", timeout=30)
        response = browser.post(
            f"{varnish}/th/petitions/sign/{petition.pk}/",
            data={
                "form_token": FORM_TOKEN_INPUT.search(page.text).group(1),
                "name": "สมหญิง ใจดี",
                "email": "somying@example.org",
                "province": "chiang-rai",
                "consent": "on",
            },
            allow_redirects=False,
            timeout=30,
        )
    assert (response.status_code, response.headers["X-Cache"]) == (302, "PASS")
    assert Signature.objects.filter(petition=petition).count() == 1


def test_the_admin_and_a_signed_in_reader_pass_through(varnish, petition):
    for _ in range(2):
        admin = requests.get(f"{varnish}/admin/", allow_redirects=False, timeout=30)
        assert admin.headers["X-Cache"] == "PASS"
        signed_in = requests.get(f"{varnish}{petition.url}", cookies={"sessionid": "abc"}, timeout=30)
        assert signed_in.headers["X-Cache"] == "PASS"


def test_a_publish_shows_through_varnish_within_two_seconds(varnish, petition):
    requests.get(f"{varnish}{petition.url}", timeout=30)
    assert requests.get(f"{varnish}{petition.url}", timeout=30).headers["X-Cache"] == "HIT"
    petition.title = "ปิดสถานบันเทิงเที่ยงคืน"
    started = time.monotonic()
    petition.save_revision().publish()
    while "ปิดสถานบันเทิงเที่ยงคืน" not in requests.get(f"{varnish}{petition.url}", timeout=30).text:
        assert time.monotonic() - started < 2, "the new title did not show through Varnish within 2 s"
        time.sleep(0.05)


def test_a_ban_or_purge_from_outside_the_purgers_is_refused(varnish, petition):
    requests.get(f"{varnish}{petition.url}", timeout=30)
    host, port = varnish.removeprefix("http://").split(":")
    for method in ("BAN", "PURGE"):  # from 127.0.0.2, a loopback address the purgers ACL does not name
        outsider = http.client.HTTPConnection(host, int(port), timeout=10, source_address=("127.0.0.2", 0))
        outsider.request(method, petition.url)
        assert outsider.getresponse().status == 405
        outsider.close()
    assert requests.get(f"{varnish}{petition.url}", timeout=30).headers["X-Cache"] == "HIT"
    assert requests.request("BAN", f"{varnish}/", timeout=10).status_code == 200  # from 127.0.0.1, a purger
    assert requests.get(f"{varnish}{petition.url}", timeout=30).headers["X-Cache"] == "MISS"
