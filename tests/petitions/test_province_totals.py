"""The province totals kept beside the tallies: each petition's equal a recount from its rows and confirmed paper
batches after every kind of change and after a rebuild, and the API's list reads every petition's in one query."""

import datetime
from collections import Counter

import pytest
from django.db.models import F
from django.utils import timezone

from petitions import api, selectors, services
from petitions.factories import PetitionPageFactory, SignatureFactory
from petitions.models import (
    PaperBatch,
    Signature,
    SignatureDailyTotal,
    SignatureProvinceTotal,
    SignatureStatus,
    SignatureTally,
)
from site_project.factories import publish_translation as translate

from .conftest import last_token
from .paper import enter_batch, staff_user


def recount(petition) -> dict:
    """The petition's totals per province counted from its rows and its confirmed paper batches."""
    counts = Counter(
        Signature.objects.filter(petition=petition, status=SignatureStatus.CONFIRMED).values_list(
            "province", flat=True
        )
    )
    for province, count in (
        PaperBatch.objects.confirmed().filter(petition=petition).values_list("province", "count")
    ):
        counts[province] += count
    return {province: count for province, count in counts.items() if count}


def kept(petition) -> dict:
    rows = SignatureProvinceTotal.objects.filter(petition=petition)
    return {row.province: row.count for row in rows if row.count}


def aggregate() -> None:
    while services.aggregate_signatures():
        pass


def test_the_province_totals_equal_a_recount_after_signing_confirming_withdrawing_and_erasing(
    sign, confirm, petition
):
    sign(petition, email="somying@example.org", province="chiang-rai")
    confirm(last_token())
    sign(petition, email="pending@example.org", province="phuket")  # never confirmed: never counted
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, province="bangkok", source="bot")
    SignatureFactory.create_batch(2, petition=petition, confirmed=True, province="chiang-rai")
    aggregate()
    assert kept(petition) == recount(petition) == {"chiang-rai": 3, "bangkok": 3}

    services.invalidate_signatures(criteria=selectors.Criteria(source="bot"))
    assert selectors.public_totals(petition.pk).by_province == {
        "chiang-rai": 3
    }  # at once, before the aggregator
    aggregate()
    assert kept(petition) == recount(petition) == {"chiang-rai": 3}

    assert services.erase_signer(email="somying@example.org") == 1  # anonymised: still counted
    aggregate()
    assert kept(petition) == recount(petition) == {"chiang-rai": 3}
    assert selectors.public_totals(petition.pk).count == 3


def test_a_confirmed_paper_batch_is_in_the_province_totals_at_once_and_a_rejected_one_never(petition):
    clerk, checker = staff_user("clerk"), staff_user("checker")
    SignatureFactory(petition=petition, confirmed=True, province="chiang-rai")
    aggregate()
    services.confirm_paper_batch(batch=enter_batch(petition, clerk), user=checker)
    services.reject_paper_batch(batch=enter_batch(petition, clerk, province="phuket", count=40), user=checker)
    assert kept(petition) == recount(petition) == {"chiang-rai": 121}
    totals = selectors.read_public_totals([petition.pk])[petition.pk]
    assert (totals.count, totals.paper, totals.online) == (121, 120, 1)


def tallies_and_totals() -> tuple[set, set, set]:
    """Every non-zero tally, daily total and province total, as values."""
    return (
        set(
            SignatureTally.objects.exclude(count=0).values_list(
                "petition_id", "day", "province", "source", "locale", "count"
            )
        ),
        set(
            SignatureDailyTotal.objects.exclude(count=0).values_list(
                "petition_id", "day", "dimension", "value", "count"
            )
        ),
        set(SignatureProvinceTotal.objects.exclude(count=0).values_list("petition_id", "province", "count")),
    )


