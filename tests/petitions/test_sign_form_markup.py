"""The public sign form as a reader meets it: rendered by the project's crispy pack (templates/phakhi/).

On the petition page, after a post with mistakes, and in the embed: every field a person fills in has a label
(a legend for the group of choices), the fields come in the order partners' embeds and screen-reader users
know, each message is tied to its field, the honeypot is out of sight and out of the tab order, and no class
name of a CSS framework the site does not load appears.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.site_project.test_form_pack import FRAMEWORK_CLASSES

from .conftest import sign_data, sign_url

FORM = re.compile(r'<form method="post" action="[^"]+" class="petition-form">.*?</form>', re.S)
PEOPLE_FILL_IN = ["name", "email", "province", "show_name", "updates_from", "consent"]


class Markup(HTMLParser):
    """The sign form's widgets in document order, its labels and legends, and what each element says."""

    def __init__(self, html: str):
        super().__init__()
        self.widgets: list[
            dict
        ] = []  # input, select and button attributes, with "hidden_by": the aria-hidden wrapper
        self.labelled: set[str] = set()  # ids named by a <label for>
        self.legends: list[str] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, dict]] = []
        self._in_legend = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "select", "button"):
            hidden_by = next((a for _t, a in self._open if a.get("aria-hidden") == "true"), None)
            self.widgets.append({**attrs, "tag": tag, "hidden_by": hidden_by})
        if tag == "label" and "for" in attrs:
            self.labelled.add(attrs["for"])
        if tag == "legend":
            self._in_legend = True
            self.legends.append("")
        if tag not in ("input", "br", "img"):
            self._open.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "legend":
            self._in_legend = False
        while self._open:
            opened, _attrs = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        if self._in_legend:
            self.legends[-1] += data
        for _tag, attrs in self._open:
            if "id" in attrs:
                self.text_by_id[attrs["id"]] = self.text_by_id.get(attrs["id"], "") + data

    def named(self, name: str) -> list[dict]:
        return [widget for widget in self.widgets if widget.get("name") == name]


def sign_form(html: str) -> tuple[str, Markup]:
    form = FORM.search(html).group(0)
    return form, Markup(form)


@pytest.fixture
def page_form(client, petition) -> tuple[str, Markup]:
    response = client.get("/th/petitions/nightlife/")
    assert response.status_code == 200
    return sign_form(response.content.decode())


def test_the_sign_form_carries_no_class_name_of_a_css_framework_the_site_does_not_load(page_form):
    form, _markup = page_form
    assert not FRAMEWORK_CLASSES.search(form), FRAMEWORK_CLASSES.search(form).group(0)
    assert 'class="field' in form  # the pack's own markup, styled by static/css/site.css


def test_every_field_a_person_fills_in_has_a_label_in_the_order_embeds_know(page_form):
    _form, markup = page_form
    seen = [w["name"] for w in markup.widgets if w["tag"] != "button" and w.get("type") != "hidden"]
    in_order = [name for name in dict.fromkeys(seen) if name != "website"]
    assert in_order == PEOPLE_FILL_IN
    for name in ("name", "email", "province", "show_name", "consent"):
        (widget,) = markup.named(name)
        assert widget["id"] in markup.labelled, name
    assert all(option["id"] in markup.labelled for option in markup.named("updates_from"))
    assert "ส่งข่าวสาร" in markup.legends[0]  # the news choices are one group with its question as legend


def test_the_form_keeps_its_hidden_fields_help_and_autocomplete(page_form):
    form, markup = page_form
    assert [w["name"] for w in markup.widgets if w.get("type") == "hidden"] == ["source", "form_token"]
    assert markup.named("form_token")[0]["value"]
    (name,) = markup.named("name")
    (email,) = markup.named("email")
    assert (name["autocomplete"], email["autocomplete"], email["type"]) == ("name", "email", "email")
    assert "ยืนยัน" in markup.text_by_id[email["aria-describedby"]]  # its help is read with the field
    assert '<a href="/th/privacy/">' in form
    (button,) = [w for w in markup.widgets if w["tag"] == "button"]
    assert button["type"] == "submit"


def test_the_honeypot_is_hidden_from_people_and_from_the_tab_order(page_form):
    _form, markup = page_form
    (honeypot,) = markup.named("website")
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert "petition-form__hp" in honeypot["hidden_by"]["class"]
    assert all(widget["hidden_by"] is None for widget in markup.widgets if widget["name"] != "website")


@pytest.mark.parametrize("where", ["page", "embed"])
def test_a_form_with_mistakes_says_so_once_and_ties_each_message_to_its_field(client, petition, where):
    url = sign_url(petition) if where == "page" else f"/embed/petitions/{petition.pk}/sign/"
    bad = sign_data(petition, name="   ", email="not an address", province="atlantis", consent=None)
    response = client.post(url, bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("กรุณาตรวจสอบแบบฟอร์ม") == 1  # the summary, not a second banner above it
    form, markup = sign_form(html)
    assert not FRAMEWORK_CLASSES.search(form)
    for name in ("name", "email", "province", "consent"):
        (widget,) = markup.named(name)
        assert widget["aria-invalid"] == "true"
        message = f"{widget['id']}_error"
        assert message in widget["aria-describedby"].split()
        assert markup.text_by_id[message].strip()
        assert f'href="#{widget["id"]}"' in form  # the summary leads to it
    assert markup.named("email")[0]["value"] == "not an address"  # what was typed stays
