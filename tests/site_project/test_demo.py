"""The demo content: built from the seeds, idempotent, and rebuilt by --reset."""

import io

from django.core.management import call_command
from wagtail.models import Page

from site_project.models import Footer, HelpLine, HomePage, MainMenu


def load(*args):
    out = io.StringIO()
    call_command("load_demo_data", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (Page.objects.count(), HelpLine.objects.count(), Footer.objects.count(), MainMenu.objects.count())


def test_the_demo_builds_thai_and_english_pages(demo, client):
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {"th", "en", "km", "my"}
    for url, text in [
        ("/th/", "ภาคี"),
        ("/en/", "Phakhi"),
        ("/th/about/", "เกี่ยวกับเรา"),
        ("/en/about/", "About us"),
        ("/th/privacy/", "ประกาศความเป็นส่วนตัว"),
        ("/en/privacy/", "Privacy notice"),
        ("/th/accessibility/", "การเข้าถึง"),
        ("/en/accessibility/", "Accessibility statement"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_the_demo_shows_the_1300_hotline(demo, client):
    assert 'href="tel:1300"' in client.get("/th/").content.decode()


def test_loading_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    load()
    assert snapshot() == before


def test_reset_rebuilds_the_demo_from_scratch(demo):
    before = snapshot()
    load("--reset")
    assert snapshot() == before


def test_the_demo_prints_the_admin_login(db):
    output = load()
    assert "Admin: username admin, password " in output
