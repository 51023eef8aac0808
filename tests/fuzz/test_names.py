"""A name needs a character a reader can see, on every public form that asks for one."""

import pytest

from campaigns.models import EventRSVP
from petitions.models import Signature
from stories.models import StorySubmission

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

names = pytest.mark.parametrize("name", INVISIBLE_NAMES.values(), ids=INVISIBLE_NAMES.keys())


@names
def test_the_sign_form_refuses_an_invisible_name(client, site, name):
    response = client.post(f"/th/petitions/sign/{site.petition.pk}/", sign_data(site.petition, name=name))
    assert response.status_code == 400
    assert THAI_MESSAGE in response.content.decode() or "กรุณากรอกช่องนี้" in response.content.decode()
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


@names
def test_the_rsvp_form_refuses_an_invisible_name(client, site, name):
    data = {"name": name, "email": "somchai@example.org", "phone": "", "people": "2"}
    response = client.post(
        f"/th/{site.rsvp_path}", {f"{site.rsvp_prefix}-{key}": value for key, value in data.items()}
    )
    assert response.status_code == 400
    assert not EventRSVP.objects.exists()


@names
def test_the_share_your_story_form_refuses_an_invisible_name(client, site, name):
    story = "ฉันอยากเล่าเรื่องที่เกิดขึ้นในงานสงกรานต์ให้คนอื่นได้รู้"
    response = client.post("/th/stories/share/", {"name": name, "story": story, "understood": "on"})
    assert response.status_code == 400
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
