import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench import pyload
from bench.checks import confirm_links, first_count
from bench.load import cookie_header
from bench.pageweight import Resource, is_external, resources_in_html, urls_in_css
from bench.pyload import find_form, looks_accepted
from bench.run import Bench
from bench.scale_signatures import signature_rows
from bench.scenarios import SCENARIOS
from bench.workspace import bench_database_url

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="/static/css/site.abc.css">
<link rel="icon" href="/static/img/icon.png">
<link rel="preload" as="font" href="/static/fonts/sarabun.woff2">
<script src="/static/js/site.js" defer></script>
<script src="https://cdn.example.com/tracker.js"></script>
</head><body>
<img src="/media/images/a.width-800.jpg" alt="">
<img srcset="/media/b-400.jpg 400w, /media/b-800.jpg 800w" alt="">
<img src="data:image/png;base64,AAAA" alt="">
<iframe src="https://www.youtube.com/embed/x"></iframe>
<a href="https://facebook.com/phakhi">not fetched: a link, not a resource</a>
</body></html>"""


def test_page_weight_finds_every_resource_a_browser_loads():
    found = resources_in_html(PAGE, "http://127.0.0.1:8000/th/")
    assert [(r.url.removeprefix("http://127.0.0.1:8000"), r.kind) for r in found] == [
        ("/static/css/site.abc.css", "css"),
        ("/static/img/icon.png", "img"),
        ("/static/fonts/sarabun.woff2", "font"),
        ("/static/js/site.js", "js"),
        ("https://cdn.example.com/tracker.js", "js"),
        ("/media/images/a.width-800.jpg", "img"),
        ("/media/b-400.jpg", "img"),
        ("https://www.youtube.com/embed/x", "frame"),
    ]


def test_page_weight_flags_requests_that_leave_the_site():
    site = "http://127.0.0.1:8000"
    assert is_external("https://cdn.example.com/tracker.js", site)
    assert is_external("http://127.0.0.1:9000/x.js", site)
    assert not is_external("http://127.0.0.1:8000/static/js/site.js", site)


def test_style_sheets_pull_in_their_fonts_and_images():
    css = "@import 'print.css'; body{background:url(../img/bg.png)} @font-face{src:url(\"/f/a.woff2\")}"
    assert urls_in_css(css, "http://h/static/css/site.css") == [
        Resource("http://h/static/css/print.css", "css"),
        Resource("http://h/static/img/bg.png", "img"),
        Resource("http://h/f/a.woff2", "font"),
    ]


SIGN_PAGE = """<form method="get" action="/search/"><input name="q"></form>
<form method="post" action="/th/petitions/sign/7/">
<input type="hidden" name="form_token" value="ft">
<input name="name"><input type="email" name="email">
<select name="province"><option value="">--</option><option value="bangkok">กรุงเทพ</option></select>
<input type="checkbox" name="consent"></form>"""


def test_the_sign_form_is_found_with_its_hidden_fields_and_choices():
    form = find_form(SIGN_PAGE, "email")
    assert form.action == "/th/petitions/sign/7/"
    assert form.fields == {"form_token": "ft"}
    assert form.options["province"] == ["bangkok"]
    assert {"name", "email", "consent"} <= form.inputs


def test_a_form_without_a_csrf_token_or_a_form_token_is_not_the_sign_form():
    assert find_form('<form method="post"><input name="email"></form>', "email") is None


def test_a_form_with_a_csrf_token_is_found_too():
    page = '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="t"></form>'
    assert find_form(page).fields == {"csrfmiddlewaretoken": "t"}


def test_a_post_is_accepted_when_it_redirects_or_shows_no_error():
    assert looks_accepted(303, b"")
    assert looks_accepted(200, b"<p>Thank you</p>")
    assert not looks_accepted(200, b'<ul class="errorlist"><li>Required</li></ul>')
    assert not looks_accepted(400, b"")
    assert not looks_accepted(403, b"CSRF")


def test_confirmation_links_are_read_from_the_mail_files(tmp_path: Path):
    from email.mime.text import MIMEText

    message = MIMEText("ยืนยันรายชื่อ: http://localhost/th/petitions/confirm/abc123/ ขอบคุณ", "plain", "utf-8")
    message["Subject"] = "Confirm"
    other = MIMEText("Unsubscribe: http://localhost/th/petitions/unsubscribe/zzz/", "plain", "utf-8")
    separator = b"\n" + b"-" * 79 + b"\n"
    (tmp_path / "1.log").write_bytes(message.as_bytes() + separator + other.as_bytes() + separator)
    assert confirm_links(tmp_path) == ["/th/petitions/confirm/abc123/"]


def test_the_public_count_is_found_in_the_petition_json():
    assert first_count({"id": 3, "title": "x", "signature_count": 41, "goal": 100}) == 41
    assert first_count({"petitions": [{"id": 3, "signature_count": 5}]}) == 5
    assert first_count({"id": 3}) is None


def test_the_bench_never_touches_the_database_it_was_given():
    url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
    assert bench_database_url(url) == "postgres://postgres@127.0.0.1:5432/phakhi_bench?sslmode=disable"


def test_only_the_servers_the_chosen_scenarios_need_are_started(monkeypatch):
    monkeypatch.setenv("BENCH_ONLY", "dashboard,baseline")
    bench = Bench()
    assert bench.wanted("baseline")
    assert bench.wanted("reading-cold", "staff-cold")
    assert not bench.wanted("reading", "api", "signing", "confirming", "mixed")
    assert [s.name for s in SCENARIOS if s.group == "staff-cold" and bench.selected(s)] == [
        "cold dashboard ×1",
        "cold dashboard, a year ×1",
    ]


def test_the_python_generator_sends_the_staff_session_with_every_request():
    seen = []

    class Admin(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  (the handler's name is http.server's)
            seen.append(self.headers.get("Cookie"))
            signed_in = self.headers.get("Cookie") == "sessionid=abc; lang=th"
            self.send_response(200 if signed_in else 500)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Admin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = pyload.run(
            {
                "base": f"http://127.0.0.1:{server.server_port}",
                "seconds": 0.3,
                "concurrency": 1,
                "flow": "get",
                "urls": ["/admin/advocacy/"],
                "cookies": {"sessionid": "abc", "lang": "th"},
            }
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result["requests"] > 0
    assert result["errors"] == 0
    assert set(seen) == {"sessionid=abc; lang=th"}
    assert cookie_header({"sessionid": "abc", "lang": "th"}) == "sessionid=abc; lang=th"


def test_full_size_signatures_reach_back_a_year_but_the_largest_petition_signs_every_seven_seconds():
    rows = list(signature_rows([1, 2, 3], total=1_000, largest=600, days=365))
    assert len(rows) == 1_000
    largest = [ago for petition, _serial, ago in rows if petition == 1]
    assert largest[:3] == [0, 7, 14]
    others = [ago for petition, _serial, ago in rows if petition != 1]
    assert len(others) == 400
    assert 363 * 86400 < max(others) < 365 * 86400
