"""Who may make and download a dossier: the Secretariat. Nobody else, signed in or not, and the files are never
reachable under the media URL."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from advocacy.dossiers.models import Dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(make_dossier, petition, signatures, push):
    return make_dossier(petition, push=push)


def urls(dossier, push, petition) -> list[str]:
    return [
        reverse("advocacy_dossiers:push", args=[push.pk]),
        reverse("advocacy_dossiers:petition", args=[petition.pk]),
        reverse("advocacy_dossiers:file", args=[dossier.pk, "pdf"]),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_and_get_no_file(dossier, push, petition):
    visitor = Client()
    for url in urls(dossier, push, petition):
        response = visitor.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    response = visitor.post(reverse("advocacy_dossiers:push", args=[push.pk]), {"petition": petition.pk})
    assert response.status_code == 302
    assert Dossier.objects.count() == 1


def test_a_partner_representative_cannot_make_or_download_a_dossier(
    client_as, representative, dossier, push, petition
):
    partner = client_as(representative)
    for url in urls(dossier, push, petition):
        response = partner.get(url)
        assert response.status_code in (302, 403), url
        assert not getattr(response, "streaming", False), url
    partner.post(reverse("advocacy_dossiers:petition", args=[petition.pk]), {"petition": petition.pk})
    assert Dossier.objects.count() == 1


def test_staff_without_the_dossier_permissions_are_refused(client_as, editor, dossier, push, petition):
    staff = client_as(editor)
    for url in urls(dossier, push, petition):
        response = staff.get(
            url
        )  # Wagtail turns the refusal into a redirect to the admin's home, with a message
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    response = staff.post(reverse("advocacy_dossiers:push", args=[push.pk]), {"petition": petition.pk})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Dossier.objects.count() == 1


def test_the_secretariat_downloads_the_dossier_through_the_view(client_as, secretariat_member, dossier):
    response = client_as(secretariat_member).get(reverse("advocacy_dossiers:file", args=[dossier.pk, "pdf"]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_the_dossier_file_is_private_and_not_under_the_media_url(client, dossier):
    assert not dossier.pdf.path.startswith(str(settings.MEDIA_ROOT))
    assert dossier.pdf.url == reverse("advocacy_dossiers:file", args=[dossier.pk, "pdf"])
    assert client.get(settings.MEDIA_URL + dossier.pdf.name).status_code == 404


def test_an_unknown_file_kind_or_a_missing_annex_is_a_404(client_as, secretariat_member, dossier):
    staff = client_as(secretariat_member)
    assert staff.get(reverse("advocacy_dossiers:file", args=[dossier.pk, "annex"])).status_code == 404
    assert staff.get(reverse("advocacy_dossiers:file", args=[dossier.pk, "secret"])).status_code == 404
    assert staff.get(reverse("advocacy_dossiers:file", args=[dossier.pk + 1, "pdf"])).status_code == 404


def test_the_secretariat_makes_a_dossier_from_the_push_page(
    client_as, secretariat_member, petition, signatures, push, django_capture_on_commit_callbacks
):
    url = reverse("advocacy_dossiers:push", args=[push.pk])
    staff = client_as(secretariat_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url, {"petition": petition.pk, "languages": ["my"], "with_annex": ""})

    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.push == push and dossier.created_by == secretariat_member
    assert dossier.languages == ["th", "en", "my"]
    assert dossier.status == "ready", dossier.error
    assert reverse("advocacy_dossiers:file", args=[dossier.pk, "pdf"]) in staff.get(url).content.decode()


def test_the_push_edit_page_and_a_petition_header_offer_the_button(
    client_as, secretariat_member, push, petition
):
    staff = client_as(secretariat_member)
    edit = staff.get(reverse("wagtailsnippets_advocacy_policypush:edit", args=[push.pk])).content.decode()
    assert reverse("advocacy_dossiers:push", args=[push.pk]) in edit
    listing = staff.get(reverse("wagtailsnippets_advocacy_policypush:list")).content.decode()
    assert reverse("advocacy_dossiers:push", args=[push.pk]) in listing


def test_a_petition_in_the_page_explorer_offers_the_button_to_who_may_make_dossiers(
    client_as, admin_user, editor, petition, petition_index
):
    url = reverse("advocacy_dossiers:petition", args=[petition.pk])
    edit = reverse("wagtailadmin_pages:edit", args=[petition.pk])
    explorer = reverse("wagtailadmin_explore", args=[petition_index.pk])
    staff = client_as(admin_user)
    assert url in staff.get(edit).content.decode()
    assert url in staff.get(explorer).content.decode()
    assert url not in client_as(editor).get(explorer).content.decode()


def test_an_administrator_can_give_another_group_the_dossier_permissions(client_as, admin_user):
    page = client_as(admin_user).get(reverse("wagtailusers_groups:add")).content.decode()

    assert "<h3>เอกสารยื่นข้อเรียกร้อง</h3>" in page  # the row of the dossier permissions (add, view)
