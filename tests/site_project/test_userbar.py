"""The Wagtail user bar on public pages: a signed-in editor gets it (to edit the page they read), an anonymous
reader never does, and the anonymous page cache never keeps a copy with it."""

import pytest
from wagtail.models import Site

from site_project.models import SiteSettings

USERBAR = "wagtail-userbar"


@pytest.fixture
def page_cache(settings, home):
    settings.PAGE_CACHE_SECONDS = 30
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on a site's first read otherwise


def test_a_signed_in_editor_sees_the_user_bar_with_a_link_to_edit_the_page(about, editor, client_as):
    html = client_as(editor).get("/th/about/").content.decode()
    assert USERBAR in html
    assert f"/admin/pages/{about.pk}/edit/" in html


def test_an_anonymous_reader_and_a_signed_in_non_editor_do_not(about, outsider, client_as, client):
    assert USERBAR not in client.get("/th/about/").content.decode()
    assert USERBAR not in client_as(outsider).get("/th/about/").content.decode()


def test_the_editors_page_is_never_cached_for_anonymous_readers(about, editor, client_as, client, page_cache):
    seen_by_editor = client_as(editor).get("/th/about/")
    assert USERBAR in seen_by_editor.content.decode()
    assert "X-Page-Cache" not in seen_by_editor and "private" in seen_by_editor["Cache-Control"]

    first, second = client.get("/th/about/"), client.get("/th/about/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert USERBAR not in first.content.decode() and USERBAR not in second.content.decode()


def test_an_editor_still_gets_the_bar_once_the_anonymous_copy_is_cached(
    about, editor, client_as, client, page_cache
):
    client.get("/th/about/")
    assert client.get("/th/about/")["X-Page-Cache"] == "hit"

    again = client_as(editor).get("/th/about/")

    assert "X-Page-Cache" not in again
    assert USERBAR in again.content.decode()
