"""Languages: the root redirect, language prefixes, the switcher and <html lang> (dates: ``test_dates.py``)."""

import pytest

from ..conftest import translate


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("km-KH,km;q=0.9", "/km/"),
        ("my", "/my/"),
        ("th-TH,th;q=0.9,en;q=0.5", "/th/"),
        ("de-DE,fr;q=0.8", "/th/"),
        ("", "/th/"),
    ],
)
def test_the_root_redirects_to_the_visitors_preferred_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language_code", ["th", "en", "km", "my"])
def test_every_language_home_sets_html_lang(client, home, language_code):
    if language_code != "th":
        translate(home, language_code, title=f"Phakhi {language_code}")
    response = client.get(f"/{language_code}/")
    assert response.status_code == 200
    assert f'<html lang="{language_code}">' in response.content.decode()


def test_the_switcher_links_to_the_same_page_in_a_translated_language(client, about, english_home):
    translate(about, "en", title="About us")
    html = client.get("/th/about/").content.decode()
    assert 'href="/en/about/" lang="en"' in html


def test_the_switcher_falls_back_to_the_language_home_when_there_is_no_translation(
    client, about, english_home
):
    html = client.get("/th/about/").content.decode()
    assert 'href="/en/" lang="en"' in html


def test_the_switcher_marks_the_current_language(client, home):
    html = client.get("/th/").content.decode()
    assert 'lang="th" hreflang="th" aria-current="true"' in html


def test_an_unknown_language_prefix_is_read_as_a_thai_path_and_not_found(client, home):
    response = client.get("/fr/", follow=True)
    assert response.redirect_chain == [("/th/fr/", 302)]
    assert response.status_code == 404
