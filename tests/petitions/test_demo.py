"""The demo content: the two seed petitions in Thai and English, with signatures counted right."""

import io

from django.core.management import call_command

from petitions import selectors
from petitions.models import PetitionPage, Signature, SignatureTally


def test_the_demo_has_both_seed_petitions_in_thai_and_english_with_counted_signatures(demo, client):
    thai = PetitionPage.objects.get(slug="nightlife-4am", locale__language_code="th")
    english = PetitionPage.objects.get(slug="nightlife-4am", locale__language_code="en")
    assert english.title == "Drop the 4 a.m. nightlife hours"
    assert thai.targets.exists() and thai.updates.exists()
    assert Signature.objects.count() > 3000
    assert not Signature.objects.uncounted().exists()
    confirmed = Signature.objects.confirmed().filter(petition=thai).count()
    assert selectors.public_count(english.pk) == confirmed
    assert sum(SignatureTally.objects.filter(petition=thai).values_list("count", flat=True)) == confirmed
    assert len(selectors.totals_by(thai.pk, "province")) > 50

    assert client.get("/th/petitions/nightlife-4am/").status_code == 200
    assert client.get("/en/petitions/nightlife-4am/").status_code == 200
    assert client.get("/en/petitions/").status_code == 200
    api = client.get("/api/petitions/").json()["petitions"]
    assert {item["locale"] for item in api} >= {"th", "en"}
    assert client.get(f"/embed/petitions/{thai.pk}/").status_code == 200


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (Signature.objects.count(), PetitionPage.objects.count())
    call_command("load_demo_data", stdout=io.StringIO())
    assert (Signature.objects.count(), PetitionPage.objects.count()) == before
    out = io.StringIO()
    call_command("reconcile_signature_counts", stdout=out)
    assert "No drift" in out.getvalue()
