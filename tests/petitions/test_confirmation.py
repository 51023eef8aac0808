"""Confirmation: the link's GET page confirms nothing; the POST does, once; expired links say so."""

import datetime

from django.utils import timezone

from petitions import selectors
from petitions.models import Signature, SignatureStatus

from .conftest import last_token


def test_opening_the_confirmation_link_confirms_nothing(client, sign, petition):
    sign(petition)
    response = client.get(f"/th/petitions/confirm/{last_token()}/")
    assert response.status_code == 200
    assert '<form method="post">' in response.content.decode()
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_pressing_the_button_confirms_the_signature_and_it_counts(client, sign, confirm, petition):
    sign(petition)
    response = confirm(last_token())
    assert response.status_code == 303  # post/redirect/get: a reload never posts again
    assert response["Location"] == f"/th/petitions/confirmed/{petition.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert petition.title in page.content.decode()
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.CONFIRMED
    assert selectors.public_count(petition.pk) == 1


def test_a_confirmed_signature_keeps_the_moment_it_was_confirmed(sign, confirm, petition):
    sign(petition)
    before = timezone.now()
    confirm(last_token())
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.CONFIRMED
    assert before <= signature.confirmed_at <= timezone.now()  # stored as the ORM stores a date and time
    assert Signature.objects.filter(confirmed_at__gte=before).count() == 1


def test_a_reused_link_says_it_was_already_used(sign, confirm, petition):
    sign(petition)
    token = last_token()
    confirm(token)
    response = confirm(token)
    assert response.status_code == 410
    assert "ลิงก์นี้ถูกใช้ไปแล้ว" in response.content.decode()  # "This link has already been used"
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED


def test_an_expired_link_says_it_has_expired_and_confirms_nothing(sign, confirm, petition):
    sign(petition)
    Signature.objects.update(token_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = confirm(last_token())
    assert response.status_code == 410
    assert "ลิงก์นี้หมดอายุแล้ว" in response.content.decode()  # "This link has expired"
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_an_unknown_link_is_not_found(client, petition):
    response = client.post("/th/petitions/confirm/not-a-real-token-at-all-0123456789/")
    assert response.status_code == 404


def test_the_email_is_in_the_signers_language(sign, petition, english_home):
    from django.core import mail

    sign(petition, language="en")
    assert "/en/petitions/confirm/" in mail.outbox[-1].body
    assert Signature.objects.get().locale == "en"


def test_a_sensitive_petition_sends_a_neutral_email(sign, petition):
    from django.core import mail

    petition.is_sensitive = True
    petition.save_revision().publish()
    sign(petition)
    message = mail.outbox[-1]
    assert petition.title not in message.subject
    assert petition.title not in message.body
    assert "ภาคี" not in message.from_email and "Phakhi" not in message.from_email


def test_the_confirmation_email_carries_an_unsubscribe_link_that_withdraws_consent(client, sign, petition):
    from django.core import mail

    from petitions.models import UpdatesConsent

    sign(petition, updates_from=["organiser"])
    assert UpdatesConsent.objects.get().withdrawn_at is None
    link = mail.outbox[-1].body.split("/th/petitions/unsubscribe/")[1].split("/")[0]
    assert client.get(f"/th/petitions/unsubscribe/{link}/").status_code == 200
    assert UpdatesConsent.objects.get().withdrawn_at is None
    client.post(f"/th/petitions/unsubscribe/{link}/")
    assert UpdatesConsent.objects.get().withdrawn_at is not None


def test_the_thank_you_page_of_an_unknown_petition_is_not_found(client, petition):
    assert client.get("/th/petitions/confirmed/999999/").status_code == 404
