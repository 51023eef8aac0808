"""The advocacy dashboard at /admin/advocacy/: what the Secretariat sees, filtered from the URL, as CSV, and
at the same cost in queries whatever the number of signatures.

Signatures are made as the aggregator leaves them (``SignatureTally`` rows, bulk-created), not by signing.
"""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from campaigns.models import EventRSVP
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import (
    CoSignatureStatus,
    OrganisationCoSignature,
    SignatureDailyTotal,
    SignatureStatus,
    SignatureStatusCount,
    SignatureTally,
)
from site_project import provinces
from site_project.factories import publish_translation

URL = "/admin/advocacy/"
TODAY = timezone.localdate()


def count_in(rows) -> None:
    """Store tallies as the aggregator leaves them: the rows, and their petitions' daily totals per province,
    source and language summed again from all their tallies."""
    rows = list(rows)
    SignatureTally.objects.bulk_create(rows, batch_size=1000)
    petition_ids = {row.petition_id for row in rows}
    SignatureDailyTotal.objects.filter(petition_id__in=petition_ids).delete()
    for dimension in ("province", "source", "locale"):
        sums = (
            SignatureTally.objects.filter(petition_id__in=petition_ids)
            .values("petition_id", "day", dimension)
            .annotate(n=Sum("count"))
            .order_by()
        )
        SignatureDailyTotal.objects.bulk_create(
            SignatureDailyTotal(
                petition_id=row["petition_id"],
                day=row["day"],
                dimension=dimension,
                value=row[dimension],
                count=row["n"],
            )
            for row in sums
        )


def tallies(petition, *, signatures: int, province="chiang-rai", source="", locale="th", days: int = 30):
    """``signatures`` counted signatures of ``petition`` spread over ``days`` days up to today, 10 to a row."""
    keys = itertools.cycle(range(days))
    rows, left = {}, signatures
    while left:
        day = TODAY - datetime.timedelta(days=next(keys))
        count = min(10, left)
        rows[day] = rows.get(day, 0) + count
        left -= count
    count_in(
        SignatureTally(petition=petition, day=day, province=province, source=source, locale=locale, count=n)
        for day, n in rows.items()
    )


def many_tally_rows(petition, *, signatures: int, skip: int = 0):
    """One signature a row, on as many distinct (day, province, source, language) keys as it takes, in the
    last 30 days; ``skip`` leaves out the keys an earlier call used."""
    codes = [province.code for province in provinces.PROVINCES]
    keys = itertools.product(range(30), codes, ["", "friends", "line", "facebook"], ["th", "en", "my", "km"])
    keys = itertools.islice(keys, skip, None)
    count_in(
        SignatureTally(
            petition=petition,
            day=TODAY - datetime.timedelta(days=day),
            province=province,
            source=source,
            locale=locale,
            count=1,
        )
        for (day, province, source, locale), _n in zip(keys, range(signatures), strict=False)
    )


@pytest.fixture
def petitions(home):
    index = PetitionIndexPageFactory(parent=home)
    return (
        PetitionPageFactory(parent=index, title="ยุติความรุนแรงต่อเด็ก", slug="children"),
        PetitionPageFactory(parent=index, title="ปิดสถานบันเทิงเที่ยงคืน", slug="nightlife"),
    )


@pytest.fixture
def friends(partner):
    """The partner organisation whose referral links carry ``?src=friends``."""
    assert partner.slug == "friends"
    return partner


@pytest.fixture
def signed(petitions, friends):
    """Children: 120 from Chiang Rai in Thai, 30 through the partner's link from Bangkok in English.
    Nightlife: 50 from Songkhla. Received: 200 confirmed, 40 waiting, 10 in quarantine."""
    children, nightlife = petitions
    tallies(children, signatures=120)
    tallies(children, signatures=30, province="bangkok", source="friends", locale="en")
    tallies(nightlife, signatures=50, province="songkhla")
    SignatureStatusCount.objects.bulk_create(
        [
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.CONFIRMED, count=150),
            SignatureStatusCount(petition=nightlife, day=TODAY, status=SignatureStatus.CONFIRMED, count=50),
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.PENDING, count=40),
            SignatureStatusCount(petition=children, day=TODAY, status=SignatureStatus.QUARANTINED, count=10),
        ]
    )
    return petitions


def reading(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def secretariat(secretariat_member, client_as):
    """A Secretariat member who reads the admin in English, so that the assertions read as the page does."""
    return client_as(reading(secretariat_member, "en"))


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


def test_the_dashboard_costs_the_same_queries_at_10_and_at_10000_signatures(secretariat, petitions, friends):
    children, nightlife = petitions
    many_tally_rows(children, signatures=10)
    secretariat.get(URL)  # the admin's own caches (site, locales) filled once
    with CaptureQueriesContext(connection) as small:
        assert "10 signatures confirmed" in secretariat.get(URL).content.decode()
    many_tally_rows(nightlife, signatures=9990)
    assert SignatureTally.objects.count() == 10000
    with CaptureQueriesContext(connection) as large:
        assert "10,000 signatures confirmed" in secretariat.get(URL).content.decode()
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
    secretariat.get(URL, query)
    with CaptureQueriesContext(connection) as small:
        secretariat.get(URL, query)
    many_tally_rows(nightlife, signatures=9990)
    many_tally_rows(children, signatures=5000, skip=10)
    with CaptureQueriesContext(connection) as large:
        secretariat.get(URL, query)
    assert len(large.captured_queries) == len(small.captured_queries)


# --- Who reaches it ---------------------------------------------------------------------------------------------
def test_a_partner_representative_reaches_no_dashboard_even_in_the_secretariat_group(
    client_as, representative, signed
):
    representative.groups.add(Group.objects.get(name="Secretariat"))
    client = client_as(representative)
    assert client.get(URL).status_code == 403
    assert client.get(URL + "csv/provinces/").status_code == 403
    assert "Advocacy at a glance" not in client.get("/admin/").content.decode()


def test_staff_outside_the_secretariat_are_refused(client_as, editor, signed):
    assert client_as(editor).get(URL).status_code == 403


def test_a_signed_out_visitor_is_sent_to_sign_in(client, signed):
    response = client.get(URL + "csv/provinces/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_secretariats_admin_home_opens_on_the_dashboard(secretariat, signed):
    page = secretariat.get("/admin/").content.decode()
    assert "Advocacy at a glance" in page
    assert "200 signatures confirmed from" in page
    assert 'href="/admin/advocacy/"' in page
    assert 'href="/admin/advocacy/csv/over-time/"' in page


def test_an_editors_admin_home_stays_as_it_was(client_as, editor, signed):
    assert "Advocacy at a glance" not in client_as(editor).get("/admin/").content.decode()


def test_the_dashboard_is_in_the_menu_for_the_secretariat_only(secretariat, client_as, editor, signed):
    assert "Advocacy dashboard" in secretariat.get("/admin/").content.decode()
    assert "Advocacy dashboard" not in client_as(editor).get("/admin/").content.decode()


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
