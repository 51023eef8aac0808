"""The search page: Thai without spaces between words, English inflections, Khmer, Burmese, ranked by the database.

The same tests run on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``).
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from site_project.factories import locale

from ...conftest import translate
from .conftest import publish, result_slugs


def test_a_thai_word_is_found_inside_unspaced_text_and_ranked_above_a_chance_match(client, campaign_index):
    # ความรุนแรงต่อสตรี: "violence against women"; the word ความรุนแรง begins the phrase.
    publish(campaign_index, slug="violence", title="วันยุติ", intro="ความรุนแรงต่อสตรีเป็นปัญหาที่ต้องแก้ร่วมกัน")
    # ข้อความรุนแรงเกินไป: "the message is too harsh". The letters ความรุนแรง appear only by chance: ความ is the
    # end of ข้อความ ("message") and รุนแรง ("harsh") is the next word, so the page is not about violence.
    publish(campaign_index, slug="chance", title="สื่อสำหรับเด็ก", intro="ข้อความรุนแรงเกินไปสำหรับเด็กเล็ก")
    publish(campaign_index, slug="unrelated", title="สงกรานต์", intro="เล่นน้ำอย่างปลอดภัย")
    assert result_slugs(client, "/th/search/?q=ความรุนแรง") == ["violence"]
    assert set(result_slugs(client, "/th/search/?q=รุนแรง")) == {"chance", "violence"}


def test_thai_typed_with_two_sara_e_for_sara_ae_finds_the_same_pages(client, campaign_index):
    publish(campaign_index, slug="violence", title="วันยุติ", intro="ยุติความรุนแรงในครอบครัว")
    assert result_slugs(client, "/th/search/?q=ความรุนเเรง") == ["violence"]


def test_a_thai_phrase_finds_the_same_phrase_with_a_word_between(client, campaign_index):
    # การถูกคุกคามทางเพศ: "being sexually harassed"; the query leaves out ถูก ("being").
    publish(campaign_index, slug="harassed", title="เสียงของฉัน", intro="ประสบการณ์การถูกคุกคามทางเพศในเทศกาล")
    publish(campaign_index, slug="scattered", title="การเดินทาง", intro="คุกคามไม่ได้ การศึกษาทางไกล ยุติเพศ")
    assert result_slugs(client, "/th/search/?q=การคุกคามทางเพศ") == ["harassed"]


def test_a_title_match_ranks_first(client, campaign_index):
    publish(campaign_index, slug="body-only", title="แคมเปญ", intro="หยุดการค้ามนุษย์ หยุดการค้ามนุษย์")
    publish(campaign_index, slug="in-title", title="หยุดการค้ามนุษย์", intro="วันที่ 30 กรกฎาคม")
    assert result_slugs(client, "/th/search/?q=การค้ามนุษย์")[0] == "in-title"


def test_every_word_of_the_query_must_match(client, campaign_index):
    publish(campaign_index, slug="both", title="สงกรานต์", intro="ยุติการคุกคามทางเพศในสงกรานต์")
    publish(campaign_index, slug="one", title="วันแม่", intro="ยุติความรุนแรงในครอบครัว")
    assert result_slugs(client, "/th/search/?q=ยุติ สงกรานต์") == ["both"]


def test_an_english_word_finds_its_plural_and_the_plural_finds_the_word(client, campaign_index, english_home):
    translate(campaign_index, "en", title="Campaigns")
    thai = publish(campaign_index, slug="petitions-page", title="แคมเปญ", intro="ลงชื่อ")
    translate(thai, "en", title="Sign up", intro="Our petitions to the ministry")
    other = publish(campaign_index, slug="story-page", title="เรื่อง", intro="เรื่อง")
    translate(other, "en", title="Voices", intro="The story of one petition and many stories")
    assert set(result_slugs(client, "/en/search/?q=petition")) == {"petitions-page", "story-page"}
    assert set(result_slugs(client, "/en/search/?q=petitions")) == {"petitions-page", "story-page"}
    assert result_slugs(client, "/en/search/?q=STORIES") == ["story-page"]


def test_an_irregular_plural_finds_the_singular_and_back(client, campaign_index, english_home):
    translate(campaign_index, "en", title="Campaigns")
    women = translate(publish(campaign_index, slug="women"), "en", title="Safe streets", intro="For women")
    child = translate(publish(campaign_index, slug="child"), "en", title="Schools", intro="Every child safe")
    assert result_slugs(client, "/en/search/?q=woman") == [women.slug]
    assert result_slugs(client, "/en/search/?q=children") == [child.slug]


def test_a_page_is_found_by_the_name_of_its_kind_in_each_language(
    client, campaign_index, petition, english_home
):
    publish(campaign_index, slug="songkran", title="สงกรานต์ปลอดภัย", intro="เล่นน้ำอย่างปลอดภัย")
    assert result_slugs(client, "/th/search/?q=คำร้อง") == ["nightlife"]
    assert "songkran" in result_slugs(client, "/th/search/?q=แคมเปญ")
    translate(petition.get_parent(), "en", title="Petitions")
    translate(petition, "en", title="Drop the 4 a.m. nightlife hours")
    assert result_slugs(client, "/en/search/?q=petitions") == ["nightlife"]


def test_search_is_per_language(client, campaign_index, english_home):
    publish(campaign_index, slug="thai-only", title="สงกรานต์ปลอดภัย", intro="สงกรานต์")
    translate(campaign_index, "en", title="Campaigns")
    assert result_slugs(client, "/en/search/?q=สงกรานต์") == []


def test_khmer_and_burmese_words_are_found_inside_unspaced_text(client, campaign_index):
    khmer_index = translate(campaign_index, "km", title="យុទ្ធនាការ")
    burmese_index = translate(campaign_index, "my", title="လှုပ်ရှားမှု")
    publish(khmer_index, slug="km-page", locale=locale("km"), title="ថ្ងៃទី២៥", intro="បញ្ចប់អំពើហិង្សាលើស្ត្រី")
    publish(
        burmese_index, slug="my-page", locale=locale("my"), title="နိုဝင်ဘာ", intro="အမျိုးသမီးများအပေါ်အကြမ်းဖက်မှု"
    )
    assert result_slugs(client, "/km/search/?q=អំពើហិង្សា") == ["km-page"]
    assert result_slugs(client, "/my/search/?q=အကြမ်းဖက်") == ["my-page"]


def test_burmese_typed_in_zawgyi_finds_unicode_pages_and_the_other_way_round(client, campaign_index):
    burmese_index = translate(campaign_index, "my", title="လှုပ်ရှားမှု")
    publish(
        burmese_index, slug="unicode", locale=locale("my"), title="နိုဝင်ဘာ", intro="အမျိုးသမီးများအပေါ်အကြမ်းဖက်မှု"
    )
    publish(burmese_index, slug="zawgyi", locale=locale("my"), title="ဒီဇင်ဘာ", intro="ေႏွာင့္ယွက္မႈ ရပ္တန္႔ေရး")
    assert result_slugs(client, "/my/search/?q=အၾကမ္းဖက္") == ["unicode"]  # အကြမ်းဖက် typed in Zawgyi
    assert result_slugs(client, "/my/search/?q=နှောင့်ယှက်မှု") == ["zawgyi"]


def test_unpublished_pages_are_not_found(client, campaign_index):
    page = publish(campaign_index, slug="gone", title="สงกรานต์", intro="สงกรานต์")
    page.unpublish()
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == []


def test_pages_under_a_view_restriction_are_not_found(client, campaign_index):
    publish(campaign_index, slug="members-only", title="สงกรานต์", intro="สงกรานต์")
    PageViewRestriction.objects.create(page=campaign_index, restriction_type="password", password="x")
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == []


def test_petitions_are_found_too(client, petition):
    assert result_slugs(client, "/th/search/?q=สถานบันเทิง") == ["nightlife"]


def test_each_result_shows_its_words_marked_in_an_escaped_snippet(client, campaign_index):
    publish(campaign_index, slug="p", title="วันยุติ", intro='ด่วน "ยุติ" ความรุนแรงต่อสตรี < 5 & เด็ก')
    html = client.get("/th/search/?q=ความรุนแรง").content.decode()
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html).group(1)
    assert snippet == "ด่วน &quot;ยุติ&quot; <mark>ความรุนแรง</mark>ต่อสตรี &lt; 5 &amp; เด็ก"


def test_results_come_twenty_to_a_page(client, campaign_index):
    for number in range(23):
        publish(campaign_index, slug=f"p{number}", title=f"สงกรานต์ {number}", intro="เล่นน้ำ")
    first = client.get("/th/search/?q=สงกรานต์")
    second = client.get("/th/search/?q=สงกรานต์&page=2")
    assert first.context["result_count"] == 23
    assert len(first.context["page_obj"].object_list) == 20
    assert len(second.context["page_obj"].object_list) == 3
    slugs = {r.page.slug for r in first.context["page_obj"]} | {
        r.page.slug for r in second.context["page_obj"]
    }
    assert len(slugs) == 23


def test_the_search_page_runs_the_same_number_of_queries_for_five_and_for_twenty_results(
    client, campaign_index, django_assert_max_num_queries
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/th/search/?q=สงกรานต์").status_code == 200
        return len(captured)

    for number in range(5):
        publish(campaign_index, slug=f"a{number}", title=f"สงกรานต์ {number}", intro="เล่นน้ำ")
    client.get("/th/search/?q=สงกรานต์")  # the site's root paths and the chrome, cached after the first read
    with_five = queries()
    for number in range(15):
        publish(campaign_index, slug=f"b{number}", title=f"สงกรานต์ {number}", intro="เล่นน้ำ")
    client.get("/th/search/?q=สงกรานต์")  # a publish changed the content version: the memo is read again once
    assert queries() == with_five
    with django_assert_max_num_queries(8):
        client.get("/th/search/?q=สงกรานต์")


def test_an_empty_query_shows_the_form(client, campaign_index):
    for url in ("/th/search/", "/th/search/?q=", "/th/search/?q=+++"):
        response = client.get(url)
        assert response.status_code == 200
        assert '<input type="search" name="q"' in response.content.decode()


def test_an_overlong_query_is_refused_with_a_message_in_the_readers_language(client, campaign_index):
    response = client.get("/th/search/?q=" + "ก" * 500)
    assert response.status_code == 400
    assert "200" in response.content.decode() and 'role="alert"' in response.content.decode()
    english = client.get("/en/search/?q=" + "a" * 500)
    assert english.status_code == 400
    assert "Ensure this value has at most 200 characters" in english.content.decode()


def test_query_syntax_of_either_database_is_read_as_plain_words(client, campaign_index):
    publish(campaign_index, slug="p", title="สงกรานต์", intro="NEAR AND OR NOT stars")
    for query in ['"', "NEAR(a b, 1)", "a*", "OR", "-x", "a & b | !c", "'", "\\", ":*", "(", "สงกรานต์)"]:
        response = client.get("/th/search/", {"q": query})
        assert response.status_code == 200, query
    assert result_slugs(client, "/th/search/?q=stars*") == ["p"]


def test_the_search_page_works_without_javascript_and_is_not_indexed_by_search_engines(
    client, campaign_index
):
    publish(campaign_index, slug="p", title="สงกรานต์", intro="สงกรานต์")
    html = client.get("/th/search/?q=สงกรานต์").content.decode()
    assert '<form class="search-form" method="get" role="search" action="/th/search/">' in html
    assert 'href="/th/campaigns/p/"' in html
    assert '<meta name="robots" content="noindex">' in html
