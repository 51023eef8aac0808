"""The dashboard's charts as functions from rows to SVG: labelled for screen readers, escaped, sorted, and
with the same figures in their table and CSV."""

import datetime
import html
import re

from django.utils import translation

from advocacy.charts import (
    Bar,
    Marker,
    Series,
    bar_chart,
    fit,
    province_map,
    text_width,
    time_series,
    year_over_year,
)
from advocacy.charts.provinces_grid import TILES
from site_project import provinces

DAY = datetime.date(2025, 11, 25)


def test_the_tile_map_places_each_of_the_77_provinces_on_a_square_of_its_own():
    assert set(TILES) == {province.code for province in provinces.PROVINCES}
    assert len(set(TILES.values())) == 77


def test_the_tile_map_names_every_province_with_its_count_and_lists_the_largest_first():
    with translation.override("en"):
        chart = province_map(
            key="provinces",
            title="By province",
            summary="Most from Chiang Rai.",
            counts={"chiang-rai": 12, "bangkok": 30, "outside-th": 2},
            value_label="Signatures",
        )
    svg = str(chart.svg)
    assert svg.count("<title") == 1 + 77  # the chart's own, and one a province
    assert "<title>Chiang Rai: 12</title>" in svg and "<title>Nan: 0</title>" in svg
    assert chart.rows == [("Bangkok", 30), ("Chiang Rai", 12), ("Outside Thailand", 2)]
    assert chart.top() == [["Bangkok", "30"], ["Chiang Rai", "12"], ["Outside Thailand", "2"]]


def test_every_chart_is_an_image_labelled_by_its_title_and_summary():
    chart = bar_chart(
        key="sources",
        title="By source",
        summary="Half came through partners.",
        bars=[Bar("line", 3)],
        label="Source",
        value_label="Signatures",
    )
    svg = str(chart.svg)
    assert svg.startswith("<svg")
    assert 'role="img" aria-labelledby="chart-sources-title chart-sources-desc"' in svg
    assert '<title id="chart-sources-title">By source</title>' in svg
    assert '<desc id="chart-sources-desc">Half came through partners.</desc>' in svg


def test_bars_run_from_the_largest_and_names_are_escaped():
    chart = bar_chart(
        key="sources",
        title="By source",
        summary="",
        bars=[Bar("small", 1), Bar("<script>alert(1)</script>", 9), Bar("middle", 5)],
        label="Source",
        value_label="Signatures",
    )
    assert [row[0] for row in chart.rows] == ["<script>alert(1)</script>", "middle", "small"]
    assert "<script>" not in str(chart.svg)
    assert "&lt;script&gt;" in str(chart.svg)


def test_a_bar_with_a_limit_shows_how_full_it_is():
    chart = bar_chart(
        key="rsvps",
        title="RSVPs",
        summary="",
        bars=[Bar("Walk", 30, limit=40)],
        label="Event",
        value_label="People",
        limit_label="Places",
    )
    assert "<title>Walk: 30 / 40</title>" in str(chart.svg)
    assert chart.table() == [["Walk", "30", "40"]]


def over_time(days, series, markers):
    return time_series(
        key="over-time", title="Over time", summary="", days=days, series=series, markers=markers
    )


def test_a_time_series_marks_the_key_dates_inside_its_period_only():
    days = [DAY + datetime.timedelta(days=n) for n in range(-3, 4)]
    with translation.override("th"):
        chart = over_time(
            days,
            [Series("Confirmed", [1, 2, 3, 4, 3, 2, 1]), Series("Waiting", [0, 1, 0, 1, 0, 1, 0])],
            [Marker(DAY, "25 November"), Marker(DAY.replace(year=2024), "Last year")],
        )
        table = chart.table()  # printed in the reader's language, as the template prints it
    svg = str(chart.svg)
    assert "<title>25 November (25 พ.ย. 2568)</title>" in svg
    assert "Last year" not in svg
    assert table[3] == ["25 พ.ย. 2568", "4", "1"]
    assert chart.csv_rows()[0] == ["วัน", "Confirmed", "Waiting"]
    assert chart.csv_rows()[4] == ["2025-11-25", 4, 1]


def test_year_over_year_aligns_both_years_on_day_zero():
    chart = year_over_year(
        key="year-over-year",
        title="This year against last",
        summary="",
        offsets=[-1, 0, 1],
        series=[Series("2025", [1, 5, 9]), Series("2024", [2, 4, 6])],
        key_date_label="Key date",
    )
    assert chart.rows == [(-1, 1, 2), (0, 5, 4), (1, 9, 6)]
    assert "<title>Key date</title>" in str(chart.svg)


