"""A shared HTTP cache in front of the site: which pages it may keep, and the ban a publish sends to Varnish."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Site

from site_project.models import SiteSettings
from site_project.pagecache import shared
from site_project.settings.shared_caches import cdn_backends
from stories.factories import StoryIndexPageFactory
from tests.conftest import publish_open_petition


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


class Capturing(BaseHTTPRequestHandler):
    """Answers 200 to PURGE and BAN and keeps (method, path, Host) of each."""

    def record(self):
        self.server.requests.append((self.command, self.path, self.headers.get("Host")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_BAN = do_PURGE = record

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A stand-in Varnish on a free port, configured as ``VARNISH_URL``; its ``requests`` as they come."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Capturing)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.VARNISH_URL = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture
def petition(petition_index):
    return publish_open_petition(petition_index)


# --- Cache-Control --------------------------------------------------------------------------------------------
def test_an_anonymous_petition_page_may_be_kept_by_a_shared_cache(client, petition, page_cache):
    for response in (client.get(petition.url), client.get(petition.url)):
        assert {"public", "s-maxage=30"} <= directives(response)
        assert {"Cookie", "Accept-Encoding"} <= {part.strip() for part in response["Vary"].split(",")}


def test_a_signed_in_reader_of_the_same_page_is_answered_privately(client_as, editor, petition, page_cache):
    response = client_as(editor).get(petition.url)
    assert response.status_code == 200
    assert "private" in directives(response)
    assert "public" not in directives(response)


@pytest.mark.parametrize("path", ["/admin/login/", "/th/account/login/"])
def test_the_admin_and_the_partner_portal_are_never_shared(client, home, page_cache, path):
    response = client.get(path)
    assert response.status_code == 200
    assert directives(response) & {"private", "no-store", "no-cache"}
    assert "public" not in directives(response)


def test_the_share_your_story_form_with_its_csrf_token_is_never_shared(client, home, page_cache):
    StoryIndexPageFactory(parent=home, slug="stories").save_revision().publish()
    response = client.get("/th/stories/share/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in directives(response)


def test_a_sign_post_is_never_shared(client, petition, page_cache):
    response = client.post(f"/th/petitions/sign/{petition.pk}/", {"email": "not an address"})
    assert "public" not in directives(response)
    assert "s-maxage" not in response.get("Cache-Control", "")


# --- The ban on publish ---------------------------------------------------------------------------------------
def test_publishing_a_page_bans_the_site_from_varnish_once_committed(
    petition, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
        assert varnish.requests == []  # not before the page is committed
    assert varnish.requests == [("BAN", "/", "127.0.0.1")]


def test_unpublishing_a_page_bans_it_too(petition, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        petition.unpublish()
    assert [method for method, _, _ in varnish.requests] == ["BAN"]


def test_editing_the_site_settings_bans_it_too(petition_index, varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.for_site(Site.objects.get(is_default_site=True)).save()
    assert [method for method, _, _ in varnish.requests] == ["BAN"]


def test_a_transaction_that_publishes_many_pages_sends_one_ban(
    petition_index, varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish_open_petition(petition_index)
        petition_index.save_revision().publish()
    assert varnish.requests == [("BAN", "/", "127.0.0.1")]


def test_without_a_varnish_nothing_is_sent(petition, settings, django_capture_on_commit_callbacks):
    settings.VARNISH_URL = ""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        petition.save_revision().publish()
    assert shared.ban_site not in callbacks


# --- Faults ---------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_publish_succeeds_and_logs_when_varnish_is_down(
    petition, settings, caplog, django_capture_on_commit_callbacks
):
    settings.VARNISH_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    petition.title = "ปิดสถานบันเทิงเที่ยงคืน"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
    petition.refresh_from_db()
    assert petition.live and petition.title == "ปิดสถานบันเทิงเที่ยงคืน"
    assert "Could not ban 127.0.0.1 from Varnish" in caplog.text


def test_a_varnish_that_never_answers_costs_a_publish_one_timeout_at_most(
    petition, settings, caplog, django_capture_on_commit_callbacks
):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    settings.VARNISH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            petition.save_revision().publish()
        assert time.monotonic() - started < shared.TIMEOUT + 1.5
    finally:
        silent.close()
    assert "timed out" in caplog.text


def test_a_varnish_that_refuses_the_ban_is_logged(
    petition, varnish, caplog, django_capture_on_commit_callbacks
):
    Capturing.do_BAN = lambda handler: handler.send_error(405, "Not allowed")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            petition.save_revision().publish()
    finally:
        Capturing.do_BAN = Capturing.record
    assert "refused the ban of 127.0.0.1: 405" in caplog.text


def test_with_a_varnish_on_each_web_machine_each_gets_the_ban_even_when_another_is_down(
    petition, varnish, settings, caplog, django_capture_on_commit_callbacks
):
    down = f"http://127.0.0.1:{free_port()}"
    settings.VARNISH_URL = f"{down}, {settings.VARNISH_URL}"
    with django_capture_on_commit_callbacks(execute=True):
        petition.save_revision().publish()
    assert varnish.requests == [("BAN", "/", "127.0.0.1")]
    assert "Could not ban 127.0.0.1 from Varnish" in caplog.text


# --- CDN settings ---------------------------------------------------------------------------------------------
def test_a_cloudflare_zone_and_token_make_a_frontend_cache_backend():
    backends = cdn_backends(
        cloudflare_zone_id="zone", cloudflare_api_token="token", cloudfront_distribution_id=""
    )
    assert backends == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "token",
        }
    }


def test_half_a_cloudflare_configuration_fails_closed():
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_API_TOKEN"):
        cdn_backends(cloudflare_zone_id="zone", cloudflare_api_token="", cloudfront_distribution_id="")


def test_no_cdn_settings_make_no_backend():
    assert cdn_backends(cloudflare_zone_id="", cloudflare_api_token="", cloudfront_distribution_id="") == {}
