"""The advocacy dashboard at /admin/advocacy/: every panel the Secretariat sees, in English and in Thai, and at the
same cost in queries whatever the number of signatures.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advocacy.pushes.models import Delivery, PolicyPush, Response, Stage
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from campaigns.models import EventRSVP
from petitions.factories import DecisionMakerFactory
from petitions.identity import PAPER_SOURCE
from petitions.models import CoSignatureStatus, OrganisationCoSignature, SignatureTally
from site_project.factories import publish_translation

from .helpers import TODAY, URL, count_in, many_tally_rows, reading, tallies


def test_a_secretariat_member_sees_every_panel_with_its_summary_and_table(secretariat, signed):
    page = secretariat.get(URL).content.decode()
    for title in (
        "Signatures over time",
        "Signatures by province",
        "Signatures by source and partner",
        "Signatures by language",
        "Confirmation and quarantine",
        "RSVPs per event",
        "Co-signing organisations",
        "This year against last year",
    ):
        assert title in page
    assert "Signatures came from 3 provinces; the most from Chiang Rai (120, 60%)." in page
    assert "200 signatures confirmed from" in page
    assert "15% of confirmed signatures came through a partner&#x27;s link" in page
    assert "83% of the signatures that passed the checks were confirmed by e-mail" in page
    assert '<th scope="row">Chiang Rai</th><td class="advocacy-number">120</td>' in page
    assert 'role="img" aria-labelledby="chart-provinces-title chart-provinces-desc"' in page


def test_the_province_map_names_each_of_the_77_provinces_with_its_count(secretariat, signed):
    page = secretariat.get(URL).content.decode()
    assert page.count("<rect x=") >= 77
    assert "<title>Songkhla: 50</title>" in page
    assert "<title>Mae Hong Son: 0</title>" in page


def test_a_partners_referrals_are_shown_under_its_name(secretariat, signed):
    page = secretariat.get(URL).content.decode()
    assert "<title>มูลนิธิเพื่อนหญิง: 30</title>" in page
    assert "partner&#x27;s link (friends)" in page


def test_rsvps_and_co_signatures_are_counted_per_event_and_organisation(secretariat, signed, friends, home):
    walk = {
        "title": "เดินรณรงค์",
        "date": TODAY + datetime.timedelta(days=3),
        "province": "chiang-rai",
        "capacity": 7,
    }
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), body=[("event", walk)])
    campaign.refresh_from_db()  # the block's id is given as it is stored
    block_id = campaign.body[0].id
    for people, language in ((2, "th"), (5, "en")):
        EventRSVP.objects.create(
            campaign=campaign,
            event_block_id=block_id,
            event_title="เดินรณรงค์",
            event_date=TODAY + datetime.timedelta(days=3),
            name="ก",
            people=people,
            language=language,
        )
    OrganisationCoSignature.objects.create(
        petition=signed[0], partner=friends, status=CoSignatureStatus.APPROVED
    )
    OrganisationCoSignature.objects.create(
        petition=signed[1], partner=friends, status=CoSignatureStatus.PENDING
    )
    page = secretariat.get(URL).content.decode()
    assert "7 people said they will come to 1 events dated from" in page
    assert "; 1 are full." in page
    assert "เดินรณรงค์ (" in page and ": 7 / 7</title>" in page
    assert "1 organisations co-signed; 1 co-signatures approved, 1 awaiting approval." in page


@pytest.mark.parametrize(
    ("language", "named", "not_named"),
    [("th", "เดินรณรงค์", "Campaign walk"), ("en", "Campaign walk", "เดินรณรงค์")],
)
def test_an_event_with_replies_in_two_languages_is_one_row_named_in_the_readers_language(
    client_as, secretariat_member, signed, home, language, named, not_named
):
    day = TODAY + datetime.timedelta(days=3)
    walk = {"title": "เดินรณรงค์", "date": day, "province": "chiang-rai", "capacity": 7}
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), body=[("event", walk)])
    english = publish_translation(campaign, "en", title="25 November")
    block_id = campaign.body[0].id
    for page, title, people in (
        (campaign, "เดินรณรงค์", 2),
        (english, "Campaign walk", 5),
        (english, "Campaign walk", 1),
    ):
        EventRSVP.objects.create(
            campaign=page, event_block_id=block_id, event_title=title, event_date=day, name="ก", people=people
        )
    page = client_as(reading(secretariat_member, language)).get(URL).content.decode()
    rsvps = page.split('id="panel-rsvps"', 1)[1].split("</section>", 1)[0]
    assert f"<title>{named} (" in rsvps and ": 8 / 7</title>" in rsvps
    assert not_named not in rsvps
    assert rsvps.count('<th scope="row">') == 1


def test_the_period_is_written_day_first_in_english_and_in_the_buddhist_era_in_thai(
    client_as, secretariat_member, signed
):
    query = {"since": "2026-09-02", "until": "2026-11-30"}
    english = client_as(reading(secretariat_member, "en")).get(URL, query).content.decode()
    assert "From 2 September 2026 to 30 November 2026" in english
    assert "09/02/2026" not in english and "11/30/2026" not in english
    thai = client_as(reading(secretariat_member, "th")).get(URL, query).content.decode()
    assert "2 ก.ย. 2569" in thai and "30 พ.ย. 2569" in thai


def test_submissions_are_counted_per_form_and_week_without_the_sensitive_ones(
    secretariat, client_as, admin_user, rsvp, story
):
    rsvp(language="th")
    rsvp(name="Jane", language="en")
    page = secretariat.get(URL).content.decode()
    assert "2 submissions through 1 forms; the busiest form was" in page
    everything = client_as(reading(admin_user, "en")).get(URL).content.decode()
    assert "3 submissions through 2 forms" in everything


def pushes(count: int, *, first: int = 0) -> None:
    """``count`` policy pushes for the board, each delivered to its own target: answers due this week, overdue and
    answered, and some won."""
    stages = [Stage.AWAITING, Stage.NEGOTIATING, Stage.WON, Stage.PARTLY_WON]
    for n in range(first, first + count):
        target = DecisionMakerFactory()
        push = PolicyPush.objects.create(title=f"ข้อเรียกร้องที่ {n}", demand="ข้อเรียกร้อง", stage=stages[n % 4])
        push.targets.set([target])
        deadline = TODAY + datetime.timedelta(days=n % 7 - 50 * (n % 3))
        Delivery.objects.create(
            push=push,
            target=target,
            delivered_on=deadline - datetime.timedelta(days=30),
            what="หนังสือ",
            response_deadline=deadline,
        )
        if n % 5 == 4:
            Response.objects.create(
                push=push, target=target, received_on=TODAY, summary="รับเรื่อง", classification="referred"
            )


def test_the_dashboard_costs_the_same_queries_at_10_and_at_10000_signatures(secretariat, petitions, friends):
    children, nightlife = petitions
    many_tally_rows(children, signatures=10)
    pushes(1)
    secretariat.get(URL)  # the admin's own caches (site, locales) filled once
    with CaptureQueriesContext(connection) as small:
        assert "10 signatures confirmed" in secretariat.get(URL).content.decode()
    many_tally_rows(nightlife, signatures=9990)
    pushes(49, first=1)
    assert SignatureTally.objects.count() == 10000
    with CaptureQueriesContext(connection) as large:
        page = secretariat.get(URL).content.decode()
    assert "10,000 signatures confirmed" in page
    assert "50 policy pushes in all." in page and "overdue by 50 days" in page
    assert len(large.captured_queries) == len(small.captured_queries)
    assert not any('petitions_signature"' in query["sql"] for query in large.captured_queries)


def test_a_filtered_dashboard_costs_the_same_queries_too(secretariat, petitions, friends):
    children, nightlife = petitions
    query = {
        "partner": friends.pk,
        "petition": children.pk,
        "since": (TODAY - datetime.timedelta(days=60)).isoformat(),
    }
    many_tally_rows(children, signatures=10)
    pushes(1)
    secretariat.get(URL, query)
    with CaptureQueriesContext(connection) as small:
        secretariat.get(URL, query)
    many_tally_rows(nightlife, signatures=9990)
    many_tally_rows(children, signatures=5000, skip=10)
    pushes(49, first=1)
    with CaptureQueriesContext(connection) as large:
        secretariat.get(URL, query)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_year_over_year_chart_aligns_both_years_on_the_key_date(secretariat, petitions, home):
    children, nightlife = petitions
    theme = CampaignThemeFactory(slug="25-november")
    index = CampaignIndexPageFactory(parent=home)
    this_key = TODAY - datetime.timedelta(days=5)
    last_key = this_key.replace(year=this_key.year - 1)
    for petition, key, title in ((children, this_key, "ปีนี้"), (nightlife, last_key, "ปีที่แล้ว")):
        CampaignPageFactory(
            parent=index,
            title=title,
            theme=theme,
            year=key.year,
            key_date=key,
            body=[("petition", {"petition": petition, "intro": ""})],
        )
    count_in(
        SignatureTally(petition=petition, day=day, province="bangkok", source="", locale="th", count=n)
        for petition, day, n in (
            (children, this_key - datetime.timedelta(days=5), 7),
            (children, this_key + datetime.timedelta(days=1), 3),
            (nightlife, last_key, 4),
            (nightlife, last_key + datetime.timedelta(days=3), 2),
            (nightlife, last_key + datetime.timedelta(days=15), 100),
        )
    )
    page = secretariat.get(URL, {"theme": "25-november"}).content.decode()
    assert "By day +5 from the key date, 10 signatures this year against 6 last year." in page
    table = page.split('id="panel-year-over-year"', 1)[1]
    assert (
        '<th scope="row">5</th><td class="advocacy-number">10</td><td class="advocacy-number">6</td>' in table
    )
    # Day 15 is still to come this year: no figure, and this year's line stops at today.
    assert (
        '<th scope="row">15</th><td class="advocacy-number">–</td><td class="advocacy-number">106</td>'
        in table
    )
    svg = table.split("</svg>", 1)[0]
    assert "ปีนี้ (" in svg and "day +5: 10</title>" in svg and "day +6: " not in svg.split("ปีที่แล้ว (")[0]


def test_the_panels_read_in_thai_with_buddhist_era_dates(client_as, secretariat_member, signed):
    page = client_as(reading(secretariat_member, "th")).get(URL).content.decode()
    assert "<title>เชียงราย: 120</title>" in page
    assert f"{TODAY.day} " in page and str(TODAY.year + 543) in page


def test_paper_signatures_are_named_in_words_among_the_sources(secretariat, signed, petitions):
    children, _nightlife = petitions
    tallies(children, signatures=40, source=PAPER_SOURCE)
    page = secretariat.get(URL).content.decode()
    sources = page.split('id="panel-sources"', 1)[1]
    assert '<th scope="row">On paper (confirmed batches)</th><td class="advocacy-number">40</td>' in sources
    assert f'<th scope="row">{PAPER_SOURCE}</th>' not in sources
