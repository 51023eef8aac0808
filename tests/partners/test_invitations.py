"""Invitations: sent through the outbox, resent from the admin, older links revoked.

Personas: ``rep_a`` represents organisation A; ``admin_user`` is secretariat staff with every right,
``editor`` is staff without the right to invite.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners.models import Invitation
from partners.services import invite_representative
from site_project.models import OutboxMessage


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
