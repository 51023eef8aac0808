import io
import os
import zipfile

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


# --- Shared documents are checked by content ----------------------------------------------------------------------


def _ooxml(part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<document/>")
    return out.getvalue()


def _share(client, filename: str, content: bytes, language: str = "th"):
    upload = SimpleUploadedFile(filename, content, content_type="application/pdf")
    return client.post(
        f"/{language}/account/members/documents/share/",
        {"title": "เอกสาร", "language": "th", "published_on": "2026-11-01", "file": upload},
    )


WINDOWS_PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode."
)


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.pdf", WINDOWS_PROGRAM),
        ("minutes.docx", WINDOWS_PROGRAM),
        ("figures.csv", WINDOWS_PROGRAM),
        ("notes.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),
        ("report.pdf", _ooxml("word/document.xml")),
        ("minutes.docx", b"%PDF-1.4 a pdf in disguise"),
        ("sheet.xlsx", _ooxml("word/document.xml")),
        ("archive.docx", _ooxml("anything/else.xml")),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused_and_not_stored(
    client_as, rep_a, private_files, filename, content
):
    response = _share(client_as(rep_a), filename, content)
    assert response.status_code == 200
    assert "ไฟล์นี้ไม่ใช่ชนิดที่ชื่อไฟล์บอก" in response.content.decode()
    assert not MemberDocument.objects.exists()
    assert not any(path.is_file() for path in private_files.rglob("*"))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This file is not what its name says."),
        ("km", "ឯកសារនេះមិនមែនដូចឈ្មោះរបស់វាប្រាប់ទេ។"),
        ("my", "ဤဖိုင်သည် ၎င်း၏အမည်အတိုင်း မဟုတ်ပါ။"),
    ],
)
def test_the_refusal_of_a_renamed_program_is_in_the_members_language(client_as, rep_a, language, message):
    response = _share(client_as(rep_a), "report.pdf", WINDOWS_PROGRAM, language)
    assert message in response.content.decode()
    assert not MemberDocument.objects.exists()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 a real report"),
        ("minutes.docx", _ooxml("word/document.xml")),
        ("budget.xlsx", _ooxml("xl/workbook.xml")),
        ("slides.pptx", _ooxml("ppt/presentation.xml")),
        ("contacts.csv", "ชื่อ,จังหวัด\nสมชาย,เชียงราย\n".encode()),
        ("readme.txt", "សួស្តី မင်္ဂလာပါ hello\n".encode()),
    ],
)
def test_real_documents_of_every_allowed_type_are_shared(client_as, rep_a, filename, content):
    response = _share(client_as(rep_a), filename, content)
    assert response.status_code == 302
    document = MemberDocument.objects.get()
    assert document.file.open("rb").read() == content


# --- The uploader can withdraw what they shared --------------------------------------------------------------------


def _withdraw_url(document) -> str:
    return f"/th/account/members/documents/{document.pk}/withdraw/"


def test_the_library_offers_withdrawal_only_for_your_own_documents(client_as, rep_a, rep_b, vocabularies):
    mine = MemberDocumentFactory(title="ของฉัน", uploaded_by=rep_a)
    theirs = MemberDocumentFactory(title="ของคนอื่น", uploaded_by=rep_b)
    html = client_as(rep_a).get("/th/account/members/").content.decode()
    assert f'action="{_withdraw_url(mine)}"' in html
    assert _withdraw_url(theirs) not in html
    assert "ถอนเอกสารนี้" in html


def test_the_uploader_withdraws_a_document_and_its_file_is_deleted(
    client_as, rep_a, vocabularies, django_capture_on_commit_callbacks
):
    document = MemberDocumentFactory(title="บันทึกที่แชร์ผิด", uploaded_by=rep_a)
    path = document.file.path
    signed_in = client_as(rep_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(_withdraw_url(document))
    assert response.status_code == 302
    assert response["Location"] == "/th/account/members/"
    assert not MemberDocument.objects.exists()
    assert not os.path.exists(path)
    library = signed_in.get("/th/account/members/").content.decode()
    assert "ถอน “บันทึกที่แชร์ผิด” แล้ว" in library
    assert signed_in.get(f"/th/account/members/documents/{document.pk}/").status_code == 404


def test_another_member_cannot_withdraw_someone_elses_document(client_as, rep_a, rep_b, vocabularies):
    document = MemberDocumentFactory(uploaded_by=rep_a)
    response = client_as(rep_b).post(_withdraw_url(document))
    assert response.status_code == 403
    assert MemberDocument.objects.filter(pk=document.pk).exists()
    assert client_as(rep_a).get(f"/th/account/members/documents/{document.pk}/").status_code == 200


def test_a_document_staff_uploaded_cannot_be_withdrawn_by_a_member(client_as, rep_a, document):
    assert document.uploaded_by is None
    assert client_as(rep_a).post(_withdraw_url(document)).status_code == 403
    assert MemberDocument.objects.filter(pk=document.pk).exists()


def test_withdrawal_needs_a_post_with_a_csrf_token_from_a_signed_in_member(
    client, client_as, rep_a, vocabularies
):
    from django.test import Client

    document = MemberDocumentFactory(uploaded_by=rep_a)
    assert client_as(rep_a).get(_withdraw_url(document)).status_code == 405
    anonymous = client.post(_withdraw_url(document))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/th/account/login/")
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    strict.force_login(rep_a)
    assert strict.post(_withdraw_url(document)).status_code == 403
    assert MemberDocument.objects.filter(pk=document.pk).exists()


def test_withdrawing_a_document_that_is_already_gone_is_not_found(client_as, rep_a, home):
    assert client_as(rep_a).post("/th/account/members/documents/999999/withdraw/").status_code == 404
