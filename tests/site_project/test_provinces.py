"""One province API: every province named in Thai, English, Khmer and Burmese, one lookup for the whole site."""

import unicodedata

from django.utils import translation

from site_project import provinces

SCRIPTS = {"th": "THAI", "km": "KHMER", "my": "MYANMAR"}


def test_every_province_is_named_in_each_of_the_four_languages_in_its_own_script():
    assert len(provinces.PROVINCES) == 77
    for language in ("th", "en", "km", "my"):
        names = [province.name(language) for province in provinces.EVERY_CHOICE]
        assert all(names), language
        assert len(set(names)) == len(names), f"two provinces share a {language} name"
    for province in provinces.EVERY_CHOICE:
        for language, script in SCRIPTS.items():
            letters = [ch for ch in province.name(language) if ch.isalpha()]
            assert letters and all(unicodedata.name(ch).startswith(script) for ch in letters), (
                province.code,
                language,
            )


def test_a_province_is_named_in_the_readers_language():
    for language, expected in {
        "th": "เชียงราย",
        "en": "Chiang Rai",
        "km": "ឈៀងរ៉ាយ",
        "my": "ချင်းရိုင်",
    }.items():
        with translation.override(language):
            assert provinces.name("chiang-rai") == expected
    assert provinces.name("outside-th", "km") == "ក្រៅប្រទេសថៃ"


def test_a_language_the_site_does_not_have_reads_english():
    assert provinces.name("bangkok", "fr") == "Bangkok"


def test_an_unknown_code_is_shown_as_stored_and_no_code_as_nothing():
    assert provinces.name("atlantis") == "atlantis"
    assert provinces.name("") == ""
    assert provinces.name(None) == ""


def test_a_thai_reader_picks_from_dictionary_order_others_from_their_own_and_outside_thailand_comes_last():
    thai = provinces.choices("th")
    assert thai[0] == ("krabi", "กระบี่") and thai[1] == ("bangkok", "กรุงเทพมหานคร")
    english = provinces.choices("en")
    assert [name for _code, name in english[:-1]] == sorted(name for _code, name in english[:-1])
    for language in ("th", "en", "km", "my"):
        choices = provinces.choices(language)
        assert len(choices) == 78
        assert choices[-1][0] == "outside-th"


def test_a_long_list_gets_every_name_at_once():
    names = provinces.names_in("my")
    assert names["bangkok"] == "ဘန်ကောက်"
    assert set(names) == provinces.CODES
