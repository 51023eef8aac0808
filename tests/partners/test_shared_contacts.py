"""One contact record for every translation of a partner: edited once, reviewed once, shown in every language.

Personas: ``rep_a`` represents organisation A, ``rep_b`` organisation B; ``admin_user`` is secretariat staff.
"""

from wagtail.models import WorkflowState

from .accounts import approve_contacts, profile_form, public_html


def test_a_phone_and_address_removed_in_english_leave_every_translation_after_one_approval(
    client, client_as, rep_a, moderator, english_a, contacts_a
):
    assert "053 111 222" in public_html(client, "/th/partners/a/")
    response = client_as(rep_a).post(
        f"/en/account/partners/{english_a.pk}/edit/",
        profile_form(english_a, public_email="info@a.example.org"),
    )
    assert response.status_code == 302
    assert "053 111 222" in public_html(client, "/th/partners/a/")  # nothing live before the review
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert [state.content_object for state in in_review] == [contacts_a]  # one review, not one per language

    assert approve_contacts(client_as(moderator), contacts_a).status_code in (200, 302)
    for path in ("/th/partners/a/", "/en/partners/a/"):
        html = public_html(client, path)
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
        f"/th/account/partners/{partner_a.pk}/edit/", profile_form(partner_a, public_phone="call me")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["public_phone"]
    assert not WorkflowState.objects.exists()


def test_a_name_change_alone_is_reviewed_on_the_page_and_leaves_the_contacts_alone(
    client_as, rep_a, partner_a, contacts_a
):
    data = profile_form(partner_a, title="มูลนิธิเอใหม่", public_phone="053 111 222", address=contacts_a.address)
    data["public_email"] = contacts_a.public_email
    client_as(rep_a).post(f"/th/account/partners/{partner_a.pk}/edit/", data)
    assert [state.content_object.pk for state in WorkflowState.objects.all()] == [partner_a.pk]
    assert not WorkflowState.objects.for_instance(contacts_a).exists()


def test_another_partners_representative_cannot_change_these_contacts(
    client_as, rep_b, partner_a, contacts_a
):
    response = client_as(rep_b).post(
        f"/th/account/partners/{partner_a.pk}/edit/", profile_form(partner_a, public_phone="099 999 999")
    )
    assert response.status_code == 403
    assert not WorkflowState.objects.exists()
