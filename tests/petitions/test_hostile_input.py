"""Hostile input never yields a server error; other scripts are accepted and shown escaped."""

import re

import pytest
from django.test import Client

from petitions import abuse
from petitions.models import QuarantineReason, Signature, SignatureStatus

from .conftest import sign_data, sign_url

HOSTILE_FIELDS = [
    {"name": "x" * 10_000},
    {"name": ""},
    {"name": "   "},
    {"name": "nul\x00byte"},
    {"email": "nul\x00@example.org"},
    {"name": "<script>alert(1)</script>"},
    {"name": '"><img src=x onerror=alert(1)>'},
    {"name": '=HYPERLINK("http://evil.example","x")'},
    {"name": "+cmd|' /C calc'!A0", "source": "=1+1"},
    {"name": "\u202eevil\u202c مرحبا"},
    {"name": "สมชาย ใจดี"},
    {"name": "សុខ សំណាង"},
    {"name": "မောင်မောင်"},
    {"email": "not-an-address"},
    {"email": ""},
    {"email": "a@" + "b" * 300 + ".com"},
    {"email": "ผู้ใช้@ตัวอย่าง.ไทย"},
    {"email": "user@xn--72c1a1bt4awk9o.xn--o3cw4h"},
    {"email": "用户@例子.广告"},
    {"province": "atlantis"},
    {"province": ""},
    {"consent": None},
    {"updates_from": ["organiser", "999999", "drop table", "-1"]},
    {"show_name": "maybe"},
    {"form_token": "forged"},
    {"source": "x" * 5000},
    {"website": "http://spam.example"},
]


@pytest.mark.parametrize("fields", HOSTILE_FIELDS, ids=[str(i) for i in range(len(HOSTILE_FIELDS))])
def test_hostile_form_input_never_causes_a_server_error(client, petition, fields):
    response = client.post(sign_url(petition), sign_data(petition, **fields))
    assert response.status_code < 500


def test_a_wrong_method_is_refused_politely(client, petition):
    assert client.get(sign_url(petition)).status_code == 405
    assert client.put(sign_url(petition)).status_code == 405


def test_a_post_forged_on_another_site_is_quarantined_never_counted(petition):
    """The sign form has no CSRF token (its pages are cached for every reader); its form token stands in."""
    forger = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    forger.cookies["csrftoken"] = "a" * 32  # a CSRF cookie and token, wrong or missing, change nothing
    forged = [
        sign_data(petition, email="no-token@example.org", form_token=None, csrfmiddlewaretoken="b" * 32),
        sign_data(petition, email="made-up@example.org", form_token="made-up"),
        sign_data(petition, email="other@example.org", form_token=abuse.make_form_token(petition.pk + 1)),
    ]
    for data in forged:
        assert forger.post(sign_url(petition), data).status_code == 302  # the same thanks as anyone gets
    assert set(Signature.objects.values_list("status", "quarantine_reason")) == {
        (SignatureStatus.QUARANTINED, QuarantineReason.NO_FORM_TOKEN)
    }


def test_an_oversized_body_is_refused_without_a_server_error(client, petition):
    response = client.post(sign_url(petition), sign_data(petition, name="x" * 3_000_000))
    assert response.status_code < 500


def test_an_unknown_petition_is_not_found(client, petition):
    assert client.post("/th/petitions/sign/999999/", sign_data(petition)).status_code == 404
    # Outside the language prefix, Django's LocaleMiddleware first tries /th/…, which Wagtail then 404s.
    assert client.get("/api/petitions/999999/", follow=True).status_code == 404
    assert client.get("/embed/petitions/999999/", follow=True).status_code == 404


@pytest.mark.parametrize("route", ["/th/petitions/sign/{id}/", "/embed/petitions/{id}/sign/"])
def test_a_closed_petition_answers_gone_with_its_message_and_takes_no_signature(client, petition, route):
    petition.status = "closed"
    petition.save_revision().publish()
    response = client.post(route.format(id=petition.pk), sign_data(petition))
    assert response.status_code == 410
    assert "แคมเปญนี้ปิดรับรายชื่อแล้ว" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_petition_past_its_closing_date_answers_gone_in_the_signers_language(client, petition):
    from datetime import timedelta

    from django.utils import timezone

    petition.closes_at = timezone.now() - timedelta(minutes=1)
    petition.save_revision().publish()
    response = client.post(sign_url(petition, "km"), sign_data(petition))
    assert response.status_code == 410
    assert "ញត្តិនេះលែងទទួលហត្ថលេខាទៀតហើយ។" in response.content.decode()
    assert Signature.objects.count() == 0


