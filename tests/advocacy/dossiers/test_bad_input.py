"""Bad input on the dossier form and the verify page: a clear translated message and a 4xx, never a 500; and the
fuzz corpus (``tests/fuzz``) in every field and in the verify code."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from advocacy.dossiers.models import Dossier
from advocacy.pushes.models import PolicyPush

from ...fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from ...fuzz.corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep

pytestmark = pytest.mark.django_db
FIELDS = ["petition", "languages", "with_annex"]


def test_a_petition_that_is_not_the_push_s_is_refused_with_a_message(
    client_as, secretariat_member, push, petition
):
    response = client_as(secretariat_member).post(
        reverse("advocacy_dossiers:push", args=[push.pk]), {"petition": petition.pk + 1000}
    )

    assert response.status_code == 400
    assert "โปรดเลือกคำร้องหนึ่งของการผลักดันนี้" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_language_the_dossier_does_not_speak_is_refused_with_a_message(
    client_as, secretariat_member, push, petition
):
    response = client_as(secretariat_member).post(
        reverse("advocacy_dossiers:push", args=[push.pk]), {"petition": petition.pk, "languages": ["fr"]}
    )

    assert response.status_code == 400
    assert "โปรดเลือกภาษาเขมร ภาษาพม่า หรือไม่เลือกเลย" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_push_without_a_petition_says_what_to_do(client_as, secretariat_member):
    push = PolicyPush.objects.create(title="ไม่มีคำร้อง", demand="ยังไม่มีคำร้อง")
    staff = client_as(secretariat_member)

    response = staff.post(reverse("advocacy_dossiers:push", args=[push.pk]), {})

    assert response.status_code == 400
    assert "ยังไม่มีคำร้องให้นับ" in response.content.decode()
    assert staff.get(reverse("advocacy_dossiers:push", args=[push.pk])).status_code == 200


def test_an_unknown_verify_code_is_a_translated_404(client):
    for language, words in [("th", "ไม่พบหน้า"), ("en", "not found")]:
        response = client.get(f"/{language}/verify/abcdefghjkmn/")
        assert response.status_code == 404
        assert words.lower() in response.content.decode().lower()


def test_a_dossier_still_being_made_is_not_shown(client, secretariat_member, petition):
    dossier = Dossier.objects.create(petition=petition, created_by=secretariat_member, languages=["th", "en"])

    assert client.get(f"/th/verify/{dossier.code}/").status_code == 404


def test_hostile_values_in_the_dossier_form_and_the_verify_code_never_cause_a_server_error(
    client,
    client_as,
    secretariat_member,
    push,
    petition,
    error_log,  # noqa: F811
):
    staff = client_as(secretariat_member)
    sweep = Sweep()
    make = reverse("advocacy_dossiers:push", args=[push.pk])
    for value in [*HOSTILE_TEXT, *INVALID_UTF8]:
        sweep.post_form(staff, make, dict.fromkeys(FIELDS, value))
        for field in FIELDS:
            sweep.post_form(staff, make, {"petition": petition.pk, field: value})
        sweep.post_form(
            staff, reverse("advocacy_dossiers:petition", args=[petition.pk]), {"languages": value}
        )
        if isinstance(value, str):
            for language in ("th", "en"):
                sweep.send(client, "GET", f"/{language}/verify/{quote(value, safe='')}/")
            sweep.send(staff, "GET", f"/admin/advocacy/dossiers/1/{quote(value, safe='')}/")
    sweep.assert_clean(error_log(), at_least=200)
    assert not Dossier.objects.exclude(petition=petition).exists()
