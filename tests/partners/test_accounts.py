"""Accounts and partner safety: sign-in throttling, password reset, invitations, shared contacts, hiding.

Personas: ``rep_a`` represents organisation A, ``rep_b`` organisation B (another partner's representative),
``admin_user`` is secretariat staff with every right, ``editor`` is staff without the right to unlock.
"""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from partners.models import CONTACT_FIELDS, Invitation, PartnerContacts, Representative
from partners.services import invite_representative
from site_project.models import OutboxMessage

PASSWORD = "correct horse battery staple"
LOGIN = "/{language}/account/login/"


def _sign_in(client, username, password, *, language="th", address="127.0.0.1"):
    return client.post(
        LOGIN.format(language=language), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail(client, username, times, *, language="th", address="127.0.0.1"):
    response = None
    for _ in range(times):
        response = _sign_in(client, username, "wrong password", language=language, address=address)
    return response


# --- Sign-in throttling -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("th", "ระงับการเข้าสู่ระบบ"),
        ("en", "signing in is paused"),
        ("km", "ត្រូវបានផ្អាក"),
        ("my", "ခေတ္တရပ်ထား"),
    ],
)
def test_thirty_wrong_passwords_in_a_minute_lock_a_partner_account_with_a_clear_message(
    client, rep_a, language, words
):
    response = _fail(client, "rep-a@example.org", 30, language=language)
    assert response.status_code == 429
    assert words in response.content.decode()
    assert "Retry-After" in response.headers


def test_the_right_password_does_not_sign_in_while_the_account_is_locked(client, rep_a):
    _fail(client, "rep-a@example.org", 30)
    response = _sign_in(client, "rep-a@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/th/account/").status_code == 302  # still sent to the login page


def test_a_lock_holds_from_another_address_and_whatever_the_case_of_the_e_mail(client, rep_a):
    _fail(client, "rep-a@example.org", 10, address="203.0.113.7")
    response = _sign_in(client, "REP-A@example.org ", PASSWORD, address="198.51.100.9")
    assert response.status_code == 429


