"""Counts staff cannot corrupt: signatures are read-only in the admin, and every release, invalidation and
erasure goes through the staff tools, which write who did it and how many rows to the audit log."""

import pytest
from wagtail.models import PageLogEntry

from petitions import selectors, services
from petitions.factories import SignatureFactory
from petitions.models import QuarantineReason, Signature, SignatureStatus

SNIPPETS = "/admin/snippets/petitions/signature"


@pytest.fixture
def counted(petition):
    signature = SignatureFactory(petition=petition, confirmed=True, name="นับแล้ว")
    services.aggregate_signatures()
    signature.refresh_from_db()
    assert signature.counted and selectors.public_count(petition.pk) == 1
    return signature


def _quarantined(petition, count: int) -> list[Signature]:
    return SignatureFactory.create_batch(
        count,
        petition=petition,
        status=SignatureStatus.QUARANTINED,
        quarantine_reason=QuarantineReason.HONEYPOT,
    )


def _row(signature: Signature) -> tuple:
    signature.refresh_from_db()
    return (signature.name, signature.status, signature.counted)


def test_not_even_a_superuser_can_add_a_signature_in_the_admin(client_as, english_admin, petition, counted):
    staff = client_as(english_admin)
    data = {
        "petition": petition.pk,
        "name": "เพิ่มเอง",
        "email": "raw@example.org",
        "email_canonical": "raw@example.org",
        "province": "bangkok",
        "locale": "th",
        "consent_notice_version": "x",
        "consented_at": "2026-11-01 10:00",
        "status": "confirmed",
        "counted": "on",
    }
    assert staff.get(f"{SNIPPETS}/add/").status_code in (403, 404, 405)
    refused = staff.post(f"{SNIPPETS}/add/", data)
    assert refused.status_code in (403, 404, 405)
    assert "Signatures cannot be added, changed or deleted by hand" in refused.content.decode()
    assert Signature.objects.count() == 1
    assert selectors.public_count(petition.pk) == 1


def test_not_even_a_superuser_can_edit_a_signature_or_untick_counted(
    client_as, admin_user, petition, counted
):
    staff = client_as(admin_user)
    before = _row(counted)
    assert staff.get(f"{SNIPPETS}/edit/{counted.pk}/").status_code in (403, 404, 405)
    response = staff.post(f"{SNIPPETS}/edit/{counted.pk}/", {"name": "แก้แล้ว", "status": "pending"})
    assert response.status_code in (403, 404, 405)
    assert _row(counted) == before
    assert selectors.public_count(petition.pk) == 1


def test_not_even_a_superuser_can_delete_a_signature_one_by_one_or_in_bulk(
    client_as, admin_user, petition, counted
):
    staff = client_as(admin_user)
    assert staff.post(f"{SNIPPETS}/delete/{counted.pk}/").status_code in (403, 404, 405)
    bulk = staff.post(f"/admin/bulk/petitions/signature/delete/?id={counted.pk}", {"id": counted.pk})
    assert bulk.status_code in (302, 403, 404, 405)
    assert Signature.objects.filter(pk=counted.pk).exists()
    assert selectors.public_count(petition.pk) == 1


def test_staff_browse_and_inspect_signatures_without_an_add_or_edit_button(
    client_as, english_admin, petition, counted
):
    staff = client_as(english_admin)
    listing = staff.get(f"{SNIPPETS}/").content.decode()
    assert "นับแล้ว" in listing
    assert f"{SNIPPETS}/inspect/{counted.pk}/" in listing
    assert f"{SNIPPETS}/add/" not in listing and f"{SNIPPETS}/edit/{counted.pk}/" not in listing
    inspect = staff.get(f"{SNIPPETS}/inspect/{counted.pk}/")
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "นับแล้ว" in html
    assert "confirmation token hash" not in html.lower()
    assert f"{SNIPPETS}/delete/{counted.pk}/" not in html


