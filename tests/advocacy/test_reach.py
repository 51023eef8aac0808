"""Partners' reach in the portal: referral links and QR codes, the signatures that came through them, and the
co-sponsors' list of signers who asked for their news, with the data-sharing log every download writes.

Personas: ``rep`` speaks for ``our_partner`` (an active member that co-sponsors ``petition``), ``other_rep``
for ``other_partner``; ``lapsed_rep`` for an organisation whose membership lapsed; ``outsider`` is signed in
with no organisation.
"""

import csv
import datetime
import html
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from advocacy.reach.models import DataSharingRecord
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory, RepresentativeFactory, UserFactory
from partners.models import PartnerPage
from petitions import services
from petitions.factories import (
    DecisionMakerFactory,
    PetitionIndexPageFactory,
    PetitionPageFactory,
    SignatureFactory,
)
from petitions.models import PetitionStatus, Signature, SignatureStatus, UpdatesConsent
from petitions.tasks import unsubscribe_token
from site_project.models import SiteSettings

from ..conftest import translate

REACH = "/th/account/reach/"
CONFIRM_LINK = re.compile(r"/petitions/confirm/([A-Za-z0-9_-]+)/")
LINK_INPUT = re.compile(r'<input id="reach-link-petition-\d+" type="text" readonly value="([^"]+)">')
BOM = "\ufeff"


@pytest.fixture(autouse=True)
def no_minimum_time(settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []


@pytest.fixture
def directory(home):
    return PartnerIndexPageFactory(parent=home, slug="partners")


def _partner(directory, title: str, slug: str, membership=PartnerPage.Membership.ACTIVE) -> PartnerPage:
    return PartnerPageFactory(parent=directory, title=title, slug=slug, membership_status=membership)


def _rep(partner: PartnerPage, username: str):
    return RepresentativeFactory(partner=partner, user=UserFactory(username=username)).user


@pytest.fixture
def our_partner(directory):
    return _partner(directory, "เครือข่ายองค์กรงดเหล้า", "stop-drink-network")


@pytest.fixture
def other_partner(directory):
    return _partner(directory, "มูลนิธิบี", "foundation-b")


@pytest.fixture
def rep(our_partner):
    return _rep(our_partner, "rep@example.org")


@pytest.fixture
def other_rep(other_partner):
    return _rep(other_partner, "other-rep@example.org")


@pytest.fixture
def lapsed_rep(directory):
    lapsed = _partner(directory, "มูลนิธิซี", "foundation-c", membership=PartnerPage.Membership.LAPSED)
    return _rep(lapsed, "lapsed-rep@example.org")


@pytest.fixture
def petition_index(home):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return PetitionIndexPageFactory(parent=home, slug="petitions")


@pytest.fixture
def petition(petition_index, our_partner):
    """An open petition ``our_partner`` co-sponsors."""
    page = PetitionPageFactory(parent=petition_index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.targets.set([DecisionMakerFactory()])
    page.co_sponsors.set([our_partner])
    page.save_revision().publish()
    return page


@pytest.fixture
def upcoming_campaign(home):
    today = timezone.localdate()
    page = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home, slug="campaigns"),
        title="16 วันรณรงค์ยุติความรุนแรง",
        slug="16-days",
        start_date=today + datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=20),
    )
    page.save_revision().publish()
    return page


def _signature(petition, *, source="", consent_to=None, withdrawn=False, confirmed=True, **fields):
    signature = SignatureFactory(petition=petition, source=source, confirmed=confirmed, **fields)
    if consent_to is not None:
        UpdatesConsent.objects.create(
            signature=signature,
            partner=consent_to,
            notice_version=fields.get("consent_notice_version", "2026-03"),
            consented_at=fields.get("consented_at", signature.consented_at),
            withdrawn_at=timezone.now() if withdrawn else None,
        )
    return signature


def _count_on_reach_page(response, petition) -> int:
    found = re.search(
        rf'id="reach-petition-{petition.pk}">.*?<strong>(\d+)</strong>', response.content.decode(), re.S
    )
    assert found, "the petition's count is on the page"
    return int(found.group(1))


def _download(client, petition, language: str = "th"):
    return client.post(f"/{language}/account/reach/subscribers/{petition.pk}/")


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:])))


# --- Done when: a signature through a partner's link shows in its count at once ---------------------------------


