"""The dashboard's filters in the URL: a petition, a partner, a period or a campaign chosen, bad filters refused
with a message and a 400, and each chart's CSV download for the same filters.
"""

import datetime

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventRSVP

from .helpers import TODAY, URL


def test_choosing_a_petition_in_the_url_shows_only_its_signatures(secretariat, signed):
    children, nightlife = signed
    page = secretariat.get(URL, {"petition": nightlife.pk}).content.decode()
    assert "50 signatures confirmed from" in page
    assert "<title>Chiang Rai: 0</title>" in page
    assert "<title>Songkhla: 50</title>" in page


def test_choosing_a_partner_shows_the_signatures_that_came_through_its_link(secretariat, signed, friends):
    page = secretariat.get(URL, {"partner": friends.pk}).content.decode()
    assert "30 signatures confirmed from" in page
    assert "100% of confirmed signatures came through a partner&#x27;s link" in page
    assert "Counted for every source" in page


def test_a_shorter_period_leaves_out_older_signatures(secretariat, signed):
    since = (TODAY - datetime.timedelta(days=2)).isoformat()
    page = secretariat.get(URL, {"since": since}).content.decode()
    # 10 a row, rows on consecutive days going back: three days hold 30 + 30 + 30 of the 200.
    assert "90 signatures confirmed from" in page


def test_choosing_a_campaign_shows_the_petitions_it_carries_and_marks_its_key_date(secretariat, signed, home):
    children, _nightlife = signed
    campaign = CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home),
        title="วันยุติความรุนแรง",
        key_date=TODAY - datetime.timedelta(days=3),
        year=TODAY.year,
        body=[("petition", {"petition": children, "intro": ""})],
    )
    page = secretariat.get(URL, {"campaign": campaign.pk}).content.decode()
    assert "150 signatures confirmed from" in page
    assert "<title>วันยุติความรุนแรง (" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"since": "yesterday"}, "Enter a valid date."),
        ({"petition": "999999"}, "Select a valid choice."),
        ({"theme": "<script>"}, "Select a valid choice."),
        (
            {"since": "2025-12-10", "until": "2025-11-25"},
            "The start of the period must not be after its end.",
        ),
        ({"since": "2020-01-01", "until": "2025-01-01"}, "Choose a period of at most 1098 days."),
        ({"until": "0001-01-05"}, "Choose a date from 2000 to 2100."),
        ({"since": "9999-12-31", "until": "9999-12-31"}, "Choose a date from 2000 to 2100."),
        ({"petition": ["1", "<b>"]}, "Select a valid choice."),
        ({"partner": "999999"}, "Select a valid choice."),
        ({"campaign": "<b>"}, "Select a valid choice."),
    ],
)
def test_it_rejects_bad_filters_with_a_message_and_a_400(secretariat, signed, query, message):
    response = secretariat.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Signatures by province" not in response.content.decode()


def test_it_rejects_bad_filters_for_a_download_too(secretariat, signed):
    response = secretariat.get(URL + "csv/provinces/", {"until": "31-12-2025"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_each_chart_downloads_as_csv_with_the_same_filters(secretariat, signed):
    children, _nightlife = signed
    response = secretariat.get(URL + "csv/provinces/", {"petition": children.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffProvince,Signatures\r\n")
    assert text.splitlines()[1:] == ["Chiang Rai,120", "Bangkok,30"]


def test_a_downloaded_cell_is_never_a_formula(secretariat, signed, home):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home))
    EventRSVP.objects.create(
        campaign=campaign,
        event_block_id="e1",
        event_title='=HYPERLINK("http://evil")',
        event_date=TODAY,
        name="ก",
        people=3,
    )
    text = secretariat.get(URL + "csv/rsvps/").content.decode("utf-8")
    assert "'=HYPERLINK" in text
    assert ",3," in text


def test_an_unknown_chart_has_no_download(secretariat, signed):
    assert secretariat.get(URL + "csv/nothing/").status_code == 404
