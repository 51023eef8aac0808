"""The outbox: an owed e-mail is claimed with an owner and a lease, sent once with the send recorded, and
never stranded by a refused connection, a refused address or a run that died."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError
from django.utils import timezone

from site_project import outbox
from site_project.models import OutboxMessage, OutboxStatus


@pytest.fixture
def no_worker(settings):
    """A worker that never runs on its own: each test delivers when it says so."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def owe(to: str = "kanya@example.org", subject: str = "Welcome") -> OutboxMessage:
    return outbox.enqueue_email(message=EmailMessage(subject, "Hello", "phakhi@example.org", [to]))


def database_gone(**kwargs):
    raise OperationalError("the connection is closed")


def later(monkeypatch, **delta) -> datetime.datetime:
    moment = timezone.now() + datetime.timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_an_owed_message_is_sent_once_and_its_body_forgotten(db, no_worker):
    message = owe()
    assert outbox.deliver() == 1
    assert outbox.deliver() == 0
    assert [sent.subject for sent in mail.outbox] == ["Welcome"]
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.sent_at
    assert "body" not in message.payload  # a reset or invitation link does not outlive its sending


def test_a_claim_held_by_a_run_that_died_is_taken_over_when_its_lease_ends(db, no_worker, monkeypatch):
    owe()
    assert len(outbox.claim(owner="killed-worker")) == 1  # then kill -9: nothing sent, nothing released
    assert outbox.deliver() == 0  # the lease still holds
    later(monkeypatch, seconds=outbox.LEASE.total_seconds() + 1)
    assert outbox.deliver() == 1 and len(mail.outbox) == 1


def test_a_send_whose_record_the_database_lost_is_not_sent_again_by_the_run_that_takes_it_over(
    db, no_worker, monkeypatch
):
    message = owe()
    with monkeypatch.context() as outage:  # the database goes away between the send and its record
        outage.setattr(outbox, "_record_sent", database_gone)
        with pytest.raises(OperationalError):
            outbox.deliver()
    assert len(mail.outbox) == 1
    later(monkeypatch, seconds=outbox.LEASE.total_seconds() + 1)  # the dead run's lease runs out
    assert outbox.deliver() == 1
    assert len(mail.outbox) == 1  # recorded from the journal, not sent twice
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_the_journal_holds_a_send_only_until_its_record_lands(db, no_worker):
    message = owe()
    assert outbox.deliver() == 1
    message.refresh_from_db()
    assert outbox.cache.get(outbox._journal_key(message)) is None  # a surge's sends do not pile up in Redis


def test_with_the_cache_down_as_well_an_unrecorded_send_is_sent_again_rather_than_lost(
    db, no_worker, monkeypatch
):
    owe()

    def down(*args, **kwargs):
        raise ConnectionError("cache unavailable")

    monkeypatch.setattr(outbox.cache, "set", down)
    monkeypatch.setattr(outbox.cache, "get_many", down)
    with monkeypatch.context() as outage:
        outage.setattr(outbox, "_record_sent", database_gone)
        with pytest.raises(OperationalError):
            outbox.deliver()
    later(monkeypatch, seconds=outbox.LEASE.total_seconds() + 1)
    assert outbox.deliver() == 1
    assert len(mail.outbox) == 2  # at least once: a second copy, never none


def test_a_refused_connection_releases_the_whole_claim_with_a_back_off(db, no_worker, monkeypatch):
    for number in range(3):
        owe(to=f"person{number}@example.org")

    def refuse(self):
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr(EmailBackend, "open", refuse, raising=False)
    assert outbox.deliver() == 0
    rows = list(OutboxMessage.objects.all())
    assert all(
        row.claimed_by == "" and row.attempts == 1 and row.next_attempt_at > timezone.now() for row in rows
    )
    assert outbox.backlog().owed == 3 and "Connection refused" in outbox.backlog().last_error

    monkeypatch.undo()
    later(monkeypatch, minutes=1)
    assert outbox.deliver() == 3 and outbox.backlog().owed == 0


