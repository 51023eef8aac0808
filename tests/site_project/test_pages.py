"""The page tree rules and the public pages' behaviour."""

import datetime

import pytest
from wagtail.models import Page

from site_project.models import HomePage, StandardPage

from ..conftest import translate


def test_home_pages_live_only_at_the_root_of_the_tree():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_standard_pages_live_under_home_or_another_standard_page():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    children = [model._meta.label for model in StandardPage.allowed_subpage_models()]
    assert children == ["site_project.StandardPage", "advocacy.SurveyPage"]


def test_only_one_home_page_per_language_root(home):
    assert not HomePage.can_create_at(home)


@pytest.mark.django_db
def test_the_thai_home_page_renders_in_thai(client, home):
    response = client.get("/th/")
    assert response.status_code == 200
    assert '<html lang="th">' in response.content.decode()
    assert "ภาคี" in response.content.decode()


def test_the_english_home_page_renders_in_english(client, english_home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_standard_page_shows_its_review_date_in_the_buddhist_era(client, about):
    about.last_reviewed = datetime.date(2025, 11, 25)
    about.save_revision().publish()
    response = client.get("/th/about/")
    assert "25 พฤศจิกายน 2568" in response.content.decode()


def test_an_english_translation_is_served_under_en(client, about):
    translate(about, "en", title="About us")
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert "About us" in response.content.decode()
