"""The co-sponsors' list of signers who asked for their news: an Excel-ready CSV in Bangkok time, each download
written to the data-sharing log, which staff read and cannot change.
"""

from django.urls import reverse

from advocacy.reach.models import DataSharingRecord
from petitions.tasks import unsubscribe_token

from .helpers import csv_rows, download_signers

# --- The co-sponsors' list of signers ----------------------------------------------------------------------------


def test_a_co_sponsor_downloads_its_subscribers_as_excel_ready_csv_in_bangkok_time(
    client_as, rep, petition, subscribers
):
    response = download_signers(client_as(rep), petition, language="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = csv_rows(response)
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
    download_signers(portal, petition)
    download_signers(portal, petition)
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
    assert len(csv_rows(download_signers(portal, petition))) == 3
    client.post(f"/th/petitions/unsubscribe/{unsubscribe_token(subscribers['thai'].pk)}/")
    header, *rows = csv_rows(download_signers(portal, petition))
    assert [row[1] for row in rows] == ['\'=HYPERLINK("http://evil")']
    assert DataSharingRecord.objects.order_by("-pk").first().rows == 1


def test_staff_read_the_data_sharing_log_in_the_admin_and_cannot_change_it(
    client_as, admin_user, rep, petition, subscribers
):
    download_signers(client_as(rep), petition)
    staff = client_as(admin_user)
    listing = staff.get(reverse("data_sharing_log:index"))
    assert listing.status_code == 200
    assert "เครือข่ายองค์กรงดเหล้า" in listing.content.decode()
    record = DataSharingRecord.objects.get()
    assert staff.get(reverse("data_sharing_log:inspect", args=[record.pk])).status_code == 200
    assert staff.get(reverse("data_sharing_log:add")).status_code in (302, 403)
    assert staff.post(reverse("data_sharing_log:delete", args=[record.pk])).status_code in (302, 403)
    assert DataSharingRecord.objects.count() == 1
