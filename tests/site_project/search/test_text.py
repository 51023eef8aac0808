"""How the site search reads text: normalised, cut into words, keyed; and the snippet it shows under a result."""

import pytest

from site_project.search.text import highlight, key, keys, normalise, words


def test_thai_typed_two_ways_that_look_the_same_is_read_as_one_spelling():
    assert normalise("ความรุนเเรง") == "ความรุนแรง"  # เ + เ for แ
    assert normalise("น\u0e49\u0e4d\u0e32") == "น้ำ"  # nikhahit + sara aa for sara am, after the tone mark
    assert normalise("น\u0e4d\u0e49\u0e32") == "น้ำ"  # the tone mark typed between them
    assert normalise("ท\u0e48\u0e35") == "ที่"  # the tone mark typed before the vowel above
    assert normalise("ที\u0e48\u0e48") == "ที่"  # a tone mark typed twice


def test_zero_width_characters_and_soft_hyphens_are_removed_and_text_is_nfc():
    assert normalise("ความ\u200bรุนแรง") == "ความรุนแรง"
    assert normalise("wo\u00admen\ufeff") == "women"
    assert normalise("cafe\u0301") == "café"


@pytest.mark.parametrize(
    ("zawgyi", "unicode"),
    [
        ("အမ်ိဳးသမီးမ်ားအေပၚအၾကမ္းဖက္မႈ", "အမျိုးသမီးများအပေါ်အကြမ်းဖက်မှု"),  # violence against women
        ("ေႏွာင့္ယွက္မႈ", "နှောင့်ယှက်မှု"),  # harassment
        ("အခြင့္အေရး", "အခွင့်အရေး"),  # rights
    ],
)
def test_burmese_typed_in_zawgyi_is_converted_to_unicode(zawgyi, unicode):
    assert normalise(zawgyi) == unicode


def test_burmese_already_in_unicode_and_other_scripts_are_left_alone():
    text = "အမျိုးသမီးများအပေါ် အကြမ်းဖက်မှု and ความรุนแรง"
    assert normalise(text) == text


def test_thai_khmer_and_burmese_are_cut_into_dictionary_words():
    assert keys("ความรุนแรงต่อสตรี", "th") == ["ความ", "รุนแรง", "ต่อ", "สตรี"]
    assert keys("បញ្ចប់អំពើហិង្សាលើស្ត្រី", "km") == ["បញ្ចប់", "អំពើ", "ហិង្សា", "លើ", "ស្ត្រី"]
    assert keys("အမျိုးသမီးများအပေါ်အကြမ်းဖက်မှု", "my") == ["အမျိုးသမီး", "များ", "အပေါ်", "အကြမ်းဖက်", "မှု"]


def test_english_words_are_stemmed_and_irregular_plurals_made_singular():
    assert key("women") == key("woman") == key("Women’s")
    assert key("children") == key("child")
    assert key("people") == key("person")
    assert key("chairwomen") == key("chairwoman")
    assert key("petitions") == key("petition")
    assert key("stories") == key("story")
    assert key("signing") == key("sign")
    assert key("news") != key("new")


def test_digits_of_every_script_are_read_as_the_same_number():
    assert keys("๒๕ พฤศจิกายน", "th")[0] == keys("25", "th")[0] == "25"
    assert keys("២៥", "km") == keys("၂၅", "my") == ["25"]


def test_spaces_and_punctuation_are_not_words():
    assert keys("“ความรุนแรง”, 25 – women!", "th") == ["ความ", "รุนแรง", "25", "woman"]


def test_word_positions_are_python_string_positions_even_after_an_emoji():
    text = "😀😀 ความรุนแรง"
    assert [text[start:end] for start, end, _key in words(text, "th")] == ["ความ", "รุนแรง"]


def test_the_snippet_marks_the_words_found_and_escapes_everything_else():
    text = "<b>ข่าว</b> ความรุนแรงต่อสตรี & เด็ก"
    snippet = highlight(text, [("ความ", "รุนแรง")], "th")
    assert snippet == "&lt;b&gt;ข่าว&lt;/b&gt; <mark>ความรุนแรง</mark>ต่อสตรี &amp; เด็ก"


def test_the_snippet_marks_the_parts_of_a_thai_word_only_where_they_stand_together():
    snippet = highlight("การเล่นน้ำ ไม่ใช่การคุกคาม", [("การ", "คุกคาม")], "th")
    assert snippet == "การเล่นน้ำ ไม่ใช่<mark>การคุกคาม</mark>"


def test_the_snippet_is_cut_around_the_words_found_in_a_long_text():
    text = "สงกรานต์ " * 60 + "ยุติความรุนแรง " + "เล่นน้ำ " * 60
    snippet = highlight(text, [("รุนแรง",)], "th", width=120)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>รุนแรง</mark>" in snippet
    assert len(snippet) < 180


def test_a_text_without_the_words_gives_its_beginning():
    assert highlight("สงกรานต์ปลอดภัย", [("ยุติ",)], "th") == "สงกรานต์ปลอดภัย"
