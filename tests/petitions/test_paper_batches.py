"""Paper signatures: a batch entered by one person counts only once a second person confirms it, and then every
reader of the count includes it (public count, per-province totals, the JSON API, the dashboard).

Personas: ``clerk`` (staff who enters a batch), ``checker`` (staff who confirms it).
"""

import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from advocacy.dashboard.filters import Scope
from petitions import selectors, services
from petitions.factories import SignatureFactory
from petitions.identity import PAPER_SOURCE, clean_source
from petitions.models import PaperBatch, PaperBatchState, SignatureDailyTotal, SignatureTally
from site_project.factories import publish_translation as translate

from .paper import enter_batch, staff_user

EVENT_DAY = datetime.date(2026, 11, 25)


@pytest.fixture
def clerk(db):
    return staff_user("paper-clerk")


@pytest.fixture
def checker(db):
    return staff_user("paper-checker")


def dashboard_province_total(province: str) -> int:
    scope = Scope(
        since=EVENT_DAY - datetime.timedelta(days=30),
        until=timezone.localdate(),
        petition_ids=None,
        sources=None,
        partner=None,
        campaigns=[],
        campaign_filtered=False,
        theme_key=None,
        choices=None,
    )
    return {row["k"]: row["n"] for row in scope.counted_by("province")}.get(province, 0)


def api_province_total(client, petition, province: str) -> int:
    body = json.loads(client.get(f"/api/petitions/{petition.pk}/").content)
    return body["provinces"].get(province, 0)


def test_a_confirmed_batch_of_120_for_chiang_rai_raises_the_count_the_json_total_and_the_dashboard_by_120(
    client, petition, clerk, checker
):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, province="chiang-rai")
    services.aggregate_signatures()
    before = (
        selectors.public_count(petition.pk),
        api_province_total(client, petition, "chiang-rai"),
        dashboard_province_total("chiang-rai"),
    )
    assert before == (3, 3, 3)
    batch = enter_batch(petition, clerk, count=120, province="chiang-rai", event_date=EVENT_DAY)
    selectors.forget_public_totals(petition.pk)
    unconfirmed = (
        selectors.public_count(petition.pk),
        api_province_total(client, petition, "chiang-rai"),
        dashboard_province_total("chiang-rai"),
    )
    assert unconfirmed == before

    services.confirm_paper_batch(batch=batch, user=checker)

    assert selectors.public_count(petition.pk) == 123
    assert api_province_total(client, petition, "chiang-rai") == 123
    assert dashboard_province_total("chiang-rai") == 123


def test_the_public_totals_split_online_and_paper(client, petition, clerk, checker):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    services.confirm_paper_batch(batch=enter_batch(petition, clerk, count=40), user=checker)
    enter_batch(petition, clerk, count=500)  # waiting: not counted
    totals = selectors.public_totals(petition.pk)
    assert (totals.count, totals.online, totals.paper) == (42, 2, 40)
    body = json.loads(client.get(f"/api/petitions/{petition.pk}/").content)
    assert (body["signature_count"], body["online_count"], body["paper_count"]) == (42, 2, 40)


def test_a_confirmed_batch_is_tallied_under_the_paper_source_on_the_event_day(petition, clerk, checker):
    batch = enter_batch(petition, clerk, count=120, province="chiang-rai", event_date=EVENT_DAY)
    services.confirm_paper_batch(batch=batch, user=checker)
    tally = SignatureTally.objects.get(petition=petition)
    assert (tally.source, tally.province, tally.day, tally.locale, tally.count) == (
        PAPER_SOURCE,
        "chiang-rai",
        EVENT_DAY,
        "th",
        120,
    )
    assert set(
        SignatureDailyTotal.objects.filter(petition__isnull=True).values_list("dimension", "value", "count")
    ) == {("province", "chiang-rai", 120), ("source", PAPER_SOURCE, 120), ("locale", "th", 120)}


def test_the_person_who_entered_a_batch_cannot_confirm_or_reject_it(petition, clerk):
    batch = enter_batch(petition, clerk)
    with pytest.raises(services.PaperBatchRefused):
        services.confirm_paper_batch(batch=batch, user=clerk)
    with pytest.raises(services.PaperBatchRefused):
        services.reject_paper_batch(batch=batch, user=clerk, reason="ซ้ำ")
    batch.refresh_from_db()
    assert batch.state == PaperBatchState.PENDING
    assert selectors.public_count(petition.pk) == 0


