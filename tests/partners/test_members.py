import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partners.factories import MemberDocumentFactory
from partners.models import MemberDocument, PartnerPage

SECRET = b"%PDF-1.4 members only\n"


@pytest.fixture
def document(vocabularies):
    return MemberDocumentFactory(title="รายงานประจำปี")


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _lapse(page: PartnerPage) -> None:
    page.membership_status = PartnerPage.Membership.LAPSED
    page.save_revision().publish()


def test_an_active_member_downloads_a_document_that_no_shared_cache_may_keep(client_as, rep_a, document):
    response = client_as(rep_a).get(f"/th/account/members/documents/{document.pk}/")
    assert response.status_code == 200
    assert _body(response) == SECRET
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert response["Content-Disposition"].startswith("attachment")


def test_anonymous_visitors_get_the_login_page_and_never_a_document(client, document, home):
    response = client.get(f"/th/account/members/documents/{document.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/th/account/login/")
    assert SECRET not in response.content
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/th/account/members/", "/th/account/members/referrals/", "/th/account/members/documents/share/"]
)
def test_anonymous_visitors_are_sent_to_log_in_from_every_members_page(client, home, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/th/account/login/")


def test_a_representative_cannot_fetch_documents_after_their_membership_lapses(
    client_as, rep_a, partner_a, document
):
    signed_in = client_as(rep_a)
    assert signed_in.get(f"/th/account/members/documents/{document.pk}/").status_code == 200
    _lapse(partner_a)
    response = signed_in.get(f"/th/account/members/documents/{document.pk}/")
    assert response.status_code == 403
    assert SECRET not in _body(response)
    assert 'name="password"' in response.content.decode()
    assert signed_in.get("/th/account/members/").status_code == 403
    assert signed_in.get("/th/account/members/referrals/").status_code == 403


def test_a_partner_who_is_not_a_member_never_sees_the_members_space(client_as, partner_b, document):
    from partners.factories import RepresentativeFactory

    partner_b.membership_status = PartnerPage.Membership.NONE
    partner_b.save_revision().publish()
    user = RepresentativeFactory(partner=partner_b).user
    assert client_as(user).get(f"/th/account/members/documents/{document.pk}/").status_code == 403


def test_a_signed_in_outsider_never_gets_a_document(client_as, outsider, document, home):
    response = client_as(outsider).get(f"/th/account/members/documents/{document.pk}/")
    assert response.status_code == 403
    assert SECRET not in _body(response)


def test_member_documents_are_stored_outside_the_public_media_folder(
    client, document, private_files, settings
):
    path = document.file.path
    assert path.startswith(str(private_files))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/documents/{document.pk}/report.pdf").status_code == 404


def test_the_library_lists_documents_with_their_language_and_pillar(client_as, rep_a, vocabularies):
    from partners.models import Pillar

    MemberDocumentFactory(title="คู่มือการส่งต่อ", pillar=Pillar.objects.get(slug="anti_trafficking"))
    response = client_as(rep_a).get("/th/account/members/")
    html = response.content.decode()
    assert "คู่มือการส่งต่อ" in html and "การต่อต้านการค้ามนุษย์" in html
    assert "no-store" in response["Cache-Control"]


def test_a_member_shares_a_document_with_the_other_members(client_as, rep_a):
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")
    response = client_as(rep_a).post(
        "/th/account/members/documents/share/",
        {
            "title": "บันทึกการประชุม",
            "summary": "",
            "language": "th",
            "published_on": "2026-11-01",
            "file": upload,
        },
    )
    assert response.status_code == 302
    assert MemberDocument.objects.get(title="บันทึกการประชุม").uploaded_by == rep_a


def test_sharing_refuses_a_file_type_that_is_not_a_document(client_as, rep_a):
    upload = SimpleUploadedFile("run.exe", b"MZ...", content_type="application/octet-stream")
    response = client_as(rep_a).post(
        "/th/account/members/documents/share/",
        {"title": "x", "language": "th", "published_on": "2026-11-01", "file": upload},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not MemberDocument.objects.exists()


def test_the_referral_directory_shows_members_contacts_only_to_active_members(
    client_as, client, rep_a, partner_b
):
    partner_b.contacts.create(name="คุณสมศรี", email="somsri@example.org", handles="สถานะบุคคล")
    partner_b.save_revision().publish()
    html = client_as(rep_a).get("/th/account/members/referrals/").content.decode()
    assert "somsri@example.org" in html and "มูลนิธิบี" in html
    assert "somsri@example.org" not in client.get("/th/account/members/referrals/").content.decode()
