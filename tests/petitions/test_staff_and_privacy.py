"""Staff tools and the signers' privacy rights: bulk invalidation, export, erasure, retention, co-signing."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from petitions import selectors, services
from petitions.factories import SignatureFactory
from petitions.models import CoSignatureStatus, OrganisationCoSignature, Signature, SignatureStatus


def test_outsiders_and_editors_cannot_open_the_staff_tools(client_as, outsider, editor):
    for user in (outsider, editor):
        response = client_as(user).get("/admin/petitions/invalidate/")
        assert response.status_code in (302, 403)


def test_bulk_invalidation_previews_the_rows_then_invalidates_and_the_count_follows(
    client_as, english_admin, petition, django_capture_on_commit_callbacks
):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, source="bot-farm")
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    services.aggregate_signatures()
    staff = client_as(english_admin)
    preview = staff.post("/admin/petitions/invalidate/", {"source": "bot-farm"})
    assert preview.status_code == 200
    assert "This will invalidate 3 signatures." in preview.content.decode()
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        staff.post("/admin/petitions/invalidate/", {"source": "bot-farm", "confirm": "yes"})
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 3
    assert selectors.public_count(petition.pk) == 2
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "No drift" in out.getvalue()


def test_staff_review_quarantine_and_release_signatures(client_as, english_admin, sign, petition):
    sign(petition, website="bot")
    staff = client_as(english_admin)
    assert "Filled in the hidden field" in staff.get("/admin/petitions/quarantine/").content.decode()
    staff.post(
        "/admin/petitions/quarantine/", {"signature": [Signature.objects.get().pk], "action": "release"}
    )
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_staff_can_export_everything_held_about_an_address(client_as, admin_user, sign, petition):
    sign(petition, email="Som.Ying+x@gmail.com", updates_from=["organiser"])
    response = client_as(admin_user).post(
        "/admin/petitions/signer/", {"email": "somying@gmail.com", "action": "export"}
    )
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    (signature,) = data["signatures"]
    assert signature["email"] == "Som.Ying+x@gmail.com"
    assert signature["privacy_notice_version"]
    assert signature["updates_from"][0]["organisation"] == "organiser"


def test_erasing_an_address_keeps_the_signature_counted_but_anonymous(client_as, admin_user, petition):
    SignatureFactory(
        petition=petition, confirmed=True, email="erase.me@example.org", name="ลบฉัน", show_name=True
    )
    services.aggregate_signatures()
    client_as(admin_user).post(
        "/admin/petitions/signer/", {"email": "erase.me@example.org", "action": "erase"}
    )
    signature = Signature.objects.get()
    assert (signature.name, signature.email, signature.ip_hash) == ("", "", "")
    assert "erase.me" not in signature.email_canonical
    assert signature.status == SignatureStatus.CONFIRMED
    assert selectors.public_count(petition.pk) == 1
    assert services.export_signer_data(email="erase.me@example.org")["signatures"] == []


def test_the_retention_command_anonymises_old_closed_petitions_only(petition, petition_index):
    from petitions.factories import PetitionPageFactory

    old = PetitionPageFactory(parent=petition_index, closes_at=timezone.now() - datetime.timedelta(days=800))
    SignatureFactory.create_batch(5, petition=old, confirmed=True)
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    out = io.StringIO()
    call_command("anonymise_signatures", "--months", "12", "--batch-size", "2", stdout=out)
    assert "Anonymised 5" in out.getvalue()
    assert Signature.objects.filter(petition=old, name="").count() == 5
    assert Signature.objects.filter(petition=petition).exclude(name="").count() == 2
    assert selectors.public_count(old.pk) == 5
    call_command("anonymise_signatures", "--months", "12", stdout=out)
    assert "Anonymised 0" in out.getvalue()


@pytest.fixture
def representative(co_sponsor):
    from partners.factories import RepresentativeFactory

    co_sponsor.membership_status = "active"
    co_sponsor.save()
    return RepresentativeFactory(partner=co_sponsor)


def test_a_partner_representative_co_signs_and_is_listed_once_staff_approve(
    client_as, admin_user, representative, petition
):
    from django.core.cache import cache

    rep = client_as(representative.user)
    response = rep.post(f"/th/petitions/cosign/{petition.pk}/", {"statement": "เราสนับสนุนข้อเสนอนี้"})
    assert response.status_code == 302
    cosignature = OrganisationCoSignature.objects.get()
    assert cosignature.status == CoSignatureStatus.PENDING
    assert "เราสนับสนุนข้อเสนอนี้" not in rep.get(f"/th/petitions/{petition.slug}/").content.decode()
    client_as(admin_user).post(
        "/admin/petitions/cosignatures/", {"cosignature": cosignature.pk, "action": "approve"}
    )
    cache.clear()
    html = rep.get(f"/th/petitions/{petition.slug}/").content.decode()
    assert "เราสนับสนุนข้อเสนอนี้" in html and representative.partner.title in html


def test_someone_who_represents_no_partner_cannot_co_sign(client_as, outsider, petition):
    response = client_as(outsider).post(f"/th/petitions/cosign/{petition.pk}/", {"statement": "x"})
    assert response.status_code == 403
    assert not OrganisationCoSignature.objects.exists()


def test_the_admin_lists_signatures(client_as, admin_user, petition):
    SignatureFactory(petition=petition, name="ในรายการ")
    response = client_as(admin_user).get("/admin/snippets/petitions/signature/")
    assert response.status_code == 200
    assert "ในรายการ" in response.content.decode()