def test_a_batch_is_confirmed_once_and_a_rejected_one_never_counts(petition, clerk, checker):
    batch = enter_batch(petition, clerk, count=10)
    services.confirm_paper_batch(batch=batch, user=checker)
    with pytest.raises(services.PaperBatchRefused):
        services.confirm_paper_batch(batch=batch, user=checker)
    assert selectors.public_count(petition.pk) == 10
    rejected = enter_batch(petition, clerk, count=99)
    services.reject_paper_batch(batch=rejected, user=checker, reason="ลายมือเดียวกันทั้งแผ่น")
    with pytest.raises(services.PaperBatchRefused):
        services.confirm_paper_batch(batch=rejected, user=checker)
    rejected.refresh_from_db()
    assert (rejected.state, rejected.rejection_reason) == (PaperBatchState.REJECTED, "ลายมือเดียวกันทั้งแผ่น")
    selectors.forget_public_totals(petition.pk)
    assert selectors.public_count(petition.pk) == 10


def test_a_rebuild_keeps_paper_totals_and_reports_no_drift(petition, clerk, checker):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    services.aggregate_signatures()
    services.confirm_paper_batch(batch=enter_batch(petition, clerk, count=120), user=checker)
    report = services.reconcile_signature_counts(fix=True)
    assert [(row.drift, row.tally_drift) for row in report] == [(0, 0)]
    assert selectors.public_count(petition.pk) == 123
    assert SignatureTally.objects.get(petition=petition, source=PAPER_SOURCE).count == 120
    assert dashboard_province_total("chiang-rai") == 120
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "drift 0" in out.getvalue()


def test_a_batch_entered_on_a_translation_counts_under_the_original(english_home, petition, clerk, checker):
    english = translate(petition, "en", title="No nightlife until 4 a.m.")
    batch = enter_batch(english, clerk, count=7)
    assert batch.petition_id == petition.pk
    services.confirm_paper_batch(batch=batch, user=checker)
    assert selectors.public_count(english.pk) == 7


def test_src_paper_on_a_signature_does_not_count_as_paper(client, petition, sign, confirm):
    assert clean_source("paper") == ""
    assert clean_source("PAPER") == ""
    sign(petition, source="paper")
    SignatureFactory(petition=petition, confirmed=True, source=clean_source("paper"))
    services.aggregate_signatures()
    assert not SignatureTally.objects.filter(source=PAPER_SOURCE).exists()
    assert selectors.public_totals(petition.pk).paper == 0


@pytest.mark.parametrize("count", [0, -5, 100_001, 10**9])
def test_a_count_outside_1_to_100000_is_refused(petition, clerk, count):
    with pytest.raises(ValidationError):
        enter_batch(petition, clerk, count=count)
    assert not PaperBatch.objects.exists()


def test_an_unknown_province_or_a_scan_that_is_not_a_pdf_or_image_is_refused(petition, clerk, private_files):
    with pytest.raises(ValidationError):
        enter_batch(petition, clerk, province="atlantis")
    with pytest.raises(ValidationError):
        enter_batch(petition, clerk, scans=[SimpleUploadedFile("sheet.exe", b"MZ")])
    assert not PaperBatch.objects.exists()
    batch = enter_batch(
        petition,
        clerk,
        scans=[
            SimpleUploadedFile("sheet-1.pdf", b"%PDF-1.4"),
            SimpleUploadedFile("sheet-2.jpg", b"\xff\xd8"),
        ],
    )
    assert batch.scans.count() == 2


# --- The petition page -----------------------------------------------------------------------------------------
def test_the_petition_page_says_how_many_signed_online_and_how_many_on_paper(
    client, petition, clerk, checker
):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    page = client.get(petition.url).content.decode()
    assert "data-petition-split" not in page  # nothing on paper: no split to show
    services.confirm_paper_batch(batch=enter_batch(petition, clerk, count=1200), user=checker)
    page = client.get(petition.url).content.decode()
    assert "<strong>1,203</strong>" in page
    assert "ออนไลน์ <span data-online>3</span> + บนกระดาษ <span data-paper>1,200</span>" in page


def test_a_cached_petition_page_gets_the_paper_count_from_the_api_its_script_reads(
    settings, petition, clerk, checker
):
    settings.PAGE_CACHE_SECONDS = 30
    services.confirm_paper_batch(batch=enter_batch(petition, clerk, count=40), user=checker)
    reader = Client(HTTP_HOST="127.0.0.1")
    reader.get(petition.url)
    copy = reader.get(petition.url)
    assert copy["X-Page-Cache"] == "hit"
    assert "data-paper>40<" in copy.content.decode()
    services.confirm_paper_batch(batch=enter_batch(petition, clerk, count=60), user=checker)
    body = json.loads(reader.get(f"/api/petitions/{petition.pk}/").content)
    assert (body["online_count"], body["paper_count"]) == (0, 100)
