"""Links that open, on a petition: the confirmation e-mail, sitemaps, og:url, share links and the API all
start with PUBLIC_URL (here the address ``make run`` gives with PORT=8123), whatever Host the request carried."""

import json
import re

import pytest
from django.core import mail
from django.test import Client

from site_project.public_url import sync_default_site

SERVED_AT = "http://127.0.0.1:8123"
LINK = re.compile(r"https?://[^\s\"'<>]+/petitions/confirm/[A-Za-z0-9_-]+/")
LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture
def served_at_8123(settings, petition):
    """The site as ``make run`` serves it with PORT=8123: base.py derives WAGTAILADMIN_BASE_URL the same way."""
    settings.PUBLIC_URL = settings.WAGTAILADMIN_BASE_URL = SERVED_AT
    sync_default_site()
    return SERVED_AT


def test_the_confirmation_email_links_to_the_public_url_and_following_it_confirms(
    served_at_8123, sign, petition, django_capture_on_commit_callbacks
):
    from petitions.models import Signature, SignatureStatus

    sign(petition, email="somying@example.org")
    (link,) = LINK.findall(mail.outbox[-1].body)
    assert link.startswith(f"{SERVED_AT}/th/petitions/confirm/")

    browser = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1:8123")
    page = browser.get(link)
    assert page.status_code == 200
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = browser.post(link, {"csrfmiddlewaretoken": csrf})
    assert confirmed.status_code == 303
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED


def test_the_sitemaps_list_every_address_at_the_public_url(served_at_8123, client):
    index = client.get("/sitemap.xml").content.decode()
    sections = LOC.findall(index)
    assert sections and all(loc.startswith(f"{SERVED_AT}/sitemap-") for loc in sections)
    pages = LOC.findall(client.get("/sitemap-th.xml").content.decode())
    assert f"{SERVED_AT}/th/petitions/nightlife/" in pages
    assert all(loc.startswith(f"{SERVED_AT}/") for loc in pages)
    assert f"Sitemap: {SERVED_AT}/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_og_url_canonical_and_share_links_use_the_public_url_not_the_request_host(served_at_8123, client):
    html = client.get("/th/petitions/nightlife/").content.decode()  # the client says Host: 127.0.0.1
    assert f'<meta property="og:url" content="{SERVED_AT}/th/petitions/nightlife/">' in html
    assert "http://127.0.0.1/th/" not in html
    assert "sharer.php?u=http%3A%2F%2F127.0.0.1%3A8123%2Fth%2Fpetitions%2Fnightlife%2F" in html
    assert f'data-copy="{SERVED_AT}/th/petitions/nightlife/?src=copy"' in html
    home = client.get("/th/").content.decode()
    assert f'<link rel="canonical" href="{SERVED_AT}/th/">' in home
    assert f'<meta property="og:url" content="{SERVED_AT}/th/">' in home


def test_the_api_gives_petition_addresses_at_the_public_url(served_at_8123, client, petition):
    listing = json.loads(client.get("/api/petitions/").content)
    assert [entry["url"] for entry in listing["petitions"]] == [f"{SERVED_AT}/th/petitions/nightlife/"]
    detail = json.loads(client.get(f"/api/petitions/{petition.pk}/").content)
    assert detail["url"] == f"{SERVED_AT}/th/petitions/nightlife/"


def test_a_page_full_url_agrees_with_the_public_url(served_at_8123, petition):
    assert petition.get_full_url() == f"{SERVED_AT}/th/petitions/nightlife/"
