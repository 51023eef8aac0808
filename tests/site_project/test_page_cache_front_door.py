"""The page cache's front door under gunicorn: a fresh copy is sent without Django, everything else goes on."""

import gzip
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from site_project import pagecache
from site_project.pagecache.wsgi import PageCacheApplication


class Counting:
    """Django's WSGI handler, counting the requests that reach it (and, as the test client does, leaving the
    test's database connection open)."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            return list(self.handler(environ, start_response))
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


@pytest.fixture
def django_app():
    return Counting()


@pytest.fixture
def front_door(django_app, home, settings):
    """``front_door(path, **headers)``: status, headers and body of a request through the wrapped application."""
    settings.PAGE_CACHE_SECONDS = 30
    application = PageCacheApplication(django_app)

    def request(path, method="GET", **environ):
        environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "HTTP_HOST": "localhost", **environ}
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=dict(headers))

        body = b"".join(application(environ, start_response))
        return answer["status"], answer["headers"], body

    request("/th/")  # the very first request creates the site settings row, a content change
    return request


def test_a_repeat_anonymous_read_never_reaches_django(front_door, django_app):
    _, first_headers, first = front_door("/th/")
    reached = django_app.calls
    status, headers, body = front_door("/th/")
    assert (status, headers["X-Page-Cache"], body) == ("200 OK", "hit", first)
    assert django_app.calls == reached
    assert headers["Content-Security-Policy"] == first_headers["Content-Security-Policy"]
    assert headers["Content-Length"] == str(len(body))
    assert "s-maxage=30" in headers["Cache-Control"]


def test_a_reader_who_accepts_gzip_gets_the_copy_compressed(front_door):
    _, _, plain = front_door("/th/")
    _, headers, body = front_door("/th/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == plain


def test_a_head_request_gets_the_headers_and_no_body(front_door, django_app):
    _, _, page = front_door("/th/")
    status, headers, body = front_door("/th/", method="HEAD")
    assert (status, body, headers["Content-Length"]) == ("200 OK", b"", str(len(page)))


def test_an_undeclared_query_parameter_is_served_the_same_copy(front_door, django_app):
    front_door("/th/")
    reached = django_app.calls
    _, headers, _ = front_door("/th/", QUERY_STRING="fbclid=123")
    assert (headers["X-Page-Cache"], django_app.calls) == ("hit", reached)


@pytest.mark.parametrize(
    "environ",
    [
        pytest.param({"HTTP_COOKIE": "sessionid=abc"}, id="signed-in"),
        pytest.param({"HTTP_COOKIE": "messages=abc"}, id="a-message-waits"),
        pytest.param({"REQUEST_METHOD": "POST"}, id="post"),
    ],
)
def test_what_the_cache_does_not_admit_goes_on_to_django(front_door, django_app, environ):
    front_door("/th/")
    reached = django_app.calls
    method = environ.pop("REQUEST_METHOD", "GET")
    front_door("/th/", method=method, **environ)
    assert django_app.calls == reached + 1


def test_after_a_publish_the_page_comes_from_django_again(front_door, django_app):
    front_door("/th/")
    pagecache.content_changed()
    reached = django_app.calls
    _, headers, _ = front_door("/th/")
    assert (headers["X-Page-Cache"], django_app.calls) == ("miss", reached + 1)


def test_a_host_django_refuses_gets_djangos_400(front_door, django_app):
    status, _, _ = front_door("/th/", HTTP_HOST="evil.example")
    assert status.startswith("400")
