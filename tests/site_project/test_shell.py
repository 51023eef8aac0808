"""The page shell: landmarks, skip link, security headers, quick exit, help lines and error pages."""

import re

from django.test import Client
from wagtail.models import Site

from site_project.factories import HelpLineFactory
from site_project.models import SiteSettings

from ..conftest import translate

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)


def test_every_page_has_landmarks_and_a_skip_link(client, home):
    html = client.get("/th/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert 'aria-label="' in html  # the navigation landmarks are named


def test_no_page_carries_inline_script_or_inline_style(client, about):
    html = client.get("/th/about/").content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert "style=" not in html


def test_public_responses_carry_the_security_headers(client, home):
    response = client.get("/th/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_may_frame_its_own_previews(client, admin_user, client_as):
    response = client_as(admin_user).get("/admin/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_hsts_is_sent_when_the_site_runs_on_https(settings, home):
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 31536000
    response = Client(HTTP_HOST="127.0.0.1").get("/th/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_quick_exit_is_hidden_on_ordinary_pages(client, about):
    assert "data-quick-exit" not in client.get("/th/about/").content.decode()


def test_quick_exit_appears_on_a_page_marked_sensitive(client, about):
    about.is_sensitive = True
    about.save_revision().publish()
    html = client.get("/th/about/").content.decode()
    assert "data-quick-exit" in html
    assert 'href="https://www.tmd.go.th/"' in html


def test_quick_exit_appears_everywhere_when_the_site_setting_says_so(client, about):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.quick_exit_everywhere = True
    site_settings.quick_exit_url = "https://weather.example/"
    site_settings.save()
    html = client.get("/th/about/").content.decode()
    assert 'href="https://weather.example/"' in html


def test_the_help_panel_lists_help_lines_in_the_readers_language(client, english_home):
    thai_line = HelpLineFactory(name="ศูนย์ช่วยเหลือสังคม", number="1300")
    english_line = thai_line.copy_for_translation(english_home.locale)
    english_line.name = "Social Assistance Center"
    english_line.save()
    assert "ศูนย์ช่วยเหลือสังคม" in client.get("/th/").content.decode()
    html = client.get("/en/").content.decode()
    assert "Social Assistance Center" in html
    assert 'href="tel:1300"' in html


def test_a_new_help_line_shows_at_once_despite_the_chrome_cache(client, home):
    client.get("/th/")
    HelpLineFactory(name="สายด่วนสุขภาพจิต", number="1323")
    assert "สายด่วนสุขภาพจิต" in client.get("/th/").content.decode()


def test_the_not_found_page_is_in_thai_under_th(client, home):
    response = client.get("/th/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert "ไม่พบหน้าที่คุณต้องการ" in html


def test_the_not_found_page_is_in_english_under_en(client, english_home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_server_error_shows_the_localised_error_page(client, home, monkeypatch):
    from site_project.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False
    response = client.get("/th/")
    assert response.status_code == 500
    assert "เกิดข้อผิดพลาด" in response.content.decode()


def test_the_home_page_runs_a_fixed_number_of_queries(client, home, django_assert_max_num_queries):
    client.get("/th/")  # creates the site settings row, which refreshes the chrome
    client.get("/th/")  # warms the chrome cache
    # Routing and settings (8), and each of the home page's five sections: its pages and, for ``public()``,
    # the view restrictions (issue 15 brings every public page type to at most 12).
    with django_assert_max_num_queries(20):
        assert client.get("/th/").status_code == 200


def test_robots_txt_keeps_crawlers_out_of_the_admin(client, db):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


def test_translated_pages_render_the_english_chrome(client, english_home):
    translate(english_home, "en", title="Phakhi")
    assert "Skip to main content" in client.get("/en/").content.decode()
