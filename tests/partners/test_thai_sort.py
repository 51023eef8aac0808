from partners.thai_sort import thai_sort_key
from site_project.provinces import PROVINCES


def test_leading_vowels_sort_by_the_consonant_that_follows_them():
    names = ["เชียงราย", "ชุมพร", "ตรัง", "กระบี่"]
    assert sorted(names, key=thai_sort_key) == ["กระบี่", "ชุมพร", "เชียงราย", "ตรัง"]


def test_tone_marks_only_break_ties():
    assert sorted(["ก้า", "กา", "กาก"], key=thai_sort_key) == ["กา", "ก้า", "กาก"]


def test_a_consonant_cluster_sorts_before_the_same_consonant_with_a_vowel():
    assert sorted(["กรุงเทพมหานคร", "กระบี่"], key=thai_sort_key) == ["กระบี่", "กรุงเทพมหานคร"]


def test_the_province_list_is_already_in_the_order_the_key_gives():
    names = [province.th for province in PROVINCES]
    assert sorted(names, key=thai_sort_key) == names


def test_english_names_sort_without_regard_to_case():
    assert sorted(["ecpat", "Destiny Rescue", "ADRA"], key=thai_sort_key) == [
        "ADRA",
        "Destiny Rescue",
        "ecpat",
    ]