def test_a_signature_through_the_partners_link_shows_in_its_portal_count_as_soon_as_it_is_confirmed(
    client, client_as, rep, petition, django_capture_on_commit_callbacks
):
    portal = client_as(rep)
    link = html.unescape(LINK_INPUT.search(portal.get(REACH).content.decode()).group(1))
    assert link.endswith("/th/petitions/nightlife/?src=stop-drink-network")

    address = urlsplit(link)
    page = client.get(f"{address.path}?{address.query}")
    form = page.content.decode()
    source = re.search(r'name="source" value="([^"]*)"', form).group(1)
    token = re.search(r'name="form_token" value="([^"]*)"', form).group(1)
    assert source == "stop-drink-network"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/th/petitions/sign/{petition.pk}/",
            {
                "name": "สมหญิง ใจดี",
                "email": "somying@example.org",
                "province": "chiang-rai",
                "consent": "on",
                "source": source,
                "form_token": token,
            },
        )
    assert _count_on_reach_page(portal.get(REACH), petition) == 0  # not confirmed yet

    client.post(
        f"/th/petitions/confirm/{CONFIRM_LINK.findall(mail.outbox[-1].body)[-1]}/"
    )  # no aggregator run
    assert _count_on_reach_page(portal.get(REACH), petition) == 1

    services.aggregate_signatures()  # folded into the tallies: counted once, not twice
    assert _count_on_reach_page(portal.get(REACH), petition) == 1
    assert "มีรายชื่อที่ยืนยันแล้ว 1 รายชื่อ มาจากลิงก์ของคุณ" in portal.get("/th/account/").content.decode()


def test_the_count_adds_tallies_and_waiting_rows_and_leaves_out_other_sources_and_invalidated_rows(
    client_as, rep, petition
):
    _signature(petition, source="stop-drink-network")
    _signature(petition, source="stop-drink-network")
    invalidated = _signature(petition, source="stop-drink-network")
    services.aggregate_signatures()
    # Counted, then invalidated by staff: the aggregator has not taken it out of the tallies yet.
    Signature.objects.filter(pk=invalidated.pk).update(status=SignatureStatus.INVALIDATED)
    _signature(petition, source="stop-drink-network")  # confirmed, not folded in yet
    _signature(petition, source="stop-drink-network", confirmed=False)  # pending
    _signature(petition, source="line")
    assert _count_on_reach_page(client_as(rep).get(REACH), petition) == 3


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


# --- The co-sponsors' list of signers ----------------------------------------------------------------------------


@pytest.fixture
def subscribers(petition, our_partner, other_partner):
    """Who asked for our partner's news on the petition, and who did not."""
    at = datetime.datetime(2026, 11, 29, 17, 30, tzinfo=datetime.UTC)  # 30 November, 00:30 in Bangkok
    return {
        "thai": _signature(
            petition, consent_to=our_partner, name="สมหญิง ใจดี", province="chiang-rai", consented_at=at
        ),
        "formula": _signature(
            petition, consent_to=our_partner, name='=HYPERLINK("http://evil")', consented_at=at, locale="en"
        ),
        "withdrawn": _signature(petition, consent_to=our_partner, name="ถอนแล้ว", withdrawn=True),
        "pending": _signature(petition, consent_to=our_partner, name="ยังไม่ยืนยัน", confirmed=False),
        "other partner": _signature(petition, consent_to=other_partner, name="ของคนอื่น"),
        "organiser only": _signature(petition, consent_to=None, name="ผู้จัดเท่านั้น"),
    }


