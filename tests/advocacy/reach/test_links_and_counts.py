"""Referral links and QR codes in the portal, and the signatures that came through them counted at once, at a
cost that does not grow with the signatures.
"""

import html
from urllib.parse import urlsplit

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from petitions import services
from petitions.factories import (
    PetitionPageFactory,
)
from petitions.models import PetitionStatus, Signature, SignatureStatus

from ...conftest import translate
from .helpers import CONFIRM_LINK, LINK_INPUT, REACH, add_signature, count_on_reach_page, sign_from_page

# --- Done when: a signature through a partner's link shows in its count at once ---------------------------------


def test_a_signature_through_the_partners_link_shows_in_its_portal_count_as_soon_as_it_is_confirmed(
    client, client_as, rep, petition, django_capture_on_commit_callbacks
):
    portal = client_as(rep)
    link = html.unescape(LINK_INPUT.search(portal.get(REACH).content.decode()).group(1))
    assert link.endswith("/th/petitions/nightlife/?src=stop-drink-network")

    address = urlsplit(link)
    form = client.get(f"{address.path}?{address.query}").content.decode()
    assert 'name="source" value="stop-drink-network"' in form
    with django_capture_on_commit_callbacks(execute=True):
        sign_from_page(client, petition, form)
    assert count_on_reach_page(portal.get(REACH), petition) == 0  # not confirmed yet

    client.post(
        f"/th/petitions/confirm/{CONFIRM_LINK.findall(mail.outbox[-1].body)[-1]}/"
    )  # no aggregator run
    assert count_on_reach_page(portal.get(REACH), petition) == 1

    services.aggregate_signatures()  # folded into the tallies: counted once, not twice
    assert count_on_reach_page(portal.get(REACH), petition) == 1
    assert "มีรายชื่อที่ยืนยันแล้ว 1 รายชื่อ มาจากลิงก์ของคุณ" in portal.get("/th/account/").content.decode()


def test_a_signature_through_the_partners_link_shows_in_the_dashboards_source_chart_once_counted(
    client, client_as, rep, our_partner, petition, secretariat_member, django_capture_on_commit_callbacks
):
    page = client.get(f"/th/petitions/nightlife/?src={our_partner.slug}").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sign_from_page(client, petition, page)
    client.post(f"/th/petitions/confirm/{CONFIRM_LINK.findall(mail.outbox[-1].body)[-1]}/")
    services.aggregate_signatures()  # what the confirmation schedules, two seconds later
    dashboard = client_as(secretariat_member).get("/admin/advocacy/").content.decode()
    assert f"<title>{our_partner.title}: 1</title>" in dashboard
    assert f"({our_partner.slug})" in dashboard  # the note: through the partner's link


def test_the_count_adds_tallies_and_waiting_rows_and_leaves_out_other_sources_and_invalidated_rows(
    client_as, rep, petition
):
    add_signature(petition, source="stop-drink-network")
    add_signature(petition, source="stop-drink-network")
    invalidated = add_signature(petition, source="stop-drink-network")
    services.aggregate_signatures()
    # Counted, then invalidated by staff: the aggregator has not taken it out of the tallies yet.
    Signature.objects.filter(pk=invalidated.pk).update(status=SignatureStatus.INVALIDATED)
    add_signature(petition, source="stop-drink-network")  # confirmed, not folded in yet
    add_signature(petition, source="stop-drink-network", confirmed=False)  # pending
    add_signature(petition, source="line")
    assert count_on_reach_page(client_as(rep).get(REACH), petition) == 3


def test_the_reach_page_shows_a_link_and_qr_code_per_open_petition_and_upcoming_campaign(
    client_as, rep, petition, upcoming_campaign, petition_index
):
    closed = PetitionPageFactory(parent=petition_index, slug="closed", status=PetitionStatus.CLOSED)
    closed.save_revision().publish()
    response = client_as(rep).get(REACH)
    page = response.content.decode()
    assert response.status_code == 200
    assert '/th/campaigns/16-days/?src=stop-drink-network">' in page
    assert page.count('<svg role="img"') == 2  # one QR code each, closed petitions left out
    assert "/closed/" not in page
    assert "<title>คิวอาร์โค้ดสำหรับ ยกเลิกการเปิดสถานบันเทิงถึงตีสี่</title>" in page
    assert 'readonly value="' in page  # copied by hand when JavaScript is off
    assert (
        reverse("advocacy_reach:qr", kwargs={"kind": "petition", "page_id": petition.pk, "file_type": "png"})
        in page
    )


def test_the_english_page_links_with_the_same_source(client_as, rep, petition, english_home):
    translate(petition, "en", title="Stop the 4 a.m. nightlife policy")
    page = client_as(rep).get("/en/account/reach/").content.decode()
    assert "/en/petitions/nightlife/?src=stop-drink-network" in page


def test_a_qr_code_downloads_as_svg_and_png_carrying_the_partners_link(client_as, rep, petition):
    portal = client_as(rep)
    svg = portal.get(f"{REACH}qr/petition/{petition.pk}.svg")
    png = portal.get(f"{REACH}qr/petition/{petition.pk}.png")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml") and b"<svg" in svg.content
    assert "attachment" in svg["Content-Disposition"]
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")


# --- Cost ----------------------------------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_reach_page_makes_as_many_queries_for_one_signature_as_for_many(
    client_as, rep, petition, upcoming_campaign, our_partner
):
    portal = client_as(rep)
    add_signature(petition, source="stop-drink-network", consent_to=our_partner)
    portal.get(REACH)  # the session, the site and the locales are cached from here on
    few = _queries(portal, REACH)
    for _ in range(30):
        add_signature(petition, source="stop-drink-network", consent_to=our_partner)
    services.aggregate_signatures()
    for _ in range(10):
        add_signature(petition, source="stop-drink-network", consent_to=our_partner)
    assert _queries(portal, REACH) == few
