"""The delivery dossier: a PDF whose text carries the Thai title, the totals and the digest, the same figures on
the public verify page, and a digest that changes when a single signature does."""

import re
import subprocess

from django.urls import reverse

from advocacy.dossiers.digest import compute_digest, grouped
from advocacy.dossiers.models import DossierStatus
from advocacy.dossiers.totals import petition_totals
from partners.factories import PartnerPageFactory
from petitions import services
from petitions.factories import PaperBatchFactory
from petitions.models import CoSignatureStatus, OrganisationCoSignature, Signature

from .conftest import THAI_TITLE, confirmed


def pdf_text(path) -> str:
    command = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    text = subprocess.run(command, capture_output=True, check=True).stdout  # noqa: S603, S607
    return " ".join(text.decode().split())


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_dossier_pdf_carries_the_thai_title_the_totals_and_the_digest(make_dossier, petition, signatures):
    dossier = make_dossier(petition)

    assert dossier.status == DossierStatus.READY, dossier.error
    assert dossier.totals["online"] == 5
    assert dossier.totals["paper"] == 120
    assert dossier.totals["total"] == 125
    assert dossier.totals["by_province"] == {
        "chiang-rai": {"online": 2, "paper": 120},
        "bangkok": {"online": 3, "paper": 0},
    }
    assert dossier.signature_count == 5
    assert dossier.languages == ["th", "en"]
    text = pdf_text(dossier.pdf.path)
    assert THAI_TITLE in squeeze(text)
    assert "125" in text and "120" in text
    assert squeeze(grouped(dossier.digest)) in squeeze(text)
    assert "เชียงราย" in text and "Chiang Rai" in text
    assert "Double opt-in" in text
    assert dossier.code in text
    assert "@example.org" not in text  # no signer's address


