"""The per-process memo (site, route, view restrictions, site settings, chrome): what an editor changes is seen
by the next request, in this process and in every other one (the content version is a database row)."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction, Site

from site_project import memo
from site_project.factories import MainMenuFactory, StandardPageFactory, publish_translation
from site_project.models import SiteSettings


@pytest.fixture
def settings_row(home):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def elsewhere():
    """What happens inside the block happens as in another process: its own memo is dropped there, not here."""
    with mock.patch.object(memo, "forget"):
        yield


def _publish_new_page(parent, slug="new", title="หน้าใหม่"):
    page = StandardPageFactory(parent=parent, title=title, slug=slug, live=False)
    page.save_revision().publish()
    return page


def test_a_path_that_was_not_a_page_is_served_once_a_page_is_published_there(client, home, about):
    assert client.get("/th/new/").status_code == 404
    _publish_new_page(home)
    assert "หน้าใหม่" in client.get("/th/new/").content.decode()


def test_a_page_published_by_another_process_is_served_at_once(client, home, about, elsewhere):
    assert client.get("/th/new/").status_code == 404
    _publish_new_page(home)
    assert client.get("/th/new/").status_code == 200


def test_an_unpublished_page_is_gone_at_the_next_request(client, about):
    assert client.get("/th/about/").status_code == 200
    about.unpublish()
    assert client.get("/th/about/").status_code == 404


def test_a_moved_page_is_served_at_its_new_address_and_not_the_old(client, home, about, elsewhere):
    section = _publish_new_page(home, slug="section", title="หมวด")
    assert client.get("/th/about/").status_code == 200
    Page.objects.get(pk=about.pk).move(section, pos="last-child")
    assert client.get("/th/section/about/").status_code == 200
    old_address = client.get("/th/about/")  # Wagtail leaves a redirect to the new one
    assert old_address.status_code == 301 and old_address["Location"] == "/th/section/about/"


def test_a_deleted_page_is_gone_at_the_next_request(client, about, elsewhere):
    assert client.get("/th/about/").status_code == 200
    Page.objects.get(pk=about.pk).delete()
    assert client.get("/th/about/").status_code == 404


def test_a_view_restriction_is_enforced_at_the_next_request(client, about, elsewhere):
    assert client.get("/th/about/").status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/th/about/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert about.pk not in set(Page.objects.live().public().values_list("pk", flat=True))


def test_a_page_under_a_restricted_section_is_restricted_too(client, home, about, elsewhere):
    child = _publish_new_page(about, slug="team", title="ทีม")
    assert client.get("/th/about/team/").status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/th/about/team/").status_code == 302
    assert child.get_view_restrictions().count() == 1


def test_a_removed_view_restriction_opens_the_page_again(client, about, elsewhere):
    restriction = PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/th/about/").status_code == 302
    restriction.delete()
    assert client.get("/th/about/").status_code == 200


def test_a_new_translation_is_linked_from_the_page_at_the_next_request(client, home, about, elsewhere):
    assert "/en/about/" not in client.get("/th/about/").content.decode()
    publish_translation(home, "en", title="Phakhi")
    publish_translation(about, "en", title="About us")
    assert "/en/about/" in client.get("/th/about/").content.decode()  # the language link and hreflang
    assert client.get("/en/about/").status_code == 200


def test_a_site_settings_change_is_seen_at_the_next_request(client, about, settings_row, elsewhere):
    assert "quick-exit__button" not in client.get("/th/about/").content.decode()
    settings_row.quick_exit_everywhere = True
    settings_row.save()
    assert "quick-exit__button" in client.get("/th/about/").content.decode()


def test_a_menu_change_is_seen_at_the_next_request(client, home, about, elsewhere):
    client.get("/th/about/")
    menu = MainMenuFactory(items=[("link", {"page": about, "label": "เมนูใหม่", "external_url": ""})])
    assert "เมนูใหม่" in client.get("/th/about/").content.decode()
    menu.delete()
    assert "เมนูใหม่" not in client.get("/th/about/").content.decode()


def test_each_request_reads_the_content_version_once(client, about, django_assert_max_num_queries):
    client.get("/th/about/")  # makes the site settings row (a change: the memo starts again)
    client.get("/th/about/")
    with django_assert_max_num_queries(3) as captured:  # the version, the page, its translations' links
        assert client.get("/th/about/").status_code == 200
    assert sum("site_project_contentversion" in query["sql"] for query in captured) == 1


def test_a_draft_save_keeps_the_memo(about):
    version = memo.read_version()
    about.title = "ร่าง"
    about.save_revision()
    assert memo.read_version() == version


def test_a_signed_in_reader_of_a_restricted_page_is_let_in(client, about):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    user = get_user_model().objects.create_user("reader", password="x")
    client.force_login(user)
    assert client.get("/th/about/").status_code == 200