def test_one_address_guessing_many_accounts_is_locked_too(client, rep_a, rep_b):
    for number in range(10):
        _sign_in(client, f"guess{number}@example.org", "wrong password", address="203.0.113.7")
    assert _sign_in(client, "rep-b@example.org", PASSWORD, address="203.0.113.7").status_code == 429
    assert _sign_in(client, "rep-b@example.org", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_few_wrong_passwords_say_wrong_password_and_the_right_one_still_signs_in(client, rep_a):
    response = _fail(client, "rep-a@example.org", 3)
    assert response.status_code == 200
    assert "ระงับ" not in response.content.decode()
    assert _sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


def test_the_lock_ends_by_itself_after_the_cool_off(client, rep_a, settings):
    _fail(client, "rep-a@example.org", 30)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert _sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


def test_the_admin_login_locks_too_and_says_why(client, admin_user):
    for _ in range(30):
        response = client.post("/admin/login/", {"username": "secretariat", "password": "wrong"})
    assert response.status_code == 429
    assert (
        "ระงับการเข้าสู่ระบบ" in response.content.decode() or "signing in is paused" in response.content.decode()
    )
    again = client.post("/admin/login/", {"username": "secretariat", "password": PASSWORD})
    assert again.status_code == 429
    assert client.get("/admin/").status_code == 302


# --- Unlocking ------------------------------------------------------------------------------------------------------


def test_staff_see_a_locked_account_and_unlock_it_and_it_signs_in_at_once(
    client, client_as, rep_a, admin_user
):
    _fail(client, "rep-a@example.org", 30, address="203.0.113.7")
    staff = client_as(admin_user)
    listing = staff.get(reverse("locked_sign_ins"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "rep-a@example.org" in html and "203.0.113.7" in html

    response = staff.post(reverse("locked_sign_ins"), {"kind": "username", "value": "rep-a@example.org"})
    assert response.status_code == 302
    remaining = staff.get(reverse("locked_sign_ins")).context["lockouts"]
    assert "rep-a@example.org" not in [lockout.value for lockout in remaining]
    assert _sign_in(client, "rep-a@example.org", PASSWORD, address="198.51.100.9").status_code == 302


def test_an_unlock_is_written_to_the_audit_log(client, client_as, rep_a, admin_user):
    from wagtail.models import ModelLogEntry

    _fail(client, "rep-a@example.org", 10)
    client_as(admin_user).post(reverse("locked_sign_ins"), {"kind": "username", "value": "rep-a@example.org"})
    entry = ModelLogEntry.objects.get(action="site_project.unlock_sign_in")
    assert entry.user == admin_user
    assert entry.object_id == str(rep_a.pk)


def test_staff_unlock_an_address(client, client_as, rep_a, admin_user):
    _fail(client, "rep-a@example.org", 10, address="203.0.113.7")
    client_as(admin_user).post(reverse("locked_sign_ins"), {"kind": "ip_address", "value": "203.0.113.7"})
    assert not AccessAttempt.objects.filter(ip_address="203.0.113.7").exists()


def test_the_unlock_view_refuses_a_request_it_cannot_read(client, client_as, rep_a, admin_user):
    _fail(client, "rep-a@example.org", 10)
    for data in ({"kind": "password", "value": "x"}, {"kind": "username", "value": ""}, {}):
        response = client_as(admin_user).post(reverse("locked_sign_ins"), data)
        assert response.status_code == 302
    assert AccessAttempt.objects.filter(username="rep-a@example.org").exists()


def test_staff_without_the_unlock_right_cannot_see_or_use_the_unlock_view(client, client_as, rep_a, editor):
    _fail(client, "rep-a@example.org", 10)
    staff = client_as(editor)
    refused = staff.get(reverse("locked_sign_ins"))
    assert (
        refused.status_code == 302 and refused["Location"] == "/admin/"
    )  # Wagtail's "no permission" redirect
    assert "rep-a@example.org" not in staff.get(reverse("locked_sign_ins"), follow=True).content.decode()
    posted = staff.post(reverse("locked_sign_ins"), {"kind": "username", "value": "rep-a@example.org"})
    assert posted.status_code == 302 and posted["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="rep-a@example.org").exists()
    assert reverse("locked_sign_ins") not in staff.get("/admin/").content.decode()


def test_a_representative_cannot_unlock_anyone(client, client_as, rep_a, rep_b):
    _fail(client, "rep-b@example.org", 10)
    response = client_as(rep_a).post(
        reverse("locked_sign_ins"), {"kind": "username", "value": "rep-b@example.org"}
    )
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="rep-b@example.org").exists()


# --- Password reset -----------------------------------------------------------------------------------------------


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
    assert _sign_in(client, "rep-a@example.org", "a brand new pass phrase 9").status_code == 302


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
    assert _sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


def test_a_password_reset_lifts_the_lock_on_the_account(client, rep_a, django_capture_on_commit_callbacks):
    _fail(client, "rep-a@example.org", 10, address="203.0.113.7")
    with django_capture_on_commit_callbacks(execute=True):
        _ask_for_reset(client, "rep-a@example.org", address="198.51.100.9")
    form_page = client.get(_reset_link(mail.outbox[0]), follow=True)
    data = {"new_password1": "a brand new pass phrase 9", "new_password2": "a brand new pass phrase 9"}
    client.post(form_page.redirect_chain[-1][0], data)
    assert (
        _sign_in(client, "rep-a@example.org", "a brand new pass phrase 9", address="198.51.100.9").status_code
        == 302
    )


def test_the_login_page_offers_a_password_reset(client, home):
    assert 'href="/th/account/password-reset/"' in client.get("/th/account/login/").content.decode()


# --- Invitations: resend, and older links revoked -------------------------------------------------------------


def _invitation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\w+/account/invitation/\S+)", message.body).group(1)


def test_an_invitation_e_mail_goes_through_the_outbox(partner_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="new@example.org", partner=partner_a, language="th")
    assert OutboxMessage.objects.filter(kind="partners.invitation", recipient="new@example.org").exists()
    assert mail.outbox[0].to == ["new@example.org"]


@pytest.mark.parametrize(("language", "words"), [("th", "คำเชิญที่ใหม่กว่า"), ("en", "newer invitation")])
def test_a_new_invitation_to_the_same_person_makes_the_older_link_answer_410(
    client, partner_a, django_capture_on_commit_callbacks, language, words
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="new@example.org", partner=partner_a, language=language)
        invite_representative(email="NEW@example.org", partner=partner_a, language=language)
    old, new = (_invitation_path(message) for message in mail.outbox)
    response = client.get(old)
    assert response.status_code == 410
    assert words in response.content.decode()
    refused = client.post(old, {"password1": "a long pass phrase 42", "password2": "a long pass phrase 42"})
    assert refused.status_code == 410
    assert client.get(new).status_code == 200


def test_a_replaced_invitation_with_a_wrong_token_is_still_not_found(client, partner_a):
    first = invite_representative(email="new@example.org", partner=partner_a, language="th")
    invite_representative(email="new@example.org", partner=partner_a, language="th")
    assert client.get(f"/th/account/invitation/{first.pk}/not-the-token/").status_code == 404


def test_invitations_to_other_people_or_other_partners_stay_valid(
    client, partner_a, partner_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="new@example.org", partner=partner_a, language="th")
        invite_representative(email="other@example.org", partner=partner_a, language="th")
        invite_representative(email="new@example.org", partner=partner_b, language="th")
    assert [client.get(_invitation_path(message)).status_code for message in mail.outbox] == [200, 200, 200]


def test_staff_resend_an_invitation_from_the_admin_and_only_the_new_link_works(
    client, client_as, admin_user, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_representative(email="new@example.org", partner=partner_a, language="en")
    staff = client_as(admin_user)
    listing = staff.get(reverse("wagtailsnippets_partners_invitation:list")).content.decode()
    url = reverse("partners_resend_invitation", args=[invitation.pk])
    assert url in listing
    assert staff.get(url).status_code == 200  # asks first
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url)
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    resent = Invitation.objects.exclude(pk=invitation.pk).get()
    assert (resent.email, resent.partner, resent.language, resent.invited_by) == (
        "new@example.org",
        partner_a.page_ptr.specific,
        "en",
        admin_user,
    )
    assert "/en/account/invitation/" in mail.outbox[1].body
    assert client.get(_invitation_path(mail.outbox[0])).status_code == 410
    assert client.get(_invitation_path(mail.outbox[1])).status_code == 200


def test_staff_creating_a_second_invitation_in_the_admin_revokes_the_first(
    client, client_as, admin_user, partner_a, django_capture_on_commit_callbacks
):
    add = reverse("wagtailsnippets_partners_invitation:add")
    data = {"email": "new@example.org", "partner": partner_a.pk, "language": "th"}
    with django_capture_on_commit_callbacks(execute=True):
        client_as(admin_user).post(add, data)
        client_as(admin_user).post(add, data)
    assert [client.get(_invitation_path(message)).status_code for message in mail.outbox] == [410, 200]


def test_an_accepted_invitation_is_not_sent_again(
    client_as, admin_user, partner_a, django_capture_on_commit_callbacks
):
    invitation = invite_representative(email="new@example.org", partner=partner_a, language="th")
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(admin_user).post(reverse("partners_resend_invitation", args=[invitation.pk]))
    assert response.status_code == 302
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 0
    assert reverse("partners_resend_invitation", args=[invitation.pk]) not in (
        client_as(admin_user).get(reverse("wagtailsnippets_partners_invitation:list")).content.decode()
    )


def test_staff_without_the_right_to_invite_cannot_resend(client_as, editor, rep_a, partner_a):
    invitation = invite_representative(email="new@example.org", partner=partner_a, language="th")
    for person in (editor, rep_a):
        response = client_as(person).post(reverse("partners_resend_invitation", args=[invitation.pk]))
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith("/admin/snippets/")
    assert Invitation.objects.count() == 1
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_resending_an_invitation_that_does_not_exist_is_not_found(client_as, admin_user, home):
    assert client_as(admin_user).post("/admin/partners/invitations/999999/resend/").status_code == 404


# --- One contact record for every translation ----------------------------------------------------------------


@pytest.fixture
def english_a(partner_a, english_home):
    from ..conftest import translate

    translate(partner_a.get_parent().specific, "en", title="Partners")
    return translate(partner_a, "en", title="Foundation A")


@pytest.fixture
def contacts_a(partner_a):
    return PartnerContacts.objects.create(
        translation_key=partner_a.translation_key,
        public_phone="053 111 222",
        address="99 ถนนพหลโยธิน เชียงราย",
        public_email="info@a.example.org",
    )


def _profile(page, **changes) -> dict:
    data = {
        field: getattr(page, field) for field in ("title", "abbreviation", "kind", "description", "districts")
    }
    for field in ("pillars", "services", "working_languages"):
        data[field] = [term.pk for term in getattr(page, field).all()]
    data["provinces"] = [area.province for area in page.areas.all()]
    data.update(dict.fromkeys(CONTACT_FIELDS, ""))
    data.update(changes)
    return data


def _approve_contacts(client, record):
    state = WorkflowState.objects.for_instance(record).get(status=WorkflowState.STATUS_IN_PROGRESS)
    url = reverse(
        "wagtailsnippets_partners_partnercontacts:workflow_action",
        args=[record.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {"comment": ""})


def _public(client, path) -> str:
    return client.get(path).content.decode()


def test_a_phone_and_address_removed_in_english_leave_every_translation_after_one_approval(
    client, client_as, rep_a, moderator, english_a, contacts_a
):
    assert "053 111 222" in _public(client, "/th/partners/a/")
    response = client_as(rep_a).post(
        f"/en/account/partners/{english_a.pk}/edit/",
        _profile(english_a, public_email="info@a.example.org"),
    )
    assert response.status_code == 302
    assert "053 111 222" in _public(client, "/th/partners/a/")  # nothing live before the review
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert [state.content_object for state in in_review] == [contacts_a]  # one review, not one per language

    assert _approve_contacts(client_as(moderator), contacts_a).status_code in (200, 302)
    for path in ("/th/partners/a/", "/en/partners/a/"):
        html = _public(client, path)
        assert "053 111 222" not in html and "พหลโยธิน" not in html
        assert "info@a.example.org" in html


def test_the_edit_form_shows_the_shared_contacts_in_every_language(client_as, rep_a, english_a, contacts_a):
    for path in (
        f"/th/account/partners/{english_a.get_translation(english_a.locale.get_default()).pk}/edit/",
    ):
        assert 'value="053 111 222"' in client_as(rep_a).get(path).content.decode()
    assert (
        'value="053 111 222"'
        in client_as(rep_a).get(f"/en/account/partners/{english_a.pk}/edit/").content.decode()
    )


def test_the_edit_form_refuses_a_phone_number_with_letters(client_as, rep_a, partner_a, contacts_a):
    response = client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/", _profile(partner_a, public_phone="call me")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["public_phone"]
    assert not WorkflowState.objects.exists()


def test_a_name_change_alone_is_reviewed_on_the_page_and_leaves_the_contacts_alone(
    client_as, rep_a, partner_a, contacts_a
):
    data = _profile(partner_a, title="มูลนิธิเอใหม่", public_phone="053 111 222", address=contacts_a.address)
    data["public_email"] = contacts_a.public_email
    client_as(rep_a).post(f"/th/account/partners/{partner_a.pk}/edit/", data)
    assert [state.content_object.pk for state in WorkflowState.objects.all()] == [partner_a.pk]
    assert not WorkflowState.objects.for_instance(contacts_a).exists()


def test_another_partners_representative_cannot_change_these_contacts(
    client_as, rep_b, partner_a, contacts_a
):
    response = client_as(rep_b).post(
        f"/th/account/partners/{partner_a.pk}/edit/", _profile(partner_a, public_phone="099 999 999")
    )
    assert response.status_code == 403
    assert not WorkflowState.objects.exists()


# --- Safety: hiding at once -------------------------------------------------------------------------------------------


def _safety(client, page, action):
    return client.post(f"/th/account/partners/{page.pk}/safety/", {"action": action})


def test_a_representative_hides_the_contacts_at_once_in_every_language_and_cached_pages_follow(
    client, client_as, rep_a, english_a, contacts_a, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    for path in ("/th/partners/a/", "/en/partners/a/"):
        assert "053 111 222" in _public(client, path)
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    dashboard = client_as(rep_a).get("/th/account/").content.decode()
    assert "ซ่อนที่อยู่และช่องทางติดต่อของเราเดี๋ยวนี้" in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        response = _safety(client_as(rep_a), english_a, "hide_contacts")
    assert response.status_code == 302
    for path in ("/th/partners/a/", "/en/partners/a/"):
        html = _public(client, path)
        assert "053 111 222" not in html and "พหลโยธิน" not in html and "info@a.example.org" not in html
    assert "ซ่อนอยู่" in client_as(rep_a).get("/th/account/").content.decode()
    logged = PageLogEntry.objects.filter(action="partners.hide_contacts")
    assert sorted(entry.page_id for entry in logged) == sorted(
        [english_a.pk, english_a.get_translation(english_a.locale.get_default()).pk]
    )
    assert {entry.user for entry in logged} == {rep_a}


def test_a_representative_takes_the_organisation_out_of_the_directory_at_once(
    client, client_as, rep_a, partner_b, english_a, contacts_a, admin_user
):
    assert "มูลนิธิเอ" in _public(client, "/th/partners/")
    assert _safety(client_as(rep_a), english_a, "unlist").status_code == 302
    directory = _public(client, "/th/partners/")
    assert "มูลนิธิเอ" not in directory and "มูลนิธิบี" in directory
    assert client.get("/th/partners/a/").status_code == 404
    assert client.get("/en/partners/a/").status_code == 404
    assert client_as(rep_a).get("/th/partners/a/").status_code == 404  # not even to its own representative
    assert "/th/partners/a/" not in client.get("/sitemap-th.xml").content.decode()
    assert client_as(admin_user).get("/th/partners/a/").status_code == 200  # staff still see it
    assert PageLogEntry.objects.filter(action="partners.unlist").count() == 2


def test_another_partners_representative_cannot_hide_or_unlist_someone_else(
    client, client_as, rep_b, partner_a, contacts_a
):
    for action in ("hide_contacts", "unlist"):
        assert _safety(client_as(rep_b), partner_a, action).status_code == 403
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden and not contacts_a.unlisted
    assert "053 111 222" in _public(client, "/th/partners/a/")


def test_an_anonymous_visitor_cannot_hide_anyone(client, partner_a, contacts_a):
    response = _safety(client, partner_a, "hide_contacts")
    assert response.status_code == 302 and response["Location"].startswith("/th/account/login/")
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden


def test_the_safety_control_refuses_an_action_it_does_not_know(client_as, rep_a, partner_a, contacts_a):
    response = _safety(client_as(rep_a), partner_a, "delete_everything")
    assert response.status_code == 400
    assert "เลือกสิ่งที่จะซ่อน" in response.content.decode()
    contacts_a.refresh_from_db()
    assert not contacts_a.is_protected


def test_hiding_is_undone_only_when_an_edit_asking_for_it_is_approved(
    client, client_as, rep_a, moderator, english_a, contacts_a
):
    _safety(client_as(rep_a), english_a, "hide_contacts")
    _safety(client_as(rep_a), english_a, "unlist")
    form = client_as(rep_a).get(f"/en/account/partners/{english_a.pk}/edit/").content.decode()
    assert 'name="restore_visibility"' in form
    data = _profile(
        english_a,
        public_phone=contacts_a.public_phone,
        address=contacts_a.address,
        public_email=contacts_a.public_email,
        restore_visibility="on",
    )
    assert client_as(rep_a).post(f"/en/account/partners/{english_a.pk}/edit/", data).status_code == 302
    assert client.get("/th/partners/a/").status_code == 404  # still hidden while in review

    _approve_contacts(client_as(moderator), contacts_a)
    contacts_a.refresh_from_db()
    assert not contacts_a.is_protected
    assert "053 111 222" in _public(client, "/th/partners/a/")
    assert "มูลนิธิเอ" in _public(client, "/th/partners/")
    assert PageLogEntry.objects.filter(action="partners.restore_visibility").count() == 2


def test_an_edit_sent_before_hiding_and_approved_after_cannot_bring_the_contacts_back(
    client, client_as, rep_a, moderator, partner_a, contacts_a
):
    client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/",
        _profile(partner_a, public_phone="053 999 999", public_email=contacts_a.public_email),
    )
    _safety(client_as(rep_a), partner_a, "hide_contacts")
    _approve_contacts(client_as(moderator), contacts_a)
    contacts_a.refresh_from_db()
    assert contacts_a.public_phone == "053 999 999"
    assert contacts_a.contacts_hidden
    assert "053 999 999" not in _public(client, "/th/partners/a/")


def test_staff_show_the_contacts_again_from_the_admin(
    client, client_as, rep_a, admin_user, partner_a, contacts_a
):
    _safety(client_as(rep_a), partner_a, "hide_contacts")
    url = reverse("wagtailsnippets_partners_partnercontacts:edit", args=[contacts_a.pk])
    staff = client_as(admin_user)
    assert 'name="restore_visibility"' in staff.get(url).content.decode()
    data = {
        "public_email": contacts_a.public_email,
        "public_phone": contacts_a.public_phone,
        "address": contacts_a.address,
        "website": "",
        "line_official_account": "",
        "facebook_url": "",
        "restore_visibility": "on",
        "action-publish": "action-publish",
    }
    assert staff.post(url, data).status_code == 302
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden
    assert "053 111 222" in _public(client, "/th/partners/a/")


def test_staff_cannot_add_a_second_contact_record_by_hand(client_as, admin_user, contacts_a):
    listing = client_as(admin_user).get(reverse("wagtailsnippets_partners_partnercontacts:list"))
    assert listing.status_code == 200 and "มูลนิธิเอ" in listing.content.decode()
    response = client_as(admin_user).get(reverse("wagtailsnippets_partners_partnercontacts:add"))
    assert response.status_code in (302, 403)
    assert PartnerContacts.objects.count() == 1
