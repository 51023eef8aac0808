"""Abuse defences: what trips them is stored and quarantined, never counted, and the response gives nothing away."""

import pytest
from django.test import RequestFactory

from petitions import abuse, selectors, services
from petitions.models import QuarantineReason, Signature, SignatureStatus


@pytest.fixture
def strict(settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 3
    settings.PETITION_RATE_LIMIT_BURST = "3/60"
    settings.PETITION_RATE_LIMIT_SUSTAINED = "5/3600"
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []


def test_a_filled_honeypot_is_quarantined_with_the_same_response(sign, petition):
    genuine = sign(petition, email="person@example.org")
    bot = sign(petition, email="bot@example.org", website="http://spam.example")
    assert (bot.status_code, bot["Location"]) == (genuine.status_code, genuine["Location"])
    signature = Signature.objects.get(email="bot@example.org")
    assert signature.status == SignatureStatus.QUARANTINED
    assert signature.quarantine_reason == QuarantineReason.HONEYPOT
    assert selectors.public_count(petition.pk) == 0


def test_a_form_sent_faster_than_a_person_types_is_quarantined(sign, petition, strict):
    sign(petition)
    assert Signature.objects.get().quarantine_reason == QuarantineReason.TOO_FAST


def test_a_form_without_its_token_is_quarantined(sign, petition, strict):
    sign(petition, form_token="")
    assert Signature.objects.get().quarantine_reason == QuarantineReason.NO_FORM_TOKEN


def test_a_token_made_for_another_petition_does_not_count(petition):
    assert abuse.form_token_age(abuse.make_form_token(petition.pk + 1), petition.pk) is None


def test_a_burst_from_one_address_is_quarantined_beyond_the_limit(sign, petition, strict, settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    for number in range(5):
        response = sign(petition, email=f"office{number}@example.org")
        assert response.status_code == 302
    statuses = list(Signature.objects.order_by("pk").values_list("status", "quarantine_reason"))
    assert statuses[:3] == [(SignatureStatus.PENDING, "")] * 3
    assert statuses[3:] == [(SignatureStatus.QUARANTINED, QuarantineReason.RATE_BURST)] * 2


def test_addresses_on_the_allow_list_skip_the_rate_limits(sign, petition, strict, settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = ["127.0.0.0/8", "10.0.0.0/8"]
    for number in range(6):
        sign(petition, email=f"office{number}@example.org")
    assert not Signature.objects.filter(status=SignatureStatus.QUARANTINED).exists()


def test_ip_addresses_are_stored_only_as_keyed_hashes(sign, petition, settings):
    sign(petition)
    signature = Signature.objects.get()
    assert "127.0.0.1" not in signature.ip_hash and len(signature.ip_hash) == 64
    settings.IP_HASH_KEY = "another-key"
    assert abuse.hash_ip("127.0.0.1") != signature.ip_hash


def test_behind_a_proxy_the_right_most_forwarded_address_is_the_client(settings):
    request = RequestFactory().post("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.1")
    settings.BEHIND_PROXY = False
    assert abuse.client_ip(request) == "10.0.0.1"
    settings.BEHIND_PROXY = True
    assert abuse.client_ip(request) == "203.0.113.9"


def test_staff_can_release_a_quarantined_signature_which_then_gets_its_email(
    sign, petition, django_capture_on_commit_callbacks
):
    from django.core import mail

    sign(petition, website="filled by mistake")
    signature = Signature.objects.get()
    assert len(mail.outbox) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.release_quarantined(signature_ids=[signature.pk]) == 1
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING
    assert len(mail.outbox) == 1