def test_the_verify_page_shows_the_same_totals_and_digest_and_that_it_still_matches(
    client, make_dossier, petition, signatures
):
    dossier = make_dossier(petition)

    response = client.get(f"/th/verify/{dossier.code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert THAI_TITLE in html
    assert grouped(dossier.digest) in html
    assert "125" in html and "120" in html
    assert "ยังตรงกับ" in html  # today's signatures still give this digest
    assert "@example.org" not in html  # no signer's address
    assert not any(signature.name in html for signature in signatures)  # no signer's name


def test_the_verify_page_in_english_says_the_count_has_moved_on(client, make_dossier, petition, signatures):
    dossier = make_dossier(petition)
    confirmed(petition, province="bangkok")

    html = client.get(f"/en/verify/{dossier.code}/").content.decode()

    assert "The count has moved on" in html
    assert "126" in html


def test_changing_one_signature_changes_the_digest(petition, signatures):
    totals = petition_totals(petition.pk)
    before = compute_digest(petition_id=petition.pk, totals=totals).hex

    Signature.objects.filter(pk=signatures[2].pk).update(email_canonical="someone-else@example.org")

    after = compute_digest(petition_id=petition.pk, totals=totals).hex
    assert after != before
    assert len(after) == 64


def test_a_signature_swapped_for_another_changes_the_digest_and_the_verify_page_says_so(
    client, make_dossier, petition, signatures
):
    dossier = make_dossier(petition)
    Signature.objects.filter(pk=signatures[0].pk).update(status="invalidated")
    confirmed(petition, province="bangkok")  # the count is back to 125, with another signer

    html = client.get(f"/en/verify/{dossier.code}/").content.decode()

    assert "some signatures behind it have changed" in html


def test_the_digest_is_keyed(settings, petition, signatures):
    totals = petition_totals(petition.pk)
    derived = compute_digest(petition_id=petition.pk, totals=totals).hex

    settings.DOSSIER_DIGEST_KEY = "another key the operator chose"

    assert compute_digest(petition_id=petition.pk, totals=totals).hex != derived


def test_a_khmer_section_is_added_when_chosen(make_dossier, petition, signatures):
    dossier = make_dossier(petition, languages=["km"])

    assert dossier.languages == ["th", "en", "km"]
    text = pdf_text(dossier.pdf.path)
    # A whole section in Khmer script (pdftotext gives Khmer back in visual order, so words with a stacked
    # consonant or a vowel drawn before it do not read back letter for letter: count the script instead).
    assert len(re.findall("[\u1780-\u17ff]", text)) > 300
    assert text.count("How the signatures were checked") == 1  # the English section only: no fallback


def test_the_admin_page_lists_the_dossier_with_its_download_and_verify_links(
    client_as, make_dossier, petition, signatures, push, secretariat_member
):
    dossier = make_dossier(petition, push=push)

    html = (
        client_as(secretariat_member).get(reverse("advocacy_dossiers:push", args=[push.pk])).content.decode()
    )

    assert reverse("advocacy_dossiers:file", args=[dossier.pk, "pdf"]) in html
    assert f"/th/verify/{dossier.code}/" in html


def test_a_paper_batch_confirmed_after_the_dossier_changes_its_digest(
    petition, signatures, secretariat_member
):
    totals = petition_totals(petition.pk)
    before = compute_digest(petition_id=petition.pk, totals=totals).hex
    batch = PaperBatchFactory(petition=petition, count=30)
    assert compute_digest(petition_id=petition.pk, totals=totals).hex == before  # not confirmed: not counted

    services.confirm_paper_batch(batch=batch, user=secretariat_member)

    assert petition_totals(petition.pk)["paper"] == 150
    assert compute_digest(petition_id=petition.pk, totals=totals).hex != before


def test_the_annex_lists_names_and_provinces_and_never_an_address(make_dossier, petition, signatures):
    dossier = make_dossier(petition, with_annex=True)

    assert dossier.status == DossierStatus.READY, dossier.error
    assert dossier.annex_pages == 1
    text = pdf_text(dossier.annex.path)
    assert all(signature.name in text for signature in signatures)
    assert "เชียงราย" in text and "กรุงเทพมหานคร" in text
    assert "@" not in text


def test_the_annex_of_a_sensitive_petition_lists_only_who_chose_to_show_their_name(
    make_dossier, petition, signatures
):
    type(petition).objects.filter(pk=petition.pk).update(is_sensitive=True)
    Signature.objects.filter(pk=signatures[0].pk).update(show_name=True)

    dossier = make_dossier(petition, with_annex=True)

    text = pdf_text(dossier.annex.path)
    assert signatures[0].name in text
    assert signatures[1].name not in text


def test_the_dossier_names_the_co_signing_organisations_with_their_statements_and_the_targets(
    make_dossier, petition, signatures, partner
):
    OrganisationCoSignature.objects.create(
        petition=petition, partner=partner, statement="เราสนับสนุนข้อเรียกร้องนี้", status=CoSignatureStatus.APPROVED
    )
    OrganisationCoSignature.objects.create(
        petition=petition,
        partner=PartnerPageFactory(parent=partner.get_parent(), title="องค์กรที่รออนุมัติ"),
        statement="ยังไม่อนุมัติ",
    )

    text = squeeze(pdf_text(make_dossier(petition).pdf.path))

    assert squeeze(partner.title) in text and squeeze("เราสนับสนุนข้อเรียกร้องนี้") in text
    assert squeeze("องค์กรที่รออนุมัติ") not in text
    assert squeeze(str(petition.targets.get().institution)) in text


def test_a_burmese_section_is_in_burmese_not_in_the_thai_fallback(make_dossier, petition, signatures):
    dossier = make_dossier(petition, languages=["my"])

    text = pdf_text(dossier.pdf.path)

    # A whole section in Burmese script (pdftotext gives it back in visual order: count the script, see above).
    assert len(re.findall("[\u1000-\u109f]", text)) > 300
    assert text.count("How the signatures were checked") == 1  # the English section only
    assert text.count("วิธีตรวจสอบรายชื่อ") == 1  # the Thai section only