def test_an_editor_without_signature_rights_cannot_even_list_them(client_as, editor, counted):
    response = client_as(editor).get(f"{SNIPPETS}/inspect/{counted.pk}/")
    assert response.status_code in (302, 403)
    assert "นับแล้ว" not in response.content.decode()


def _entries(petition, action: str) -> list[PageLogEntry]:
    return list(PageLogEntry.objects.filter(page=petition, action=action))


def test_releasing_from_quarantine_is_audited_with_who_and_how_many(client_as, english_admin, petition):
    rows = _quarantined(petition, 3)
    staff = client_as(english_admin)
    staff.post("/admin/petitions/quarantine/", {"signature": [rows[0].pk, rows[1].pk], "action": "release"})
    (entry,) = _entries(petition, services.RELEASE_LOG_ACTION)
    assert entry.user == english_admin
    assert entry.data == {"count": 2}
    history = staff.get(f"/admin/pages/{petition.pk}/history/").content.decode()
    assert "Signatures released from quarantine: 2" in history


def test_invalidating_quarantined_signatures_goes_through_the_service_and_is_audited(
    client_as, admin_user, petition
):
    rows = _quarantined(petition, 2)
    client_as(admin_user).post(
        "/admin/petitions/quarantine/", {"signature": [row.pk for row in rows], "action": "invalidate"}
    )
    assert set(Signature.objects.values_list("status", "token_hash")) == {(SignatureStatus.INVALIDATED, "")}
    (entry,) = _entries(petition, services.INVALIDATE_LOG_ACTION)
    assert (entry.user, entry.data) == (admin_user, {"count": 2})


def test_bulk_invalidation_writes_one_audit_entry_per_petition_with_its_count(
    client_as, admin_user, petition, petition_index, django_capture_on_commit_callbacks
):
    from petitions.factories import PetitionPageFactory

    other = PetitionPageFactory(parent=petition_index)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, source="bot-farm")
    SignatureFactory.create_batch(1, petition=other, confirmed=True, source="bot-farm")
    SignatureFactory(petition=other, confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        client_as(admin_user).post("/admin/petitions/invalidate/", {"source": "bot-farm", "confirm": "yes"})
    (here,) = _entries(petition, services.INVALIDATE_LOG_ACTION)
    (there,) = _entries(other, services.INVALIDATE_LOG_ACTION)
    assert (here.user, here.data, there.user, there.data) == (
        admin_user,
        {"count": 3},
        admin_user,
        {"count": 1},
    )


def test_erasing_a_signer_is_audited_without_their_address(client_as, english_admin, petition):
    SignatureFactory(petition=petition, confirmed=True, email="erase.me@example.org", name="ลบฉัน")
    staff = client_as(english_admin)
    staff.post("/admin/petitions/signer/", {"email": "erase.me@example.org", "action": "erase"})
    (entry,) = _entries(petition, services.ERASE_LOG_ACTION)
    assert (entry.user, entry.data) == (english_admin, {"count": 1})
    assert "erase.me" not in str(entry.data) + entry.label
    history = staff.get(f"/admin/pages/{petition.pk}/history/").content.decode()
    assert "Signatures anonymised at a signer&#x27;s request: 1" in history
    assert "erase.me" not in history


def test_an_action_that_changes_nothing_writes_no_audit_entry(client_as, admin_user, petition):
    client_as(admin_user).post("/admin/petitions/signer/", {"email": "nobody@example.org", "action": "erase"})
    client_as(admin_user).post("/admin/petitions/quarantine/", {"signature": ["999"], "action": "release"})
    assert not PageLogEntry.objects.filter(action__startswith="petitions.").exists()


def test_the_audit_messages_read_in_thai_for_thai_staff(client_as, admin_user, petition):
    rows = _quarantined(petition, 1)
    staff = client_as(admin_user)  # no language preference: the admin speaks Thai
    staff.post("/admin/petitions/quarantine/", {"signature": [rows[0].pk], "action": "release"})
    history = staff.get(f"/admin/pages/{petition.pk}/history/").content.decode()
    assert "ปล่อยรายชื่อที่ถูกกักไว้แล้ว: 1" in history