def test_the_set_based_rebuild_leaves_what_the_aggregator_leaves(petition, petition_index):
    other = PetitionPageFactory(parent=petition_index, slug="other")
    bangkok_midnight = timezone.make_aware(datetime.datetime(2026, 11, 21, 0, 30))  # 20 November in UTC
    SignatureFactory(petition=petition, confirmed=True, province="phuket", confirmed_at=bangkok_midnight)
    SignatureFactory.create_batch(
        3, petition=petition, confirmed=True, province="bangkok", source="line", locale="en"
    )
    SignatureFactory.create_batch(2, petition=other, confirmed=True, province="chiang-rai", source="bot")
    SignatureFactory(petition=other, status=SignatureStatus.QUARANTINED, province="chiang-rai")
    services.confirm_paper_batch(batch=enter_batch(petition, staff_user("clerk")), user=staff_user("checker"))
    aggregate()
    services.invalidate_signatures(criteria=selectors.Criteria(source="bot"))
    aggregate()
    services.sum_every_petition_totals()
    by_aggregator = tallies_and_totals()
    assert ("phuket", 1) in {
        (row[2], row[5]) for row in by_aggregator[0] if row[1] == bangkok_midnight.date()
    }

    SignatureTally.objects.update(count=F("count") + 7)
    SignatureProvinceTotal.objects.update(count=99)
    SignatureDailyTotal.objects.all().delete()
    services.rebuild_tallies()
    assert tallies_and_totals() == by_aggregator
    assert kept(petition) == recount(petition) == {"phuket": 1, "bangkok": 3, "chiang-rai": 120}
    assert kept(other) == recount(other) == {}


def test_the_rebuild_counts_confirmed_rows_the_aggregator_has_not_reached_and_drops_withdrawn_ones(petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True, province="bangkok", source="bot")
    aggregate()
    services.invalidate_signatures(criteria=selectors.Criteria(source="bot"))  # counted, no longer confirmed
    SignatureFactory.create_batch(4, petition=petition, confirmed=True, province="trang")  # not folded in
    services.rebuild_tallies()
    assert kept(petition) == recount(petition) == {"trang": 4}
    assert (
        not Signature.objects.uncounted().exists() and not Signature.objects.counted_but_withdrawn().exists()
    )
    assert selectors.public_totals(petition.pk).by_province == {"trang": 4}


def test_the_reconciliation_reports_drifted_province_totals_then_sums_them_again(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, province="bangkok")
    aggregate()
    SignatureProvinceTotal.objects.update(count=F("count") + 5)
    (report,) = services.reconcile_signature_counts()
    assert (report.drift, report.tally_drift) == (5, 0)
    (report,) = services.reconcile_signature_counts()
    assert (report.drift, report.tally_drift) == (0, 0)
    assert kept(petition) == {"bangkok": 3}


@pytest.mark.parametrize("petitions", [2, 50])
def test_the_api_list_reads_every_petitions_totals_in_one_query(
    petitions,
    client,
    petition,
    petition_index,
    english_home,
    monkeypatch,
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    pages = [petition] + [
        PetitionPageFactory(parent=petition_index, slug=f"petition-{n}", opens_at=petition.opens_at)
        for n in range(petitions - 1)
    ]
    english = translate(petition, "en", title="End 4 a.m. nightlife hours")
    for page in pages:
        SignatureFactory(petition=page, confirmed=True, province="bangkok")
    aggregate()
    # Not folded in yet: counted all the same.
    SignatureFactory(petition=pages[-1], confirmed=True, province="trang")
    monkeypatch.setattr(api, "API_LIST_SECONDS", 0)  # the body is built on every request
    # Cold: Wagtail's view restrictions, site and root paths, the petitions, their translations, and the totals
    # (7 on SQLite, 8 on PostgreSQL).
    with django_assert_max_num_queries(8):
        listed = client.get("/api/petitions/").json()["petitions"]
    with django_assert_num_queries(1):  # the entries are cached with the content
        assert client.get("/api/petitions/").json()["petitions"] == listed
    counts = {item["id"]: (item["signature_count"], item["provinces"]) for item in listed}
    assert len(counts) == petitions + 1
    assert counts[english.pk] == counts[petition.pk] == (1, {"bangkok": 1})
    assert counts[pages[-1].pk] == (2, {"bangkok": 1, "trang": 1})
