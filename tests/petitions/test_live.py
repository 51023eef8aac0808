"""A petition going viral: many people signing and confirming at the same moment, against a live server.

The server is Django's threaded live server with its request threads capped, as gunicorn's workers are in
production: an uncapped test server would open one database connection per client and exhaust PostgreSQL's
100 connections, which measures the test harness rather than the site.
"""

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core import mail
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from petitions.models import Signature, SignatureStatus

from .conftest import CONFIRM_LINK

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PEOPLE = 200
SAME_ADDRESS_ATTEMPTS = 20
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_INPUT = re.compile(r'name="form_token" value="([^"]+)"')


class BoundedWSGIServer(ThreadedWSGIServer):
    max_request_threads = 32
    request_queue_size = 512

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._slots = threading.BoundedSemaphore(self.max_request_threads)

    def process_request(self, request, client_address):
        self._slots.acquire()
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class BoundedLiveServerThread(LiveServerThread):
    server_class = BoundedWSGIServer


@pytest.fixture
def server_url(transactional_db):
    thread = BoundedLiveServerThread("localhost", _StaticFilesHandler, connections_override=None, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()


@pytest.fixture
def open_to_load(settings):
    settings.PETITION_RATE_LIMIT_ALLOWLIST = ["127.0.0.0/8", "::1/128"]
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PAGE_CACHE_SECONDS = 10  # as in production: most signers read the petition's cached copy


def sign_as(base_url: str, petition, email: str, name: str) -> tuple[int, str]:
    """What one person's browser does: load the petition (from the page cache, mostly), then send the form."""
    with requests.Session() as browser:
        page = browser.get(f"{base_url}/th/petitions/{petition.slug}/", timeout=60)
        assert page.status_code == 200, page.status_code
        response = browser.post(
            f"{base_url}/th/petitions/sign/{petition.pk}/",
            data={
                "form_token": FORM_TOKEN_INPUT.search(page.text).group(1),
                "name": name,
                "email": email,
                "province": "chiang-rai",
                "consent": "on",
                "source": "load-test",
            },
            allow_redirects=False,
            timeout=60,
        )
        return response.status_code, response.headers.get("Location", "")


def confirm_as(base_url: str, token: str) -> int:
    with requests.Session() as browser:
        page = browser.get(f"{base_url}/th/petitions/confirm/{token}/", timeout=60)
        assert page.status_code == 200, page.status_code
        response = browser.post(
            f"{base_url}/th/petitions/confirm/{token}/",
            data={"csrfmiddlewaretoken": CSRF_INPUT.search(page.text).group(1)},
            timeout=60,
        )
        return response.status_code


def public_count(base_url: str, petition) -> int:
    return requests.get(f"{base_url}/api/petitions/{petition.pk}/", timeout=30).json()["signature_count"]


def test_two_hundred_people_signing_and_confirming_at_once_are_counted_exactly(
    server_url, petition, open_to_load
):
    mail.outbox.clear()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        signed = list(
            pool.map(
                lambda n: sign_as(server_url, petition, f"person{n}@example.org", f"ผู้ลงชื่อ {n}"), range(PEOPLE)
            )
        )
    assert {status for status, _location in signed} == {302}
    tokens = [CONFIRM_LINK.search(message.body).group(1) for message in mail.outbox]
    assert len(tokens) == PEOPLE

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        confirmed = list(pool.map(lambda token: confirm_as(server_url, token), tokens))
    assert set(confirmed) == {200}
    confirmed_at = time.monotonic()

    while public_count(server_url, petition) != PEOPLE:
        assert time.monotonic() - confirmed_at < 10, "the public count did not reach 200 within 10 seconds"
        time.sleep(0.25)
    print(  # noqa: T201  (the timings are the point of this test; pytest -s shows them)
        f"\n200 signers: signed and confirmed in {confirmed_at - started:.1f}s, "
        f"count exact {time.monotonic() - confirmed_at:.1f}s after the last confirmation"
    )
    assert Signature.objects.filter(status=SignatureStatus.CONFIRMED).count() == PEOPLE


def test_twenty_simultaneous_signatures_from_one_address_leave_one_row(server_url, petition, open_to_load):
    with ThreadPoolExecutor(max_workers=SAME_ADDRESS_ATTEMPTS) as pool:
        responses = list(
            pool.map(
                lambda n: sign_as(server_url, petition, f"Same.Person+{n}@gmail.com", "คนเดิม"),
                range(SAME_ADDRESS_ATTEMPTS),
            )
        )
    assert len(set(responses)) == 1 and responses[0][0] == 302
    assert Signature.objects.filter(petition=petition).count() == 1