def test_one_refused_address_does_not_strand_the_rest(db, no_worker, monkeypatch):
    owe(to="bounce@example.org")
    owe(to="fine@example.org")
    original = EmailBackend.send_messages

    def refuse_bounce(self, messages):
        if messages[0].to == ["bounce@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"bounce@example.org": (550, b"no such user")})
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_bounce)
    assert outbox.deliver() == 1
    assert [sent.to for sent in mail.outbox] == [["fine@example.org"]]
    bounced = OutboxMessage.objects.get(recipient="bounce@example.org")
    assert bounced.status == OutboxStatus.OWED and bounced.attempts == 1


def test_a_message_that_keeps_failing_is_given_up_shown_to_staff_and_can_be_retried(
    db, no_worker, monkeypatch
):
    message = owe(to="bounce@example.org")
    OutboxMessage.objects.update(attempts=outbox.MAX_ATTEMPTS - 1)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"bounce@example.org": (550, b"no such user")})

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    outbox.deliver()
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert outbox.backlog().failing == 1 and "no such user" in outbox.backlog().last_error

    monkeypatch.undo()
    assert outbox.retry_failed(message_ids=[message.pk]) == 1
    assert outbox.deliver() == 1


def test_two_runs_at_once_never_claim_the_same_message(db, no_worker):
    owe()
    owe(to="second@example.org")
    first = outbox.claim(owner="a")
    second = outbox.claim(owner="b")
    assert len(first) == 2 and second == []


def test_sent_messages_are_forgotten_after_a_month(db, no_worker, monkeypatch):
    owe()
    outbox.deliver()
    assert outbox.prune_sent() == 0
    later(monkeypatch, days=31)
    assert outbox.prune_sent() == 1


def test_mail_sent_by_anything_else_is_owed_in_the_outbox_and_delivered_after(db, no_worker, settings):
    from django.core.mail import EmailMessage as Message
    from django.core.mail import send_mail

    settings.EMAIL_BACKEND = "site_project.outbox.OutboxBackend"  # as in production; pytest sets locmem
    send_mail("Review waiting", "A partner edited its profile.", None, ["moderator@example.org"])
    report = Message("Report", "Attached.", None, ["secretariat@example.org"], bcc=["archive@example.org"])
    report.attach("report.csv", "จังหวัด,จำนวน\n", "text/csv")
    report.send()
    assert mail.outbox == [] and outbox.backlog().owed == 2
    assert outbox.deliver() == 2
    notice, sent_report = mail.outbox
    assert notice.to == ["moderator@example.org"]
    assert sent_report.bcc == ["archive@example.org"]
    assert sent_report.attachments[0][:2] == ("report.csv", "จังหวัด,จำนวน\n")


def test_a_restarted_worker_schedules_the_takeover_of_a_dead_runs_claims(db, settings):
    from site_project.tasks import deliver_outbox

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    owe()
    deliver_outbox.get_backend().clear()
    claimed = outbox.claim(owner="killed-worker")
    outbox.schedule_takeover()
    [run] = [
        result for result in deliver_outbox.get_backend().results if result.task.name == "deliver_outbox"
    ]
    assert (
        claimed[0].lease_until < run.task.run_after <= claimed[0].lease_until + datetime.timedelta(seconds=2)
    )


def test_a_slow_batch_keeps_its_claim_alive(db, no_worker, monkeypatch):
    for number in range(3):
        owe(to=f"person{number}@example.org")
    clock = iter(range(0, 1000, 20))  # every message takes 20 s on a slow mail server
    monkeypatch.setattr(outbox.time, "monotonic", lambda: next(clock))
    renewed = []
    real_renew = outbox._renew
    monkeypatch.setattr(outbox, "_renew", lambda owner: renewed.append(real_renew(owner=owner)))
    assert outbox.deliver() == 3
    assert renewed  # the lease was renewed mid-batch, so no other run took the rest over and sent it twice
