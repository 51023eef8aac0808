"""Sign-in throttling: wrong passwords lock an account or an address, with a clear message, until the
cool-off ends or staff unlock it.

Personas: ``rep_a`` represents organisation A, ``rep_b`` organisation B (another partner's representative),
``admin_user`` is secretariat staff with every right, ``editor`` is staff without the right to unlock.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from .accounts import PASSWORD, fail_to_sign_in, sign_in


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
    response = fail_to_sign_in(client, "rep-a@example.org", 30, language=language)
    assert response.status_code == 429
    assert words in response.content.decode()
    assert "Retry-After" in response.headers


def test_the_right_password_does_not_sign_in_while_the_account_is_locked(client, rep_a):
    fail_to_sign_in(client, "rep-a@example.org", 30)
    response = sign_in(client, "rep-a@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/th/account/").status_code == 302  # still sent to the login page


def test_a_lock_holds_from_another_address_and_whatever_the_case_of_the_e_mail(client, rep_a):
    fail_to_sign_in(client, "rep-a@example.org", 10, address="203.0.113.7")
    response = sign_in(client, "REP-A@example.org ", PASSWORD, address="198.51.100.9")
    assert response.status_code == 429


def test_one_address_guessing_many_accounts_is_locked_too(client, rep_a, rep_b):
    for number in range(10):
        sign_in(client, f"guess{number}@example.org", "wrong password", address="203.0.113.7")
    assert sign_in(client, "rep-b@example.org", PASSWORD, address="203.0.113.7").status_code == 429
    assert sign_in(client, "rep-b@example.org", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_few_wrong_passwords_say_wrong_password_and_the_right_one_still_signs_in(client, rep_a):
    response = fail_to_sign_in(client, "rep-a@example.org", 3)
    assert response.status_code == 200
    assert "ระงับ" not in response.content.decode()
    assert sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


def test_the_lock_ends_by_itself_after_the_cool_off(client, rep_a, settings):
    fail_to_sign_in(client, "rep-a@example.org", 30)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC)
        - settings.AXES_COOLOFF_TIME
        - datetime.timedelta(minutes=1)
    )
    assert sign_in(client, "rep-a@example.org", PASSWORD).status_code == 302


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
    fail_to_sign_in(client, "rep-a@example.org", 30, address="203.0.113.7")
    staff = client_as(admin_user)
    listing = staff.get(reverse("locked_sign_ins"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "rep-a@example.org" in html and "203.0.113.7" in html

    response = staff.post(reverse("locked_sign_ins"), {"kind": "username", "value": "rep-a@example.org"})
    assert response.status_code == 302
    remaining = staff.get(reverse("locked_sign_ins")).context["lockouts"]
    assert "rep-a@example.org" not in [lockout.value for lockout in remaining]
    assert sign_in(client, "rep-a@example.org", PASSWORD, address="198.51.100.9").status_code == 302


def test_an_unlock_is_written_to_the_audit_log(client, client_as, rep_a, admin_user):
    from wagtail.models import ModelLogEntry

    fail_to_sign_in(client, "rep-a@example.org", 10)
    client_as(admin_user).post(reverse("locked_sign_ins"), {"kind": "username", "value": "rep-a@example.org"})
    entry = ModelLogEntry.objects.get(action="site_project.unlock_sign_in")
    assert entry.user == admin_user
    assert entry.object_id == str(rep_a.pk)


def test_staff_unlock_an_address(client, client_as, rep_a, admin_user):
    fail_to_sign_in(client, "rep-a@example.org", 10, address="203.0.113.7")
    client_as(admin_user).post(reverse("locked_sign_ins"), {"kind": "ip_address", "value": "203.0.113.7"})
    assert not AccessAttempt.objects.filter(ip_address="203.0.113.7").exists()


def test_the_unlock_view_refuses_a_request_it_cannot_read(client, client_as, rep_a, admin_user):
    fail_to_sign_in(client, "rep-a@example.org", 10)
    for data in ({"kind": "password", "value": "x"}, {"kind": "username", "value": ""}, {}):
        response = client_as(admin_user).post(reverse("locked_sign_ins"), data)
        assert response.status_code == 302
    assert AccessAttempt.objects.filter(username="rep-a@example.org").exists()


def test_staff_without_the_unlock_right_cannot_see_or_use_the_unlock_view(client, client_as, rep_a, editor):
    fail_to_sign_in(client, "rep-a@example.org", 10)
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
    fail_to_sign_in(client, "rep-b@example.org", 10)
    response = client_as(rep_a).post(
        reverse("locked_sign_ins"), {"kind": "username", "value": "rep-b@example.org"}
    )
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="rep-b@example.org").exists()