def test_an_empty_chart_says_so_and_has_no_table():
    with translation.override("en"):
        chart = bar_chart(
            key="cosignatures", title="Co-signers", summary="None yet.", bars=[], label="Org", value_label="n"
        )
    assert "Nothing to show for these filters." in str(chart.svg)
    assert chart.rows == [] and chart.csv_rows() == [["Org", "n"]]


def _texts(svg: str) -> list[tuple[float, str, str]]:
    """Each text of the chart: where it is anchored, how, and what it says (unescaped)."""
    return [
        (float(x), anchor, html.unescape(content))
        for x, anchor, content in re.findall(
            r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)"[^>]*>([^<]*)</text>', svg
        )
    ]


LONG_LATIN = "Chiang Rai Children's Network for Safe Schools"
LONG_THAI = "เครือข่ายสตรีเพื่อการเปลี่ยนแปลงสังคมภาคเหนือตอนบนและผู้หญิงพิการ"


def test_a_long_bar_label_starts_inside_the_chart_and_ends_with_an_ellipsis():
    chart = bar_chart(
        key="sources",
        title="By source",
        summary="",
        bars=[Bar(LONG_LATIN, 310), Bar(LONG_THAI, 9), Bar("line", 343)],
        label="Source",
        value_label="Signatures",
    )
    svg = str(chart.svg)
    labels = [(x, content) for x, anchor, content in _texts(svg) if anchor == "end"]
    assert [content for _x, content in labels][0] == "line"
    for (x, content), full in zip(labels[1:], (LONG_LATIN, LONG_THAI), strict=True):
        assert content.endswith("…") and full.startswith(content[:-1])
        assert x - text_width(content) >= 0  # it starts inside the chart, not cut off on the left
        assert len(content) > 8  # and keeps as much of the name as fits
        assert f"<title>{html.escape(full)}: " in svg  # the whole name on the bar's group
    assert [row[0] for row in chart.table()] == ["line", LONG_LATIN, LONG_THAI]


def test_thai_vowel_and_tone_marks_take_no_width_and_stay_on_their_letter():
    assert text_width("ที่") == text_width("ท")
    assert text_width("iiii") < text_width("MMMM")
    assert fit("line", 100) == "line"
    shortened = fit("ผู้หญิงผู้หญิงผู้หญิง", text_width("ผู้หญิง") + text_width("…"))
    assert shortened == "ผู้หญิง…"


def test_the_legend_gives_each_series_a_line_of_its_own_inside_the_chart():
    titles = [
        f"25 November {year}: end violence against women and girls in every province, district and village"
        for year in (2026, 2025)
    ]
    chart = year_over_year(
        key="year-over-year",
        title="This year against last",
        summary="",
        offsets=[-1, 0, 1],
        series=[Series(titles[0], [1, 5, 9]), Series(titles[1], [2, 4, 6])],
        key_date_label="Key date",
    )
    svg = str(chart.svg)
    legend = re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>(25 November[^<]*)</text>', svg)
    assert len({y for _x, y, _content in legend}) == 2  # one above the other, not side by side
    for x, _y, content in legend:
        assert content.endswith("…") and float(x) + text_width(content) <= 640
    assert all(f"<title>{title}</title>" in svg for title in titles)


def test_a_line_stops_where_its_figures_do():
    chart = year_over_year(
        key="year-over-year",
        title="This year against last",
        summary="",
        offsets=[-1, 0, 1, 2],
        series=[Series("This year", [1, 5, None, None]), Series("Last year", [2, 4, 6, 7])],
        key_date_label="Key date",
    )
    svg = str(chart.svg)
    lines = re.findall(r'<polyline points="([^"]*)"', svg)
    assert [len(points.split()) for points in lines] == [2, 4]
    assert "This year, day +1" not in svg
    assert chart.table()[2] == ["1", "–", "6"]
    assert chart.csv_rows()[3] == [1, None, 6]


def test_a_key_date_near_the_end_is_labelled_on_the_side_with_room():
    days = [DAY + datetime.timedelta(days=n) for n in range(-30, 1)]
    with translation.override("en"):
        chart = over_time(
            days, [Series("Confirmed", [1] * 31)], [Marker(DAY, "25 November: end violence against women")]
        )
    label = next(
        (x, anchor, content)
        for x, anchor, content in _texts(str(chart.svg))
        if content.startswith("25 November")
    )
    x, anchor, content = label
    assert anchor == "end" and x - text_width(content, 11) >= 0 and x <= 640
