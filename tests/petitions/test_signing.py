"""Signing: the form, the stored row, the identical response, and the confirmation e-mail."""

import pytest
from django.core import mail

from petitions.models import Signature, SignatureStatus

from .conftest import sign_data, sign_url


def test_the_petition_page_shows_the_sign_form_with_the_fixed_field_names(client, petition):
    response = client.get("/th/petitions/nightlife/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "email", "province", "show_name", "consent", "source", "website", "form_token"):
        assert f'name="{name}"' in html
    assert 'name="show_name"' in html and "checked" not in html.split('name="show_name"')[1][:40]


def test_signing_stores_a_pending_signature_and_sends_a_confirmation_email(sign, petition):
    response = sign(petition)
    assert response.status_code == 302
    assert response["Location"] == f"/th/petitions/thanks/{petition.pk}/"
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.locale == "th"
    assert signature.province == "chiang-rai"
    assert len(mail.outbox) == 1
    assert "/th/petitions/confirm/" in mail.outbox[0].body
    assert signature.token_hash and signature.token_hash not in mail.outbox[0].body


def test_signing_again_with_the_same_address_gives_the_same_response(sign, petition):
    first = sign(petition, email="Som.Ying+petition@Gmail.com")
    second = sign(petition, email="somying@googlemail.com")
    assert (first.status_code, first["Location"], first.content) == (
        second.status_code,
        second["Location"],
        second.content,
    )
    assert Signature.objects.count() == 1


@pytest.mark.django_db
def test_an_invalid_form_is_shown_again_with_its_errors(client, petition):
    response = client.post(sign_url(petition), sign_data(petition, consent=None))
    assert response.status_code == 400
    assert Signature.objects.count() == 0


def test_a_name_typed_in_zawgyi_is_stored_in_unicode(sign, petition):
    assert sign(petition, name="ေမာင္ေမာင္").status_code == 302
    assert Signature.objects.get().name == "မောင်မောင်"
