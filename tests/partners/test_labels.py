"""What the directory prints about a partner is in the reader's language: its kind, its coalition role and the
provinces it serves (Khmer and Burmese readers included)."""

import pytest

from ..conftest import translate
from .conftest import active_member


@pytest.fixture
def chair(directory):
    return active_member(
        directory,
        "เครือข่ายชุมชนแม่สาย",
        "mae-sai",
        kind="community_network",
        coalition_role="chair",
        terms={"provinces": ["chiang-rai", "bangkok"]},
    )


def _in(language: str, home, directory, partner, title: str) -> str:
    translate(home, language, title="Phakhi")
    translate(directory, language, title="Partners")
    translate(partner, language, title=title)
    return f"/{language}/partners/"


def test_a_khmer_reader_sees_the_directory_in_khmer(client, home, directory, chair):
    html = client.get(_in("km", home, directory, chair, "បណ្ដាញសហគមន៍ម៉ែសាយ")).content.decode()
    assert "បណ្ដាញសហគមន៍" in html  # community network
    assert "ប្រធាន" in html  # chair
    assert "ឈៀងរ៉ាយ, បាងកក" in html
    assert "เชียงราย" not in html and "Chiang Rai" not in html


def test_a_burmese_reader_sees_provinces_in_burmese_on_the_partner_page(client, home, directory, chair):
    _in("my", home, directory, chair, "မဲဆိုင် ရပ်ရွာ ကွန်ရက်")
    html = client.get("/my/partners/mae-sai/").content.decode()
    assert "ချင်းရိုင်, ဘန်ကောက်" in html
    assert "ဥက္ကဋ္ဌ" in html  # chair


def test_an_english_reader_sees_english_kind_and_role_and_a_thai_reader_thai(client, home, directory, chair):
    english = client.get(_in("en", home, directory, chair, "Mae Sai community network")).content.decode()
    assert "Community network · Chair" in english
    thai = client.get("/th/partners/").content.decode()
    assert "เครือข่ายชุมชน · ประธาน" in thai
    assert "เชียงราย, กรุงเทพมหานคร" in thai


def test_the_directory_filter_offers_kinds_and_provinces_in_the_readers_language(
    client, home, directory, chair
):
    html = client.get(_in("km", home, directory, chair, "បណ្ដាញសហគមន៍ម៉ែសាយ")).content.decode()
    assert '<option value="ngo">អង្គការមិនមែនរដ្ឋាភិបាល</option>' in html
    assert '<option value="chiang-rai">ឈៀងរ៉ាយ</option>' in html


def test_a_khmer_reader_can_filter_the_directory_by_province(client, home, directory, chair):
    url = _in("km", home, directory, chair, "បណ្ដាញសហគមន៍ម៉ែសាយ")
    assert "បណ្ដាញសហគមន៍ម៉ែសាយ" in client.get(url + "?province=chiang-rai").content.decode()
    assert "បណ្ដាញសហគមន៍ម៉ែសាយ" not in client.get(url + "?province=phuket").content.decode()


def test_a_province_that_is_not_on_the_list_leaves_the_directory_unfiltered(client, home, directory, chair):
    response = client.get("/th/partners/?province=atlantis")
    assert response.status_code == 200
    assert "เครือข่ายชุมชนแม่สาย" in response.content.decode()
