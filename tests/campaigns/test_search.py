"""Site search that understands Thai (no spaces between words), English inflections, Khmer and Burmese.

The same tests run on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``).
"""

from campaigns.factories import CampaignPageFactory
from site_project.factories import locale

from ..conftest import translate


def publish(index, **fields):
    page = CampaignPageFactory(parent=index, **fields)
    page.save_revision().publish()
    return page


def result_slugs(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [page.slug for page in (result.page for result in response.context["page_obj"].object_list)]


def test_a_thai_word_is_found_inside_unspaced_text_and_ranked_above_a_chance_match(client, campaign_index):
    # ความรุนแรงต่อสตรี: "violence against women"; the word ความรุนแรง begins the phrase.
    publish(campaign_index, slug="violence", title="วันยุติ", intro="ความรุนแรงต่อสตรีเป็นปัญหาที่ต้องแก้ร่วมกัน")
    # ข้อความรุนแรงเกินไป: "the message is too harsh". The letters ความรุนแรง appear only by chance: ความ is the
    # end of ข้อความ ("message") and รุนแรง ("harsh") is the next word, so the page is not about violence.
    publish(campaign_index, slug="chance", title="สื่อสำหรับเด็ก", intro="ข้อความรุนแรงเกินไปสำหรับเด็กเล็ก")
    publish(campaign_index, slug="unrelated", title="สงกรานต์", intro="เล่นน้ำอย่างปลอดภัย")
    assert result_slugs(client, "/th/search/?q=ความรุนแรง") == ["violence", "chance"]


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


def test_search_is_per_language(client, campaign_index, english_home):
    publish(campaign_index, slug="thai-only", title="สงกรานต์ปลอดภัย", intro="สงกรานต์")
    translate(campaign_index, "en", title="Campaigns")
    assert result_slugs(client, "/en/search/?q=สงกรานต์") == []


def test_khmer_and_burmese_text_are_found_by_substring(client, campaign_index):
    khmer_index = translate(campaign_index, "km", title="យុទ្ធនាការ")
    burmese_index = translate(campaign_index, "my", title="လှုပ်ရှားမှု")
    publish(khmer_index, slug="km-page", locale=locale("km"), title="ថ្ងៃទី២៥", intro="បញ្ចប់អំពើហិង្សាលើស្ត្រី")
    publish(
        burmese_index, slug="my-page", locale=locale("my"), title="နိုဝင်ဘာ", intro="အမျိုးသမီးများအပေါ်အကြမ်းဖက်မှု"
    )
    assert result_slugs(client, "/km/search/?q=អំពើហិង្សា") == ["km-page"]
    assert result_slugs(client, "/my/search/?q=အကြမ်းဖက်") == ["my-page"]


def test_unpublished_pages_are_not_found(client, campaign_index):
    page = publish(campaign_index, slug="gone", title="สงกรานต์", intro="สงกรานต์")
    page.unpublish()
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == []


def test_petitions_are_found_too(client, petition):
    assert "nightlife" in result_slugs(client, "/th/search/?q=สถานบันเทิง")


def test_an_empty_or_overlong_query_shows_the_form(client, campaign_index):
    assert client.get("/th/search/").status_code == 200
    assert client.get("/th/search/?q=").status_code == 200
    assert client.get("/th/search/?q=" + "ก" * 500).status_code == 200


def test_the_search_page_is_not_indexed_by_search_engines(client, campaign_index):
    assert '<meta name="robots" content="noindex">' in client.get("/th/search/?q=x").content.decode()
