"""With the database down: the last good copy, or a translated 503, never a 500.

The database is taken away by refusing its connection, or, in a subprocess, by pointing DATABASE_URL at a
closed port.
"""

import json
import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from site_project import views
from tests.petitions.conftest import sign_data, sign_url

from .outages import ROOT, database_down, free_port


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
