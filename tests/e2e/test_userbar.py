"""The Wagtail user bar on a public page, in a real browser: a signed-in editor sees it and can open it, under
the public Content-Security-Policy (nothing refused); an anonymous reader never gets it."""

import pytest

from site_project.factories import StandardPageFactory

from .conftest import sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_signed_in_editor_opens_the_user_bar_on_a_public_page(live_server, page, admin_user, home):
    # A superuser: the "Editors" group's admin and page permissions come from Wagtail's migrations, which a
    # serialized rollback in another browser test of the same worker may have taken away (pytest-django #1117).
    StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Refused" in message.text else None)
    sign_in_to_admin(live_server, page, admin_user)

    page.goto(f"{live_server.url}/th/about/")
    trigger = page.locator("[data-wagtail-userbar-trigger]")
    trigger.click()

    edit = page.locator("#wagtail-userbar-items a[href*='/edit/']").first
    edit.wait_for(state="visible")
    assert edit.is_visible()
    assert not refused, refused


def test_an_anonymous_reader_gets_no_user_bar(live_server, page, home):
    StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    page.goto(f"{live_server.url}/th/about/")
    assert page.locator("wagtail-userbar").count() == 0
