"""The public JSON API and the embeddable widget for partner websites."""

import gzip
import json

from petitions.factories import SignatureFactory

API_FIELDS = {
    "id",
    "title",
    "url",
    "locale",
    "status",
    "signature_count",
    "online_count",
    "paper_count",
    "goal",
    "opens_at",
    "closes_at",
    "updated_at",
    "provinces",
}


def test_the_api_lists_open_petitions_with_counts_and_no_personal_data(client, petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True, province="chiang-rai", name="ลับ")
    response = client.get("/api/petitions/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    (item,) = response.json()["petitions"]
    assert set(item) == API_FIELDS
    assert item["signature_count"] == 2
    assert item["provinces"] == {"chiang-rai": 2}
    assert item["locale"] == "th"
    assert "ลับ" not in response.content.decode() and "@" not in response.content.decode()


def test_the_api_list_is_sent_gzipped_as_it_was_kept_and_a_shared_cache_may_hold_it(client, petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True, province="chiang-rai")
    plain = client.get("/api/petitions/")
    zipped = client.get("/api/petitions/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in zipped["Vary"]
    assert "s-maxage=2" in zipped["Cache-Control"]
    assert json.loads(plain.content)["petitions"][0]["provinces"] == {"chiang-rai": 3}


def test_the_api_describes_one_petition(client, petition):
    response = client.get(f"/api/petitions/{petition.pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == petition.pk
    assert response.json()["url"].endswith("/th/petitions/nightlife/")


def test_the_embed_can_be_framed_by_any_site_and_loads_no_third_party_code(client, petition):
    response = client.get(f"/embed/petitions/{petition.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert 'name="email"' in html and f'action="/embed/petitions/{petition.pk}/sign/"' in html
    assert "<script" not in html and "site-header" not in html


def test_the_embed_signs_without_a_csrf_cookie_but_needs_its_form_token(petition):
    from django.test import Client

    from petitions.models import QuarantineReason, Signature, SignatureStatus

    from .conftest import sign_data

    third_party = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    response = third_party.post(f"/embed/petitions/{petition.pk}/sign/", sign_data(petition))
    assert response.status_code == 302
    assert response["Location"] == f"/embed/petitions/{petition.pk}/thanks/"
    assert Signature.objects.get().status == SignatureStatus.PENDING

    forged = third_party.post(
        f"/embed/petitions/{petition.pk}/sign/", sign_data(petition, email="x@example.org", form_token="")
    )
    assert forged.status_code == 302
    assert Signature.objects.get(email="x@example.org").quarantine_reason == QuarantineReason.NO_FORM_TOKEN


def test_an_unknown_petition_in_the_api_or_an_embed_is_not_found_at_once(client, petition):
    for path in ("/api/petitions/999999/", "/embed/petitions/999999/"):
        assert client.get(path).status_code == 404


def test_the_json_api_is_compressed_for_clients_that_ask(client, petition):
    import gzip
    import json

    response = client.get("/api/petitions/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["petitions"][0]["id"] == petition.pk
