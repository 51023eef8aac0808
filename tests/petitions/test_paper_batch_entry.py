"""Entering and checking paper batches: staff in the admin, a partner's representative in the portal (for their
own organisation only), and a second person who confirms.

Personas: ``clerk`` and ``checker`` (staff with the petitions permission), ``rep`` (represents ``chiang_rai_network``),
``other_rep`` (represents another organisation), ``outsider`` (signed in, represents no one).
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory, UserFactory
from petitions import selectors, services
from petitions.factories import PaperBatchFactory
from petitions.models import PaperBatch, PaperBatchState

from ..conftest import queries_of_a_view
from .paper import enter_batch, staff_user

PORTAL = "/th/account/paper/"
ADMIN = "/admin/petitions/paper/"


@pytest.fixture
def clerk(db):
    return staff_user("paper-clerk")


@pytest.fixture
def checker(db):
    return staff_user("paper-checker")


@pytest.fixture
def directory(home):
    return PartnerIndexPageFactory(parent=home, slug="partners")


@pytest.fixture
def chiang_rai_network(directory):
    return PartnerPageFactory(parent=directory, title="เครือข่ายเชียงรายงดเหล้า", slug="chiang-rai-network")


@pytest.fixture
def other_partner(directory):
    return PartnerPageFactory(parent=directory, title="มูลนิธิอื่น", slug="other")


@pytest.fixture
def rep(chiang_rai_network):
    return RepresentativeFactory(
        partner=chiang_rai_network, user=UserFactory(username="rep@example.org")
    ).user


@pytest.fixture
def other_rep(other_partner):
    return RepresentativeFactory(partner=other_partner, user=UserFactory(username="other@example.org")).user


def jpeg(name: str = "sheet.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def batch_data(page, **fields) -> dict:
    data = {
        "petition": page.pk,
        "event_name": "บูธตลาดนัดเสาร์ เชียงราย",
        "event_date": "2026-11-25",
        "province": "chiang-rai",
        "count": "120",
    }
    data.update(fields)
    return data


# --- The partner portal ----------------------------------------------------------------------------------------
def test_a_representative_enters_a_batch_for_their_own_organisation_and_sees_it_waiting(
    client_as, petition, rep, chiang_rai_network, private_files
):
    client = client_as(rep)
    response = client.post(PORTAL, {**batch_data(petition), "scans": [jpeg(), jpeg("sheet-2.jpg")]})
    assert response.status_code == 302
    batch = PaperBatch.objects.get()
    assert (batch.partner, batch.entered_by, batch.count, batch.state) == (
        chiang_rai_network,
        rep,
        120,
        PaperBatchState.PENDING,
    )
    assert batch.scans.count() == 2
    page = client.get(PORTAL).content.decode()
    assert "บูธตลาดนัดเสาร์ เชียงราย" in page
    assert "รอผู้อื่นตรวจสอบ" in page
    assert selectors.public_count(petition.pk) == 0
    home = client.get("/th/account/").content.decode()
    assert "บูธตลาดนัดเสาร์ เชียงราย" in home


def test_a_representative_cannot_enter_a_batch_for_another_organisation(
    client_as, petition, rep, chiang_rai_network, other_partner
):
    response = client_as(rep).post(PORTAL, batch_data(petition, partner=other_partner.pk))
    assert response.status_code == 302
    assert PaperBatch.objects.get().partner == chiang_rai_network


def test_a_representative_sees_only_their_own_organisations_batches(
    client_as, petition, rep, other_partner, clerk
):
    PaperBatchFactory(petition=petition, partner=other_partner, event_name="งานของคนอื่น", entered_by=clerk)
    page = client_as(rep).get(PORTAL).content.decode()
    assert "งานของคนอื่น" not in page


def test_a_representative_has_no_way_to_confirm_a_batch(client_as, petition, rep, chiang_rai_network):
    batch = PaperBatchFactory(petition=petition, partner=chiang_rai_network, entered_by=rep)
    client = client_as(rep)
    assert client.post(PORTAL, {"action": "confirm", "batch": batch.pk}).status_code == 400
    assert client.post(f"{ADMIN}{batch.pk}/", {"action": "confirm"}).status_code in (302, 403)
    batch.refresh_from_db()
    assert batch.state == PaperBatchState.PENDING


def test_an_anonymous_visitor_gets_the_login_page_and_enters_nothing(client, petition):
    response = client.post(PORTAL, batch_data(petition))
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not PaperBatch.objects.exists()


def test_a_signed_in_person_who_represents_no_organisation_is_refused(client_as, petition, outsider):
    assert client_as(outsider).get(PORTAL).status_code == 403
    assert client_as(outsider).post(PORTAL, batch_data(petition)).status_code == 403
    assert not PaperBatch.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("count", "0", "อย่างน้อย 1"),
        ("count", "-5", "อย่างน้อย 1"),
        ("count", "100001", "100,000"),
        ("count", "สิบ", "จำนวนเต็ม"),
        ("province", "atlantis", "เลือกจังหวัดจากรายการ"),
        ("event_date", "31/02/2026", "วัน เดือน ปี"),
        ("event_date", "2999-01-01", "อนาคต"),
        ("petition", "999999", "เลือกคำร้องจากรายการ"),
        ("petition", "9" * 25, "เลือกคำร้องจากรายการ"),
        ("petition", "๑๒", "เลือกคำร้องจากรายการ"),
        ("event_name", "\u200b", "มองเห็น"),
    ],
)
def test_bad_input_in_the_portal_form_gets_a_thai_message_and_a_400(
    client_as, petition, rep, field, value, message
):
    response = client_as(rep).post(PORTAL, batch_data(petition, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PaperBatch.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("sheet.exe", b"MZ\x90\x00" * 10),
        SimpleUploadedFile("sheet.pdf", b"MZ\x90\x00" * 10),  # a program named like a PDF
        SimpleUploadedFile("sheet.html", b"<script>alert(1)</script>"),
    ],
)
def test_a_scan_that_is_not_a_pdf_or_an_image_is_refused(client_as, petition, rep, upload, private_files):
    response = client_as(rep).post(PORTAL, {**batch_data(petition), "scans": [upload]})
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    assert not PaperBatch.objects.exists()


# --- The admin -------------------------------------------------------------------------------------------------
def test_staff_enter_a_batch_in_the_admin_and_another_member_of_staff_confirms_it(
    client_as, petition, clerk, checker, chiang_rai_network, private_files
):
    response = client_as(clerk).post(
        f"{ADMIN}new/", {**batch_data(petition, partner=chiang_rai_network.pk), "scans": [jpeg()]}
    )
    assert response.status_code == 302
    batch = PaperBatch.objects.get()
    assert batch.partner == chiang_rai_network
    listing = client_as(checker).get(ADMIN).content.decode()
    assert "บูธตลาดนัดเสาร์ เชียงราย" in listing
    detail = client_as(checker).get(f"{ADMIN}{batch.pk}/")
    assert detail.status_code == 200
    scan_url = batch.scans.get().file.url
    assert scan_url in detail.content.decode()
    assert client_as(checker).get(scan_url).status_code == 200
    assert client_as(checker).post(f"{ADMIN}{batch.pk}/", {"action": "confirm"}).status_code == 302
    batch.refresh_from_db()
    assert (batch.state, batch.confirmed_by) == (PaperBatchState.CONFIRMED, checker)
    assert selectors.public_count(petition.pk) == 120


def test_the_person_who_entered_a_batch_is_refused_when_they_confirm_it_in_the_admin(
    client_as, petition, clerk
):
    batch = enter_batch(petition, clerk)
    client = client_as(clerk)
    page = client.get(f"{ADMIN}{batch.pk}/").content.decode()
    assert 'value="confirm"' not in page
    response = client.post(f"{ADMIN}{batch.pk}/", {"action": "confirm"})
    assert response.status_code == 403
    assert "ผู้ที่ไม่ได้บันทึก" in response.content.decode()
    response = client.post(f"{ADMIN}{batch.pk}/", {"action": "reject", "reason": "ผิด"})
    assert response.status_code == 403
    batch.refresh_from_db()
    assert batch.state == PaperBatchState.PENDING
    assert selectors.public_count(petition.pk) == 0


def test_a_batch_a_representative_entered_is_confirmed_by_staff(
    client_as, petition, rep, checker, chiang_rai_network
):
    client_as(rep).post(PORTAL, batch_data(petition))
    batch = PaperBatch.objects.get()
    assert client_as(checker).post(f"{ADMIN}{batch.pk}/", {"action": "confirm"}).status_code == 302
    assert selectors.public_count(petition.pk) == 120
    assert "ยืนยันและนับแล้ว" in client_as(rep).get(PORTAL).content.decode()


def test_a_rejection_needs_a_reason_and_the_representative_reads_it(
    client_as, petition, rep, checker, chiang_rai_network
):
    batch = PaperBatchFactory(petition=petition, partner=chiang_rai_network, entered_by=rep)
    assert (
        client_as(checker).post(f"{ADMIN}{batch.pk}/", {"action": "reject", "reason": ""}).status_code == 400
    )
    response = client_as(checker).post(
        f"{ADMIN}{batch.pk}/", {"action": "reject", "reason": "จำนวนไม่ตรงกับแผ่นที่สแกน"}
    )
    assert response.status_code == 302
    assert "จำนวนไม่ตรงกับแผ่นที่สแกน" in client_as(rep).get(PORTAL).content.decode()
    assert selectors.public_count(petition.pk) == 0


def test_a_decided_batch_cannot_be_confirmed_again(client_as, petition, clerk, checker):
    batch = enter_batch(petition, clerk)
    services.confirm_paper_batch(batch=batch, user=checker)
    response = client_as(staff_user("third")).post(f"{ADMIN}{batch.pk}/", {"action": "confirm"})
    assert response.status_code == 403
    selectors.forget_public_totals(petition.pk)
    assert selectors.public_count(petition.pk) == 120


@pytest.mark.parametrize(("field", "value"), [("count", "0"), ("count", "100001"), ("province", "x")])
def test_bad_input_in_the_admin_form_is_a_form_error(client_as, petition, clerk, field, value):
    response = client_as(clerk).post(f"{ADMIN}new/", batch_data(petition, **{field: value}))
    assert response.status_code == 400
    assert not PaperBatch.objects.exists()


def test_paper_batches_are_only_for_staff_who_may_manage_signatures(client_as, petition, editor, rep, clerk):
    batch = enter_batch(petition, clerk)
    for user in (editor, rep):
        client = client_as(user)
        for url in (ADMIN, f"{ADMIN}new/", f"{ADMIN}{batch.pk}/"):
            assert client.get(url).status_code in (302, 403), url
        assert client.post(f"{ADMIN}{batch.pk}/", {"action": "confirm"}).status_code in (302, 403)
    batch.refresh_from_db()
    assert batch.state == PaperBatchState.PENDING


def test_the_paper_pages_read_a_fixed_number_of_queries_however_many_batches(
    client_as, petition, rep, chiang_rai_network, clerk
):
    def queries_with(batches: int) -> tuple[int, int]:
        PaperBatchFactory.create_batch(batches, petition=petition, partner=chiang_rai_network, entered_by=rep)
        return (
            queries_of_a_view(client_as(rep), PORTAL),
            queries_of_a_view(client_as(clerk), ADMIN),
        )

    assert queries_with(2) == queries_with(20)