def test_a_co_sponsor_downloads_its_subscribers_as_excel_ready_csv_in_bangkok_time(
    client_as, rep, petition, subscribers
):
    response = _download(client_as(rep), petition, language="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = _csv_rows(response)
    assert header == [
        "Number",
        "Name",
        "E-mail",
        "Province",
        "Language",
        "Consented at (Bangkok time)",
        "Privacy notice version",
    ]
    assert [row[1] for row in rows] == ["สมหญิง ใจดี", '\'=HYPERLINK("http://evil")']
    thai = rows[0]
    assert thai[2] == subscribers["thai"].email
    assert thai[3] == "Chiang Rai"
    assert thai[5] == "2026-11-30 00:30"
    assert thai[6] == "2026-03"
    assert "ถอนแล้ว" not in response.content.decode()
    assert "ยังไม่ยืนยัน" not in response.content.decode()
    assert "ของคนอื่น" not in response.content.decode()


def test_every_download_is_recorded_in_the_data_sharing_log(
    client_as, rep, petition, subscribers, our_partner
):
    portal = client_as(rep)
    _download(portal, petition)
    _download(portal, petition)
    records = list(DataSharingRecord.objects.order_by("pk"))
    assert len(records) == 2
    record = records[0]
    assert (record.user, record.partner_id, record.petition_id, record.rows) == (
        rep,
        our_partner.pk,
        petition.pk,
        2,
    )
    assert record.user_label == "rep@example.org"
    assert record.partner_name == "เครือข่ายองค์กรงดเหล้า"
    assert record.petition_title == petition.title


def test_a_signer_who_unsubscribes_is_left_out_of_the_very_next_download(
    client, client_as, rep, petition, subscribers
):
    portal = client_as(rep)
    assert len(_csv_rows(_download(portal, petition))) == 3
    client.post(f"/th/petitions/unsubscribe/{unsubscribe_token(subscribers['thai'].pk)}/")
    header, *rows = _csv_rows(_download(portal, petition))
    assert [row[1] for row in rows] == ['\'=HYPERLINK("http://evil")']
    assert DataSharingRecord.objects.order_by("-pk").first().rows == 1


def test_staff_read_the_data_sharing_log_in_the_admin_and_cannot_change_it(
    client_as, admin_user, rep, petition, subscribers
):
    _download(client_as(rep), petition)
    staff = client_as(admin_user)
    listing = staff.get(reverse("data_sharing_log:index"))
    assert listing.status_code == 200
    assert "เครือข่ายองค์กรงดเหล้า" in listing.content.decode()
    record = DataSharingRecord.objects.get()
    assert staff.get(reverse("data_sharing_log:inspect", args=[record.pk])).status_code == 200
    assert staff.get(reverse("data_sharing_log:add")).status_code in (302, 403)
    assert staff.post(reverse("data_sharing_log:delete", args=[record.pk])).status_code in (302, 403)
    assert DataSharingRecord.objects.count() == 1


# --- Refusals ----------------------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, petition, subscribers):
    for response in (
        client.get(REACH),
        _download(client, petition),
        client.get(f"{REACH}qr/petition/{petition.pk}.svg"),
    ):
        assert response.status_code == 302
        assert "/th/account/login/" in response["Location"]
    assert not DataSharingRecord.objects.exists()


def test_a_signed_in_person_with_no_organisation_is_refused(client_as, outsider, petition):
    assert client_as(outsider).get(REACH).status_code == 403


def test_another_partner_cannot_download_the_co_sponsors_signers(client_as, other_rep, petition, subscribers):
    response = _download(client_as(other_rep), petition)
    assert response.status_code == 404
    assert "สมหญิง" not in response.content.decode()
    assert not DataSharingRecord.objects.exists()


def test_another_partner_sees_only_its_own_reach(client_as, other_rep, petition):
    _signature(petition, source="stop-drink-network")
    page = client_as(other_rep).get(REACH).content.decode()
    assert "?src=foundation-b" in page
    assert "stop-drink-network" not in page
    assert _count_on_reach_page(client_as(other_rep).get(REACH), petition) == 0
    assert "Signers who asked for your news" not in page and "reach-subscribers" not in page


def test_crafted_ids_and_file_types_are_not_found(client_as, rep, petition, petition_index, home):
    closed = PetitionPageFactory(parent=petition_index, slug="closed", status=PetitionStatus.CLOSED)
    closed.save_revision().publish()
    portal = client_as(rep)
    assert portal.get(f"{REACH}qr/petition/{closed.pk}.svg").status_code == 404
    assert portal.get(f"{REACH}qr/campaign/{petition.pk}.svg").status_code == 404
    assert portal.get(f"{REACH}qr/petition/{home.pk}.png").status_code == 404
    assert portal.get(f"{REACH}qr/petition/{petition.pk}.exe").status_code == 404
    assert portal.get(f"{REACH}qr/page/{petition.pk}.svg").status_code == 404
    assert _download(portal, closed).status_code == 404
    assert (
        portal.get(reverse("advocacy_reach:subscribers", kwargs={"petition_id": petition.pk})).status_code
        == 405
    )


def test_a_lapsed_member_still_sees_its_reach(client_as, lapsed_rep, petition):
    _signature(petition, source="foundation-c")
    response = client_as(lapsed_rep).get(REACH)
    assert response.status_code == 200
    assert _count_on_reach_page(response, petition) == 1


# --- Cost ----------------------------------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_reach_page_makes_as_many_queries_for_one_signature_as_for_many(
    client_as, rep, petition, upcoming_campaign, our_partner
):
    portal = client_as(rep)
    _signature(petition, source="stop-drink-network", consent_to=our_partner)
    portal.get(REACH)  # the session, the site and the locales are cached from here on
    few = _queries(portal, REACH)
    for _ in range(30):
        _signature(petition, source="stop-drink-network", consent_to=our_partner)
    services.aggregate_signatures()
    for _ in range(10):
        _signature(petition, source="stop-drink-network", consent_to=our_partner)
    assert _queries(portal, REACH) == few
