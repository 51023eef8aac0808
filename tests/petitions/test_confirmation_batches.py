"""Confirmation e-mails go out in batches: a surge of signers costs the worker one task a second, and
nobody gets two links or none."""

from django.core import mail

from petitions import services
from petitions.factories import SignatureFactory
from petitions.models import SignatureStatus
from petitions.tasks import send_pending_confirmations


def test_with_a_worker_a_surge_of_signers_schedules_one_batch(settings, petition, sign):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for number in range(5):
        sign(petition, email=f"signer{number}@example.org")
    backend = send_pending_confirmations.get_backend()
    batches = [result for result in backend.results if result.task.name == "send_pending_confirmations"]
    assert len(batches) == 1 and batches[0].task.run_after is not None
    assert len(mail.outbox) == 0


def test_a_batch_mails_every_signer_still_waiting_once(petition):
    SignatureFactory.create_batch(3, petition=petition)
    SignatureFactory(petition=petition, status=SignatureStatus.QUARANTINED)
    assert send_pending_confirmations.call() == 3
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        petition.signatures.filter(status=SignatureStatus.PENDING).values_list("email", flat=True)
    )
    assert send_pending_confirmations.call() == 0  # a second run finds nobody left to mail
    assert len(mail.outbox) == 3


def test_a_signer_whose_email_failed_is_tried_again_by_the_next_batch(petition, monkeypatch):
    SignatureFactory(petition=petition, email="bounce@example.org")
    from django.core.mail.backends.locmem import EmailBackend

    original = EmailBackend.send_messages

    def fail_once(self, messages):
        monkeypatch.setattr(EmailBackend, "send_messages", original)
        raise ConnectionError("the mail server hung up")

    monkeypatch.setattr(EmailBackend, "send_messages", fail_once)
    assert send_pending_confirmations.call() == 0
    assert send_pending_confirmations.call() == 1
    assert mail.outbox[0].to == ["bounce@example.org"]


def test_two_runs_at_once_never_claim_the_same_signer(petition):
    SignatureFactory.create_batch(2, petition=petition)
    first = services.claim_unsent_confirmations(limit=10)
    second = services.claim_unsent_confirmations(limit=10)
    assert len(first) == 2 and second == []
