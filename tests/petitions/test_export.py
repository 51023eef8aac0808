"""Staff export a petition's confirmed signatures as CSV for the dossier delivered to a ministry.

Persona beyond the shared ones: ``signatures_officer``, secretariat staff who may handle signatures
(``petitions.change_signature``) but edit no pages.
"""

import csv
import datetime
import inspect
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.models import PageLogEntry

from petitions import services
from petitions.factories import SignatureFactory
from petitions.models import Signature, SignatureStatus

BOM = "\ufeff"
THAI_HEADER = ["ลำดับ", "ชื่อ", "จังหวัด", "ภาษา", "ที่มา", "ลงชื่อเมื่อ", "ยืนยันเมื่อ"]
ENGLISH_HEADER = ["Number", "Name", "Province", "Language", "Source", "Signed at", "Confirmed at"]


@pytest.fixture
def signatures_officer(db):
    from ..conftest import _user

    user = _user("signatures-officer", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="petitions", codename="change_signature"),
    )
    return user


def export_text(petition, language: str = "en") -> str:
    with translation.override(language):
        return "".join(services.export_signatures_csv(petition=petition))


def export_rows(petition, language: str = "en") -> list[list[str]]:
    return list(csv.reader(io.StringIO(export_text(petition, language).removeprefix(BOM))))


def bulk_confirmed(petition, count: int) -> None:
    Signature.objects.bulk_create(SignatureFactory.build_batch(count, petition=petition, confirmed=True))


def test_the_export_lists_confirmed_signatures_oldest_first_with_a_running_number(petition):
    first = SignatureFactory(petition=petition, confirmed=True, name="สมหญิง ใจดี", source="line")
    second = SignatureFactory(petition=petition, confirmed=True, name="Somchai Jaidee", locale="en")
    Signature.objects.filter(pk=first.pk).update(
        created_at=datetime.datetime(2026, 3, 1, 17, 30, tzinfo=datetime.UTC),
        confirmed_at=datetime.datetime(2026, 3, 1, 17, 45, tzinfo=datetime.UTC),
    )
    header, *rows = export_rows(petition)
    assert header == ENGLISH_HEADER
    assert rows[0] == ["1", "สมหญิง ใจดี", "Bangkok", "th", "line", "2026-03-02 00:30", "2026-03-02 00:45"]
    assert rows[1][:5] == ["2", "Somchai Jaidee", "Bangkok", "en", ""]
    assert [row[1] for row in rows] == [first.name, second.name]


def test_pending_quarantined_and_invalidated_signatures_stay_out_of_the_export(petition):
    SignatureFactory(petition=petition, confirmed=True, name="ยืนยันแล้ว")
    for status in (SignatureStatus.PENDING, SignatureStatus.QUARANTINED, SignatureStatus.INVALIDATED):
        SignatureFactory(petition=petition, status=status, name=f"ไม่นับ {status}")
    _header, *rows = export_rows(petition)
    assert [row[1] for row in rows] == ["ยืนยันแล้ว"]


def test_signatures_from_every_translation_are_exported_from_any_of_them(petition, english_home):
    from ..conftest import translate

    english = translate(petition, "en", title="End 4 a.m. nightlife hours")
    SignatureFactory(petition=petition, confirmed=True, name="สมหญิง", locale="th")
    SignatureFactory(petition=petition, confirmed=True, name="Jane", locale="en")
    assert export_rows(english) == export_rows(petition)
    assert [row[1] for row in export_rows(english)[1:]] == ["สมหญิง", "Jane"]


def test_no_email_address_or_ip_hash_leaves_in_the_export(petition):
    SignatureFactory(petition=petition, confirmed=True, email="Som.Ying+x@gmail.com", ip_hash="a1b2c3d4e5f6")
    text = export_text(petition)
    assert "@" not in text
    assert "gmail" not in text.lower()
    assert "a1b2c3d4e5f6" not in text


def test_anonymised_signatures_are_exported_as_they_now_stand(petition):
    SignatureFactory(petition=petition, confirmed=True, name="ลบฉัน", email="erase.me@example.org")
    services.erase_signer(email="erase.me@example.org")
    _header, row = export_rows(petition)
    assert row[:4] == ["1", "", "Bangkok", "th"]
    assert "erase" not in export_text(petition)


def test_the_file_opens_in_excel_as_thai_with_a_thai_header(petition):
    SignatureFactory(petition=petition, confirmed=True, province="chiang-rai")
    text = export_text(petition, "th")
    assert text.startswith(BOM)
    header, row = csv.reader(io.StringIO(text.removeprefix(BOM)))
    assert header == THAI_HEADER
    assert row[2] == "เชียงราย"


def test_provinces_are_named_in_english_for_english_readers(petition):
    SignatureFactory(petition=petition, confirmed=True, province="chiang-rai")
    SignatureFactory(petition=petition, confirmed=True, province="outside-th")
    assert [row[2] for row in export_rows(petition, "en")[1:]] == ["Chiang Rai", "Outside Thailand"]


