"""A name needs a character a reader can see, on every public form that asks for one."""

import pytest

from campaigns.models import EventRSVP
from petitions.models import Signature
from stories.models import StorySubmission

from ..campaigns.test_rsvp import rsvp_data, rsvp_url
from .conftest import sign_data

INVISIBLE_NAMES = {
    "zero-width spaces": "\u200b\u200b\u200b",
    "joiners and a byte-order mark": "\u200c\u200d\ufeff",
    "a Hangul filler": "\u3164",
    "blank Braille": "\u2800\u2800",
    "control characters": "\x07\x08\x1b",
    "no-break and ideographic spaces": "\u00a0\u3000",
}
THAI_MESSAGE = "กรุณากรอกชื่อที่มีตัวอักษรที่มองเห็นได้อย่างน้อยหนึ่งตัว"
KHMER_MESSAGE = "សូមបញ្ចូលឈ្មោះដែលមានតួអក្សរដែលអាចមើលឃើញយ៉ាងហោចណាស់មួយ។"


def test_the_sign_form_refuses_an_invisible_name(client, site):
    for kind, name in INVISIBLE_NAMES.items():
        response = client.post(f"/th/petitions/sign/{site.petition.pk}/", sign_data(site.petition, name=name))
        assert response.status_code == 400, kind
        expected = "กรุณากรอกช่องนี้" if name.isspace() else THAI_MESSAGE  # all spaces: an empty field
        assert expected in response.content.decode(), kind
    assert not Signature.objects.exists()


def test_the_sign_form_refuses_a_zero_width_name_in_khmer(client, site):
    response = client.post(f"/km/petitions/sign/{site.petition.pk}/", sign_data(site.petition, name="\u200b"))
    assert response.status_code == 400
    assert KHMER_MESSAGE in response.content.decode()
    assert not Signature.objects.exists()


def test_the_embed_sign_form_refuses_an_invisible_name(client, site):
    response = client.post(
        f"/embed/petitions/{site.petition.pk}/sign/", sign_data(site.petition, name="\u3164")
    )
    assert response.status_code == 400
    assert THAI_MESSAGE in response.content.decode()
    assert not Signature.objects.exists()


def test_the_rsvp_form_refuses_an_invisible_name(client, site):
    for kind, name in INVISIBLE_NAMES.items():
        response = client.post(rsvp_url(site.campaign), rsvp_data(site.campaign, name=name))
        assert response.status_code == 400, kind
        expected = "กรุณากรอกช่องนี้" if name.isspace() else THAI_MESSAGE  # all spaces: an empty field
        assert expected in response.content.decode(), kind
    assert not EventRSVP.objects.exists()


def test_the_share_your_story_form_refuses_an_invisible_name(client, site):
    story = "ฉันอยากเล่าเรื่องที่เกิดขึ้นในงานสงกรานต์ให้คนอื่นได้รู้"
    for kind, name in INVISIBLE_NAMES.items():
        response = client.post("/en/stories/share/", {"name": name, "story": story, "understood": "on"})
        assert response.status_code == 400, kind
        expected = "This field is required." if name.isspace() else "Enter a name with at least one visible"
        assert expected in response.content.decode(), kind
    assert not StorySubmission.objects.exists()


def test_the_partner_profile_form_refuses_an_invisible_organisation_name(client_as, site):
    page = site.partner
    data = {"title": "\u200b\u200b", "kind": page.kind, "description": page.description}
    response = client_as(site.representative).post(f"/th/account/partners/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert THAI_MESSAGE in response.content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "มูลนิธิเอ"


@pytest.mark.parametrize("name", ["สมชาย\u200bใจดี", "ស\u200bុខ", "မောင်\u200cမောင်", "A"])
def test_a_name_with_zero_width_characters_between_letters_is_still_a_name(client, site, name):
    response = client.post(f"/th/petitions/sign/{site.petition.pk}/", sign_data(site.petition, name=name))
    assert response.status_code == 302
    assert Signature.objects.get().name == name


CONTROL_MESSAGE = "ชื่อต้องอยู่ในบรรทัดเดียว กรุณาลบการขึ้นบรรทัดใหม่ แท็บ และอักขระควบคุมออก"


def test_an_organisation_name_with_a_line_break_is_refused_before_it_reaches_an_email_subject(
    client_as, site
):
    """Found by the corpus: Wagtail's moderation e-mail, whose subject names the page, failed to send."""
    page = site.partner
    data = {
        "title": "มูลนิธิเอ\r\nBcc: everyone@example.org",
        "kind": page.kind,
        "description": page.description,
    }
    response = client_as(site.representative).post(f"/th/account/partners/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert CONTROL_MESSAGE in response.content.decode()
    assert page.get_latest_revision_as_object().title == "มูลนิธิเอ"


@pytest.mark.parametrize("name", ["สมชาย\nใจดี", "tab\tname", "bell\x07"])
def test_the_sign_form_refuses_a_name_that_is_not_one_line(client, site, name):
    response = client.post(f"/th/petitions/sign/{site.petition.pk}/", sign_data(site.petition, name=name))
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert not Signature.objects.exists()
