"""Who may frame what, in a real browser: the editor's preview panel shows the page and runs the accessibility
checker inside it; a partner's site may frame the petition embed and no public page.

A preview is rendered under the page's own public path, whose Content-Security-Policy forbids framing; the
admin's policy must apply to it, or the panel stays blank and the checker finds "0 issues" on every page.
"""

import http.server
import threading

import pytest

from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from site_project.factories import StandardPageFactory

from .conftest import sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def signed_in(live_server, page, english_admin):
    # The admin in English, so that the test can read the checker's messages.
    return sign_in_to_admin(live_server, page, english_admin)


def _open_preview(live_server, page, standard_page):
    page.goto(f"{live_server.url}/admin/pages/{standard_page.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("#w-preview-iframe")
    return frame


def test_the_preview_panel_shows_the_page_being_edited(live_server, signed_in, home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about", intro="เครือข่ายภาคประชาสังคม")
    preview = _open_preview(live_server, signed_in, about)
    heading = preview.locator("main h1")
    heading.wait_for()
    assert heading.inner_text() == "เกี่ยวกับเรา"
    assert preview.locator("main .lead").inner_text() == "เครือข่ายภาคประชาสังคม"


def test_the_accessibility_checker_reports_a_heading_that_skips_a_level(live_server, signed_in, home):
    about = StandardPageFactory(
        parent=home,
        title="เกี่ยวกับเรา",
        slug="about",
        body=[("paragraph", "<h3>ประวัติ</h3><p>เครือข่ายก่อตั้งเมื่อ 2561</p>")],  # h1, then h3: h2 skipped
    )
    page = signed_in
    _open_preview(live_server, page, about).locator("main h3").wait_for()
    page.locator('[data-side-panel-toggle="checks"]').click()
    checks = page.locator('[data-side-panel="checks"]')
    issue = checks.locator("[data-content-checker-row]", has_text="Incorrect heading hierarchy")
    issue.wait_for()
    assert issue.locator("[data-content-checker-selector-text]").inner_text().strip().endswith("h3")
    assert checks.locator("[data-content-checker-count]").inner_text() != "0"


@pytest.fixture
def partner_site():
    """A partner's web site on another origin, serving the page a test gives it.

    A real local server: Chromium refuses a page it did not fetch from the local network (a routed one)
    any frame from the test server, which is local.
    """
    pages = {}

    class PartnerPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PartnerPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield pages, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_partner_site_may_frame_the_petition_embed_but_not_the_public_pages(
    live_server, page, home, partner_site
):
    index = PetitionIndexPageFactory(parent=home, slug="petitions")
    petition = PetitionPageFactory(parent=index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    petition.save_revision().publish()
    pages, partner_url = partner_site
    pages["/"] = (
        f'<iframe name="embed" title="embed" src="{live_server.url}/embed/petitions/{petition.pk}/"></iframe>'
        f'<iframe name="page" title="page" src="{live_server.url}/th/petitions/nightlife/"></iframe>'
    )
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "frame-ancestors" in message.text else None
    )
    page.goto(partner_url + "/")
    embed = page.frame_locator("iframe[name=embed]")
    embed.locator("input[name=email]").wait_for()
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" in embed.locator("body").inner_text()
    page.wait_for_load_state("load")
    refused_frame = page.frame(name="page")
    assert refused_frame.url.startswith("chrome-error:")  # the browser refused to show it
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" not in refused_frame.content()
    assert refused and all("frame-ancestors 'none'" in text for text in refused)
