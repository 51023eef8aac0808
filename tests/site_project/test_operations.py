"""Staff see what e-mail is owed and why, the scheduled jobs and the processes; only those allowed retry."""

from django.core.mail import EmailMessage

from site_project import outbox
from site_project.models import OutboxMessage, OutboxStatus


def given_up(to: str = "bounce@example.org") -> OutboxMessage:
    message = outbox.enqueue_email(message=EmailMessage("Invitation", "Hello", "phakhi@example.org", [to]))
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.FAILED,
        attempts=outbox.MAX_ATTEMPTS,
        last_error="SMTPRecipientsRefused: 550 no such user",
    )
    return message


def test_an_administrator_sees_the_backlog_the_last_error_and_retries(client_as, admin_user, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    message = given_up()
    client = client_as(admin_user)
    page = client.get("/admin/operations/")
    assert page.status_code == 200
    assert "550 no such user" in page.content.decode()
    assert "bounce@example.org" in page.content.decode()
    response = client.post("/admin/operations/", {"message": [str(message.pk), "99999999999999999999", "x"]})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == OutboxStatus.OWED and message.attempts == 0


def test_an_editor_without_the_permission_is_refused(client_as, editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    message = given_up()
    client = client_as(editor)
    refused = client.get("/admin/operations/")
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission" redirect
    assert client.post("/admin/operations/", {"message": [str(message.pk)]}).url == "/admin/"
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
