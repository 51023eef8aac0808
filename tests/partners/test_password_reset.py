"""Password reset on the public site: in the representative's language, once per link, throttled.

Personas: ``rep_a`` represents organisation A; ``admin_user`` is secretariat staff.
"""

import re

from django.core import mail
from django.test import Client

from partners.models import Representative
from site_project.models import OutboxMessage

from .accounts import PASSWORD, fail_to_sign_in, sign_in


def _ask_for_reset(client, email, *, language="th", address="127.0.0.1"):
    return client.post(f"/{language}/account/password-reset/", {"email": email}, REMOTE_ADDR=address)


def _reset_link(message) -> str:
    return re.search(r"https?://\S+(/\w+/account/password-reset/\S+/\S+/)", message.body).group(1)


def test_a_representative_resets_a_forgotten_password_in_their_own_language(
    client, rep_a, django_capture_on_commit_callbacks
):
    Representative.objects.filter(user=rep_a).update(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask_for_reset(client, "REP-A@example.org")
    assert response.status_code == 302 and response["Location"] == "/th/account/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rep-a@example.org"]
    assert "new password" in message.subject
    assert OutboxMessage.objects.filter(kind="partners.password_reset").exists()

    link = _reset_link(message)
    assert link.startswith("/en/account/password-reset/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "no-store" in form_page["Cache-Control"]
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a brand new pass phrase 9", "new_password2": "a brand new pass phrase 9"},
    )
    assert done.status_code == 302 and done["Location"] == "/en/account/password-reset/done/"
    assert sign_in(client, "rep-a@example.org", "a brand new pass phrase 9").status_code == 302


def test_the_reset_e_mail_is_written_in_thai_for_a_thai_representative(
    client, rep_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for_reset(client, "rep-a@example.org", language="en")
    assert "รหัสผ่านใหม่" in mail.outbox[0].subject
    assert "/th/account/password-reset/" in mail.outbox[0].body


def test_an_unknown_address_gets_the_same_answer_and_no_e_mail(
    client, rep_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = _ask_for_reset(client, "rep-a@example.org")
        unknown = _ask_for_reset(client, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["rep-a@example.org"]]


def test_staff_cannot_reset_their_password_on_the_public_site(
    client, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask_for_reset(client, "secretariat@example.org")
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_reset_form_refuses_an_address_that_is_not_one(client, home):
    response = _ask_for_reset(client, "not an address")
    assert response.status_code == 400
    assert "อีเมล" in response.content.decode()


def test_one_connection_asking_for_many_resets_is_slowed_down(
    client, rep_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [_ask_for_reset(client, f"someone{number}@example.org").status_code for number in range(6)]
    assert answers == [302] * 5 + [429]
    refused = _ask_for_reset(client, "rep-a@example.org")
    assert refused.status_code == 429
    assert "ลองใหม่" in refused.content.decode()
    assert _ask_for_reset(client, "rep-a@example.org", address="198.51.100.9").status_code == 302


def test_one_address_gets_at_most_three_reset_e_mails_an_hour(
    client, rep_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            _ask_for_reset(client, "rep-a@example.org", address=f"198.51.100.{number}")
    assert len(mail.outbox) == 3


def test_a_reset_link_works_once_and_a_forged_one_is_refused(
    client, rep_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for_reset(client, "rep-a@example.org")
    link = _reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    data = {"new_password1": "a brand new pass phrase 9", "new_password2": "a brand new pass phrase 9"}
    assert client.post(form_page.redirect_chain[-1][0], data).status_code == 302
    again = Client(HTTP_HOST="127.0.0.1").get(link, follow=True)
    assert again.status_code == 404
    assert "ขอลิงก์ใหม่" in again.content.decode()
    forged = client.get("/th/account/password-reset/MQ/set-password-x/")
    assert forged.status_code == 404


def test_a_new_password_must_pass_the_password_rules(client, rep_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for_reset(client, "rep-a@example.org")
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"}
    )
    assert response.status_code == 400
    assert sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


def test_a_password_reset_lifts_the_lock_on_the_account(client, rep_a, django_capture_on_commit_callbacks):
    fail_to_sign_in(client, "rep-a@example.org", 10, address="203.0.113.7")
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for_reset(client, "rep-a@example.org", address="198.51.100.9")
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    data = {"new_password1": "a brand new pass phrase 9", "new_password2": "a brand new pass phrase 9"}
    client.post(form_page.redirect_chain[-1][0], data)
    assert (
        sign_in(client, "rep-a@example.org", "a brand new pass phrase 9", address="198.51.100.9").status_code
        == 302
    )


def test_the_login_page_offers_a_password_reset(client, home):
    assert 'href="/th/account/password-reset/"' in client.get("/th/account/login/").content.decode()
