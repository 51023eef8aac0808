import pytest
from django.urls import reverse

from partners.factories import MemberDocumentFactory


def test_staff_can_open_a_partner_in_the_page_editor(client_as, admin_user, partner_a):
    partner_a.contacts.create(name="คุณสมศรี")
    partner_a.save_revision()
    response = client_as(admin_user).get(reverse("wagtailadmin_pages:edit", args=[partner_a.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "คุณสมศรี" in html and 'name="areas-TOTAL_FORMS"' in html


@pytest.mark.parametrize(
    "model", ["invitation", "representative", "memberdocument", "pillar", "service", "workinglanguage"]
)
def test_staff_see_each_partner_snippet_listing(client_as, admin_user, vocabularies, model):
    MemberDocumentFactory()
    response = client_as(admin_user).get(reverse(f"wagtailsnippets_partners_{model}:list"))
    assert response.status_code == 200


def test_a_moderator_sees_the_review_task_for_a_submitted_edit(client_as, rep_a, partner_a, moderator):
    from .test_portal import _profile_data

    client_as(rep_a).post(f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, title="ใหม่"))
    response = client_as(moderator).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "ใหม่" in response.content.decode()


def test_staff_open_a_members_document_in_the_editor_and_its_file_through_the_admin(client_as, admin_user):
    document = MemberDocumentFactory()
    editor = client_as(admin_user).get(f"/admin/snippets/partners/memberdocument/edit/{document.pk}/")
    file_url = f"/admin/partners/documents/{document.pk}/file/"
    assert editor.status_code == 200
    assert f'href="{file_url}"' in editor.content.decode()  # the file it holds, linked through the admin
    download = client_as(admin_user).get(file_url)
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_members_document_file_is_refused_to_a_representative_and_an_editor_without_the_library(
    client_as, rep_a, moderator
):
    document = MemberDocumentFactory()
    file_url = f"/admin/partners/documents/{document.pk}/file/"
    assert client_as(rep_a).get(file_url)["Location"].startswith("/admin/login/")  # no admin access
    refused = client_as(moderator).get(file_url)  # Wagtail turns the refusal into a message on its home
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
