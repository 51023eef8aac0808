"""Khmer and Burmese readers get their own site: pages, menu, footer and help lines in their language, and any
text in another language marked with its own ``lang`` (the axe check of the same pages: tests/e2e/test_km_my.py)."""

import re

import pytest

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, ensure_vocabularies
from partners.models import Service
from site_project.factories import FooterFactory, HelpLineFactory, MainMenuFactory, locale
from site_project.models import Footer, HelpLine, MainMenu

from ..conftest import translate
from .page_languages import REQUIRED, khmer_and_burmese_pages, links_in, mislabelled

CHROME = {"brand", "main-nav", "help-lines", "footer"}


def problems_of(client, pages: dict[str, str]) -> dict:
    """For each page that fails: its status and language, or the text it shows in another, unmarked."""
    problems = {}
    for path, language in sorted(pages.items()):
        response = client.get(path)
        html = response.content.decode()
        if response.status_code != 200 or f'<html lang="{language}">' not in html:
            problems[path] = f"status {response.status_code}, not <html lang={language}>"
        elif found := mislabelled(html):
            problems[path] = found
    return problems


def test_every_khmer_and_burmese_demo_page_is_in_its_language_with_no_unmarked_thai(demo, client):
    pages = khmer_and_burmese_pages()
    assert {path for paths in REQUIRED.values() for path in paths} <= set(pages)
    assert not problems_of(client, {path: code for path, code in pages.items() if path not in PETITION_PAGES})


# The petition page shows its decision makers, co-sponsors, co-signers' statements, delivery records and
# signers' names as the Thai petition has them, each marked by its script (language_tags.script_lang, script_spans).
PETITION_PAGES = {"/km/petitions/nightlife-4am/": "km", "/my/petitions/nightlife-4am/": "my"}


def test_the_khmer_and_burmese_petition_pages_mark_what_stays_in_thai(demo, client):
    assert not problems_of(client, PETITION_PAGES)


def test_the_khmer_and_burmese_menu_and_footer_lead_to_pages_in_the_same_language(demo, client):
    translated = set(khmer_and_burmese_pages())
    for language in REQUIRED:
        html = client.get(f"/{language}/").content.decode()
        links = links_in(html, "main-nav") + links_in(html, "footer")
        internal = [link for link in links if link["href"].startswith("/")]
        assert len(internal) >= 5
        assert all(link["href"].startswith(f"/{language}/") for link in internal), internal
        assert {link["href"] for link in internal} <= translated | {f"/{language}/account/"}
        assert not any(link.get("lang") for link in internal)


def test_the_help_lines_in_khmer_and_burmese_say_they_answer_in_thai(demo, client):
    for language, in_thai in (("km", "ឆ្លើយជាភាសាថៃ"), ("my", "ထိုင်းဘာသာဖြင့် ဖြေကြားသည်")):
        lines = HelpLine.objects.filter(locale__language_code=language)
        assert set(lines.values_list("number", flat=True)) == {"1300", "1323", "191", "1669"}
        assert all(in_thai in line.hours for line in lines)
        html = client.get(f"/{language}/").content.decode()
        assert 'href="tel:1300"' in html and in_thai in html


@pytest.fixture
def thai_chrome_only(home, about):
    """A Khmer home and about page, and only the Thai menu, footer and help lines."""
    translate(home, "km", title="ភាគី", intro="បណ្តាញដៃគូ")
    translate(about, "km", title="អំពីយើង")
    MainMenuFactory(
        locale=locale("th"),
        items=[
            ("link", {"page": home, "label": "หน้าแรก", "external_url": ""}),
            ("link", {"page": about, "label": "", "external_url": ""}),
        ],
    )
    FooterFactory(locale=locale("th"), organisation_name="ภาคี", tagline="ร่วมกันยุติความรุนแรง")
    HelpLineFactory(locale=locale("th"))


def test_a_language_without_its_own_chrome_shows_the_thai_one_marked_as_thai(client, thai_chrome_only):
    html = client.get("/km/").content.decode()
    assert not mislabelled(html, within=CHROME)
    menu = links_in(html, "main-nav")
    # The Thai label stays Thai (marked); the page's own title is the Khmer translation's, and both go to /km/.
    assert [(link["href"], link.get("lang")) for link in menu] == [("/km/", "th"), ("/km/about/", None)]
    assert '<li lang="th">' in html  # the help line
    assert 'class="brand" href="/km/" lang="th"' in html


def test_a_language_with_its_own_chrome_marks_nothing(client, thai_chrome_only):
    for model in (MainMenu, Footer, HelpLine):
        thai = model.objects.get(locale__language_code="th")
        khmer = thai.copy_for_translation(locale("km"))
        if model is MainMenu:
            khmer.items = [("link", {"page": thai.items[1].value["page"], "label": "", "external_url": ""})]
        elif model is Footer:
            khmer.organisation_name, khmer.tagline = "ភាគី", "រួមគ្នាបញ្ចប់អំពើហិង្សា"
        else:
            khmer.name, khmer.description, khmer.hours = "មជ្ឈមណ្ឌលជំនួយសង្គម", "", "24 ម៉ោង"
        khmer.save()
    html = client.get("/km/").content.decode()
    assert not mislabelled(html, within=CHROME)
    assert not re.search(r' lang="th"(?! hreflang)', html)  # but the switcher's ไทย


def test_a_khmer_partner_profile_marks_its_english_terms_as_english(client, home):
    ensure_vocabularies()
    translate(home, "km", title="ភាគី", intro="បណ្តាញដៃគូ")
    index = translate(PartnerIndexPageFactory(parent=home, slug="partners"), "km", title="ដៃគូ", intro="")
    partner = PartnerPageFactory(
        parent=index, locale=index.locale, slug="oxfam", title="អង្គការ", description=""
    )
    partner.services.set(Service.objects.filter(slug="advocacy"))
    partner.save_revision().publish()
    html = client.get("/km/partners/oxfam/").content.decode()
    assert '<span lang="en">Campaigns and advocacy</span>' in html
