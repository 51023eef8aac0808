"""One date toolkit: Thai readers count in the Buddhist Era with Thai month names, in pages, e-mails and the
admin's lists; everyone else in the Common Era."""

import datetime

import pytest
from django.utils import timezone, translation

from site_project.dates import buddhist_year, display_date, display_datetime, display_year
from site_project.templatetags.site_tags import thai_date


@pytest.mark.parametrize("show", [display_date, thai_date], ids=["display_date", "the thai_date filter"])
@pytest.mark.parametrize(
    ("language", "day", "style", "expected"),
    [
        ("th", datetime.date(2025, 11, 25), "long", "25 พฤศจิกายน 2568"),
        ("th", datetime.date(2025, 11, 25), "short", "25 พ.ย. 2568"),
        ("th", datetime.date(2026, 1, 2), "short", "2 ม.ค. 2569"),
        ("en", datetime.date(2025, 11, 25), "long", "25 November 2025"),
    ],
)
def test_a_thai_reader_sees_the_buddhist_era_with_thai_month_names_and_an_english_reader_the_common_era(
    show, language, day, style, expected
):
    with translation.override(language):
        assert show(day, style) == expected


def test_a_language_can_be_asked_for_whatever_language_is_active():
    with translation.override("en"):
        assert display_date(datetime.date(2025, 11, 25), language="th") == "25 พฤศจิกายน 2568"
        assert display_year(2025, language="th") == "2568"


def test_a_moment_is_shown_on_the_clock_of_thailand_with_the_hour():
    moment = datetime.datetime(2025, 11, 25, 7, 5, tzinfo=datetime.UTC)  # 14:05 in Bangkok
    with translation.override("th"), timezone.override("Asia/Bangkok"):
        assert display_datetime(moment) == "25 พฤศจิกายน 2568 เวลา 14:05 น."
        assert display_date(moment) == "25 พฤศจิกายน 2568"
    with translation.override("en"), timezone.override("Asia/Bangkok"):
        assert display_datetime(moment) == "25 November 2025, 14:05"


def test_the_filter_shows_an_aware_moment_on_its_day_in_bangkok_without_being_told():
    late_evening_utc = datetime.datetime(2025, 11, 24, 18, 30, tzinfo=datetime.UTC)
    with translation.override("th"):
        assert thai_date(late_evening_utc) == "25 พฤศจิกายน 2568"


def test_the_day_of_a_late_evening_is_the_day_in_thailand():
    moment = datetime.datetime(2025, 12, 31, 18, 30, tzinfo=datetime.UTC)  # 1:30 on New Year's Day in Bangkok
    with translation.override("th"), timezone.override("Asia/Bangkok"):
        assert display_date(moment) == "1 มกราคม 2569"


def test_a_year_is_counted_in_the_buddhist_era_only_for_thai_readers():
    assert buddhist_year(2025) == 2568
    with translation.override("th"):
        assert display_year(2025) == "2568"
    for language in ("en", "km", "my"):
        with translation.override(language):
            assert display_year(2025) == "2025"


def test_nothing_is_printed_for_no_date():
    with translation.override("th"):
        assert display_date(None) == ""
        assert display_datetime("") == ""
        assert display_year(None) == ""
    assert thai_date(None) == ""
