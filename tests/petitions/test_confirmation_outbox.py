"""Confirmation e-mails are owed in the signer's own transaction and sent through the outbox: a surge costs
the worker one task a second, a failing mail server delays them, and nobody gets two links or none."""

import datetime

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from petitions import services
from site_project import outbox
from site_project.models import OutboxMessage, OutboxStatus
from site_project.tasks import deliver_outbox


def test_a_signature_and_the_email_it_is_owed_are_stored_together(petition, sign):
    sign(petition, email="somchai@example.org")
    owed = OutboxMessage.objects.get(kind=services.CONFIRMATION_EMAIL)
    signature = petition.signatures.get()
    assert owed.payload == {"signature_id": signature.pk}
    assert owed.status == OutboxStatus.SENT and len(mail.outbox) == 1


def test_with_a_worker_a_surge_of_signers_schedules_one_delivery(settings, petition, sign):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for number in range(5):
        sign(petition, email=f"signer{number}@example.org")
    backend = deliver_outbox.get_backend()
    runs = [result for result in backend.results if result.task.name == "deliver_outbox"]
    assert len(runs) == 1 and runs[0].task.run_after is not None
    assert OutboxMessage.objects.owed().count() == 5 and len(mail.outbox) == 0


def test_a_signer_whose_mail_server_was_down_gets_one_email_once_it_is_back(petition, sign, monkeypatch):
    def refuse(self):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "open", refuse, raising=False)
    sign(petition, email="waiting@example.org")
    owed = OutboxMessage.objects.get()
    assert owed.status == OutboxStatus.OWED and owed.attempts == 1 and "mail server down" in owed.last_error
    assert len(mail.outbox) == 0

    monkeypatch.undo()
    later = timezone.now() + datetime.timedelta(minutes=1)
    OutboxMessage.objects.update(next_attempt_at=later - datetime.timedelta(seconds=1))
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert outbox.deliver() == 1
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]
    assert outbox.deliver() == 0  # sent once, recorded, never again


def test_a_signer_who_confirmed_before_the_email_left_gets_none(settings, petition, sign):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sign(petition)
    petition.signatures.update(status="confirmed")
    assert outbox.deliver() == 0
    assert OutboxMessage.objects.get().status == OutboxStatus.CANCELLED and len(mail.outbox) == 0


def test_signing_again_while_the_first_email_is_still_owed_owes_no_second(settings, petition, sign):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sign(petition, email="twice@example.org")
    sign(petition, email="twice@example.org")
    assert OutboxMessage.objects.count() == 1


def test_erasing_a_signer_drops_the_email_still_owed_to_them(settings, petition, sign):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sign(petition, email="gone@example.org")
    services.erase_signer(email="gone@example.org")
    assert not OutboxMessage.objects.exists()