@pytest.mark.parametrize(
    "name", ["<script>alert(1)</script>", "สมชาย <b>ใจดี</b>", "សុខ <i>សំណាង</i>", "မောင်<u>မောင်</u>"]
)
def test_names_in_any_script_are_accepted_and_shown_escaped(client, sign, confirm, petition, name):
    from .conftest import last_token

    sign(petition, name=name, show_name="on")
    confirm(last_token())
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED
    html = client.get(f"/th/petitions/{petition.slug}/").content.decode()
    assert name not in html
    escaped = name.replace("<", "&lt;").replace(">", "&gt;")
    # A Khmer or Burmese name on the Thai page is in its own voice: each run of its script in a <span lang>.
    assert escaped in re.sub(r'<span lang="(?:km|my)">(.*?)</span>', r"\1", html)


HUGE_IDS = [str(2**63), str(2**64 + 5), "9" * 19, "9" * 40, "0" * 25 + "1"]
ID_ROUTES = [
    ("post", "/th/petitions/sign/{id}/"),
    ("get", "/th/petitions/thanks/{id}/"),
    ("get", "/en/petitions/confirmed/{id}/"),
    ("get", "/km/petitions/cosign/{id}/"),
    ("get", "/api/petitions/{id}/"),
    ("get", "/embed/petitions/{id}/"),
    ("post", "/embed/petitions/{id}/sign/"),
    ("get", "/embed/petitions/{id}/thanks/"),
    ("get", "/admin/petitions/export/{id}/"),
]


@pytest.mark.parametrize("huge", HUGE_IDS)
@pytest.mark.parametrize(("method", "route"), ID_ROUTES, ids=[route for _m, route in ID_ROUTES])
def test_an_id_beyond_what_the_database_holds_is_not_found(
    client_as, admin_user, petition, method, route, huge
):
    response = getattr(client_as(admin_user), method)(route.format(id=huge), sign_data(petition))
    assert response.status_code == 404
    assert Signature.objects.count() == 0


def test_the_largest_id_the_database_holds_reaches_the_view_and_is_simply_unknown(client, petition):
    response = client.post(f"/th/petitions/sign/{2**63 - 1}/", sign_data(petition))
    assert response.status_code == 404
    assert response.resolver_match.url_name == "sign"


def _urlencoded(data: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(data)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("th", "ข้อมูลบางส่วนที่คุณส่งมาไม่ใช่ข้อความที่ถูกต้อง (UTF-8)"),
        ("en", "Part of what you sent is not valid text (UTF-8)"),
        ("km", "ផ្នែកខ្លះនៃអ្វីដែលអ្នកបានផ្ញើមិនមែនជាអត្ថបទត្រឹមត្រូវ (UTF-8)"),
        ("my", "မှန်ကန်သော စာသား (UTF-8) မဟုတ်သဖြင့်"),
    ],
)
def test_a_name_that_is_not_utf8_is_refused_in_the_signers_language_and_not_stored(
    client, petition, language, message
):
    # "สมชาย" in TIS-620, the legacy Thai encoding: not UTF-8, and Django would have stored it as mojibake.
    body = _urlencoded(sign_data(petition, name="สมชาย".encode("tis-620")))
    response = client.post(
        sign_url(petition, language), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signature.objects.count() == 0


def test_invalid_utf8_in_a_multipart_sign_post_is_refused(client, petition):
    response = client.post(sign_url(petition), sign_data(petition, name=[b"\xff\xfe broken"]))
    assert response.status_code == 400
    assert "(UTF-8)" in response.content.decode()
    assert Signature.objects.count() == 0


def test_invalid_utf8_in_the_embed_sign_post_is_refused(client, petition):
    body = _urlencoded(sign_data(petition, name=b"\xc3\x28"))
    response = client.post(
        f"/embed/petitions/{petition.pk}/sign/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert Signature.objects.count() == 0


def test_an_address_whose_query_string_is_not_utf8_is_refused_in_its_language(client, petition):
    response = client.get(f"/th/petitions/thanks/{petition.pk}/?src=%E0%B8")
    assert response.status_code == 400
    assert "ที่อยู่เว็บนี้มีอักขระที่ไม่ใช่ข้อความที่ถูกต้อง (UTF-8)" in response.content.decode()


def test_thai_khmer_and_burmese_sent_as_utf8_still_sign(client, petition):
    name = "สมชาย សុខ မောင်"
    body = _urlencoded(sign_data(petition, name=name))
    response = client.post(
        sign_url(petition) + "?src=%E0%B8%AA", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert Signature.objects.get().name == name


def test_an_editor_may_save_text_with_a_replacement_character_pasted_from_a_pdf(client_as, admin_user, home):
    from petitions.models import DecisionMaker

    response = client_as(admin_user).post(
        "/admin/snippets/petitions/decisionmaker/add/",
        {"institution": "กระทรวง\ufffdการท่องเที่ยว", "office": "รัฐมนตรี", "official_name": ""},
    )
    assert response.status_code == 302
    assert DecisionMaker.objects.get().institution == "กระทรวง\ufffdการท่องเที่ยว"