@pytest.mark.parametrize("hostile", ['=HYPERLINK("http://x")', "+66 1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_name_or_source_that_a_spreadsheet_would_run_as_a_formula_is_neutralised(petition, hostile):
    SignatureFactory(petition=petition, confirmed=True, name=hostile, source=hostile)
    _header, row = export_rows(petition)
    assert row[1] == row[4] == "'" + hostile


def test_an_ordinary_name_is_exported_untouched(petition):
    SignatureFactory(petition=petition, confirmed=True, name="ณัฐ-ชา O'Brien = 1")
    assert export_rows(petition)[1][1] == "ณัฐ-ชา O'Brien = 1"


def test_a_petition_without_signatures_exports_just_the_header(petition):
    assert export_rows(petition) == [ENGLISH_HEADER]


def test_the_export_streams_a_chunk_every_thousand_rows(petition):
    bulk_confirmed(petition, 2500)
    with translation.override("en"):
        chunks = services.export_signatures_csv(petition=petition)
        assert inspect.isgenerator(chunks)
        chunks = list(chunks)
    assert len(chunks) == 3
    rows = list(csv.reader(io.StringIO("".join(chunks).removeprefix(BOM))))
    assert len(rows) == 2501
    assert rows[-1][0] == "2500"


# --- The admin view and its button --------------------------------------------------------------------------
def export_url(petition) -> str:
    return f"/admin/petitions/export/{petition.pk}/"


def test_staff_who_handle_signatures_download_the_csv_as_a_streamed_attachment(
    client_as, signatures_officer, petition
):
    SignatureFactory(petition=petition, confirmed=True, name="สมหญิง ใจดี")
    response = client_as(signatures_officer).get(export_url(petition))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="nightlife-signatures-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert {"private", "no-store"} <= set(response["Cache-Control"].replace(" ", "").split(","))
    body = b"".join(response.streaming_content).decode()
    assert body.startswith(BOM)
    assert "สมหญิง ใจดี" in body


def test_the_csv_speaks_the_admin_language_of_whoever_downloads_it(client_as, admin_user, petition):
    """Without a preference the admin speaks Thai; the header stays Thai though the rows stream later."""
    SignatureFactory(petition=petition, confirmed=True, province="chiang-rai")
    response = client_as(admin_user).get(export_url(petition))
    header, row = csv.reader(io.StringIO(b"".join(response.streaming_content).decode().removeprefix(BOM)))
    assert header == THAI_HEADER
    assert row[2] == "เชียงราย"


def test_a_petition_with_a_thai_slug_downloads_under_a_plain_ascii_name(client_as, admin_user, petition):
    petition.slug = "ทางลาด"
    petition.save()
    response = client_as(admin_user).get(export_url(petition))
    assert f'filename="petition-{petition.pk}-signatures-' in response["Content-Disposition"]
    assert response["Content-Disposition"].isascii()


def test_each_export_is_recorded_in_the_audit_log(client_as, signatures_officer, petition):
    b"".join(client_as(signatures_officer).get(export_url(petition)).streaming_content)
    entry = PageLogEntry.objects.get(action="petitions.export_signatures")
    assert entry.page_id == petition.pk
    assert entry.user == signatures_officer
    with translation.override("en"):
        assert entry.message == "Exported the signatures as CSV"


def test_editors_without_the_permission_are_turned_away_without_the_file(client_as, editor, petition):
    """The Wagtail admin answers a refusal with a redirect to its dashboard and a message; a script gets 403."""
    SignatureFactory(petition=petition, confirmed=True)
    editor_client = client_as(editor)
    response = editor_client.get(export_url(petition))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert editor_client.get(export_url(petition), HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    assert not PageLogEntry.objects.filter(action="petitions.export_signatures").exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, petition):
    response = client.get(export_url(petition))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_unknown_petition_is_not_found(client_as, signatures_officer, petition):
    response = client_as(signatures_officer).get("/admin/petitions/export/999999/")
    assert response.status_code == 404
    assert not PageLogEntry.objects.filter(action="petitions.export_signatures").exists()


def test_the_export_only_answers_get(client_as, signatures_officer, petition):
    assert client_as(signatures_officer).post(export_url(petition)).status_code == 405


def test_staff_find_the_export_button_on_petitions_in_the_page_explorer(client_as, admin_user, petition):
    staff = client_as(admin_user)
    listing = staff.get(f"/admin/pages/{petition.get_parent().pk}/").content.decode()
    assert export_url(petition) in listing
    assert "ส่งออกรายชื่อ (CSV)" in listing
    assert export_url(petition) in staff.get(f"/admin/pages/{petition.pk}/edit/").content.decode()


def test_editors_and_other_pages_get_no_export_button(client_as, admin_user, editor, petition):
    assert (
        "/admin/petitions/export/"
        not in client_as(editor).get(f"/admin/pages/{petition.get_parent().pk}/").content.decode()
    )
    home_listing = client_as(admin_user).get(f"/admin/pages/{petition.get_parent().get_parent().pk}/")
    assert "/admin/petitions/export/" not in home_listing.content.decode()


def test_provinces_are_named_in_khmer_and_burmese_for_their_readers(petition):
    SignatureFactory(petition=petition, confirmed=True, province="chiang-rai")
    assert [row[2] for row in export_rows(petition, "km")[1:]] == ["ឈៀងរ៉ាយ"]
    assert [row[2] for row in export_rows(petition, "my")[1:]] == ["ချင်းရိုင်"]
