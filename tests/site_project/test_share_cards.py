"""Share cards: the picture a LINE or Facebook preview shows for a petition or a campaign, drawn per language from
its title and live count, with Thai, Khmer and Burmese shaped by Raqm, and kept until the count moves."""

import datetime
import io
import re

import pytest
from django.core.cache import cache
from PIL import Image, features
from wagtail.models import Locale
from wagtail_factories import ImageFactory

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from petitions.factories import PetitionIndexPageFactory, SignatureFactory
from petitions.models import PetitionPage
from petitions.selectors import forget_public_totals
from site_project.checks import check_share_cards
from site_project.share_cards import drawing, page_card
from site_project.share_cards.drawing import CardContent, draw_card, wrap

from ..conftest import publish_open_petition, queries_of_a_view, translate

OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


@pytest.fixture
def nightlife(home):
    return publish_open_petition(PetitionIndexPageFactory(parent=home, slug="petitions"))


@pytest.fixture
def english_nightlife(nightlife, english_home):
    translate(nightlife.get_parent(), "en", title="Petitions")
    return translate(nightlife, "en", title="End the 4 a.m. nightlife licences")


def card_path(page, language: str = "th") -> str:
    return f"/{language}/share-card/{page.pk}.png"


def png_of(response) -> Image.Image:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return Image.open(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def add_signatures(petition, count: int) -> None:
    SignatureFactory.create_batch(count, petition=petition, confirmed=True)
    forget_public_totals(petition.pk)


@pytest.fixture
def draws(monkeypatch):
    """The cards drawn, counted."""
    drawn = []

    def counting(content):
        drawn.append(content)
        return draw_card(content)

    monkeypatch.setattr("site_project.share_cards.cards.draw_card", counting)
    return drawn


def test_pillow_lays_text_out_with_raqm():
    assert features.check("raqm")
    assert drawing.raqm_available()


def test_the_nightlife_petition_has_a_1200_by_630_card_in_thai_and_in_english(client, english_nightlife):
    nightlife = english_nightlife.get_translation(english_nightlife.locale.get_default())
    for page, language in ((nightlife, "th"), (english_nightlife, "en")):
        image = png_of(client.get(card_path(page, language)))
        assert image.size == (1200, 630)
        assert image.format == "PNG"


def test_the_card_is_cacheable_by_anyone(client, nightlife):
    response = client.get(card_path(nightlife))
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_the_card_shows_the_count_in_the_pages_language(nightlife, english_nightlife):
    add_signatures(nightlife, 3)
    thai = page_card(nightlife)
    english = page_card(english_nightlife)
    assert thai.line == "<strong>3</strong> รายชื่อ จากเป้าหมาย 1,000 รายชื่อ"
    assert thai.title == "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่"
    assert english.line == "<strong>3</strong> signatures of 1,000"
    assert thai.progress == pytest.approx(0.003)


def test_a_card_is_drawn_once_and_served_from_the_cache_while_the_count_stays_in_its_step(
    client, nightlife, draws
):
    first = client.get(card_path(nightlife)).content
    add_signatures(nightlife, 9)  # the goal is 1,000: a step is 10 signatures
    second = client.get(card_path(nightlife)).content
    assert len(draws) == 1
    assert first == second


def test_the_card_is_drawn_again_when_the_count_moves_past_a_step(client, nightlife, draws):
    first = client.get(card_path(nightlife)).content
    add_signatures(nightlife, 10)
    second = client.get(card_path(nightlife)).content
    assert len(draws) == 2
    assert first != second
    assert "<strong>10</strong>" in draws[-1].line


def test_a_new_title_draws_a_new_card(client, nightlife, draws):
    client.get(card_path(nightlife))
    nightlife.title = "ยกเลิกใบอนุญาตเปิดถึงตีสี่"
    nightlife.save_revision().publish()
    client.get(card_path(nightlife))
    assert [content.title for content in draws] == ["ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", "ยกเลิกใบอนุญาตเปิดถึงตีสี่"]


def test_the_card_address_costs_few_queries(client, nightlife):
    # the content version (which view restrictions the memo knows), the page, its specific row, its count
    assert queries_of_a_view(client, card_path(nightlife)) <= 4


@pytest.mark.parametrize(
    "path",
    [
        "/th/share-card/999999.png",
        "/th/share-card/0.png",
        "/th/share-card/99999999999999999999999.png",
        "/xx/share-card/1.png",
    ],
)
def test_an_unknown_page_has_no_card(client, home, path):
    assert client.get(path).status_code == 404


def test_a_page_without_a_card_and_a_draft_have_none(client, home, nightlife):
    assert client.get(card_path(home)).status_code == 404
    nightlife.unpublish()
    assert client.get(card_path(nightlife)).status_code == 404


def test_a_card_is_served_only_under_its_pages_language(client, nightlife):
    assert client.get(card_path(nightlife, "en")).status_code == 404


def test_a_card_that_cannot_be_drawn_falls_back_to_the_default_card(client, nightlife, monkeypatch):
    def broken(content):
        raise OSError("cannot open resource")

    monkeypatch.setattr("site_project.share_cards.cards.draw_card", broken)
    response = client.get(card_path(nightlife))
    assert response.status_code == 302
    assert response["Location"].endswith("img/share-card.png")
    assert "max-age=60" in response["Cache-Control"]


def test_a_missing_font_falls_back_to_the_editors_sharing_image(client, nightlife, monkeypatch, tmp_path):
    nightlife.social_image = ImageFactory(file__width=1200, file__height=630)
    nightlife.save_revision().publish()
    missing = drawing.Fonts(tmp_path / "none.ttf", tmp_path / "none.ttf")
    monkeypatch.setitem(drawing.LANGUAGE_FONTS, "th", missing)
    response = client.get(card_path(nightlife))
    assert response.status_code == 302
    assert "/images/" in response["Location"]


def test_the_petition_page_points_og_image_at_its_card(client, nightlife):
    html = client.get("/th/petitions/nightlife/").content.decode()
    url = OG_IMAGE.search(html).group(1)
    assert url.startswith(f"http://127.0.0.1/th/share-card/{nightlife.pk}.png?v=")
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta property="og:image:alt" content="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่ · 0 รายชื่อ' in html
    assert f'<meta name="twitter:image" content="{url}">' in html.replace("&amp;", "&")


def test_the_og_image_address_changes_when_the_count_moves_past_a_step(client, nightlife):
    before = OG_IMAGE.search(client.get("/th/petitions/nightlife/").content.decode()).group(1)
    add_signatures(nightlife, 10)
    cache.clear()  # the page cache keeps the page's copy for a few seconds
    after = OG_IMAGE.search(client.get("/th/petitions/nightlife/").content.decode()).group(1)
    assert before != after


def test_the_editors_sharing_image_wins_over_the_card(client, nightlife):
    nightlife.social_image = ImageFactory(file__width=1600, file__height=900)
    nightlife.save_revision().publish()
    html = client.get("/th/petitions/nightlife/").content.decode()
    assert "/share-card/" not in html
    assert '<meta property="og:image:width" content="1200">' in html


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPageFactory(parent=home)


def test_a_campaign_card_shows_its_petitions_count(client, campaign_index, nightlife):
    campaign = CampaignPageFactory(
        parent=campaign_index,
        title="25 พฤศจิกายน 2568",
        slug="25-november-2025",
        body=[("petition", {"petition": nightlife, "intro": ""})],
    )
    campaign.save_revision().publish()
    add_signatures(nightlife, 12)
    text = page_card(campaign)
    assert text.title == "25 พฤศจิกายน 2568"
    assert text.line.startswith("<strong>12</strong> รายชื่อ")
    assert png_of(client.get(card_path(campaign))).size == (1200, 630)
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert f"/th/share-card/{campaign.pk}.png?v=" in html


def test_a_campaign_without_a_petition_shows_its_key_date(campaign_index):
    campaign = CampaignPageFactory(
        parent=campaign_index, title="วันต่อต้านการค้ามนุษย์", key_date=datetime.date(2026, 7, 30), body=[]
    )
    campaign.save_revision().publish()
    assert page_card(campaign).line == "30 กรกฎาคม 2569"


# --- The drawing itself ---------------------------------------------------------------------------------------
def test_thai_titles_wrap_between_words_not_inside_them():
    title = "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่เพื่อความปลอดภัยของผู้หญิงและเด็ก"
    lines = wrap(title, width=lambda text: len(text) * 30, max_width=600, language="th")
    assert len(lines) > 1
    assert "".join(lines) == title
    for line in lines:
        assert len(line) * 30 <= 600
    assert lines[0].endswith(("การ", "เปิด", "สถาน", "บันเทิง", "ยกเลิก"))


def test_a_word_longer_than_a_line_is_cut_between_letters():
    lines = wrap("x" * 50, width=lambda text: len(text) * 30, max_width=600, language="en")
    assert lines == ["x" * 20, "x" * 20, "x" * 10]


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("th", "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่ " * 6),
        ("km", "ទិវាប្រឆាំងការជួញដូរមនុស្សពិភពលោក ការពារសិទ្ធិពលករចំណាកស្រុក"),
        ("my", "လူကုန်ကူးမှု တိုက်ဖျက်ရေး နေ့ - ရွှေ့ပြောင်းလုပ်သားများ၏ အခွင့်အရေးများကို ကာကွယ်ပါ"),
    ],
)
def test_cards_in_thai_khmer_and_burmese_are_drawn(language, title):
    content = CardContent(
        title=title,
        line="<strong>1,234</strong> / 2,000",
        progress=0.6,
        organisation="ภาคี",
        host="phakhi.example",
        language=language,
    )
    image = Image.open(io.BytesIO(draw_card(content)))
    assert image.size == (1200, 630)
    # Text was drawn in white over the purple title area.
    assert (255, 255, 255) in {
        color for _count, color in image.crop((72, 40, 1128, 300)).getcolors(1_000_000)
    }


def test_a_card_is_not_drawn_without_raqm(monkeypatch):
    monkeypatch.setattr(drawing, "raqm_available", lambda: False)
    with pytest.raises(RuntimeError):
        draw_card(CardContent(title="ภาคี"))


def test_the_demo_nightlife_petition_has_its_card_in_thai_and_english(client, demo):
    thai = PetitionPage.objects.get(slug="nightlife-4am", locale__language_code="th")
    english = thai.get_translation(Locale.objects.get(language_code="en"))
    for page, language in ((thai, "th"), (english, "en")):
        image = png_of(client.get(card_path(page, language)))
        assert (image.format, image.size) == ("PNG", (1200, 630))
    html = client.get(thai.url).content.decode()
    assert f"/th/share-card/{thai.pk}.png?v=" in OG_IMAGE.search(html).group(1)


def test_the_deploy_check_warns_when_cards_cannot_be_drawn(monkeypatch, tmp_path):
    assert check_share_cards(None) == []
    monkeypatch.setattr(drawing, "raqm_available", lambda: False)
    monkeypatch.setitem(drawing.LANGUAGE_FONTS, "km", drawing.Fonts(tmp_path / "a.ttf", tmp_path / "a.ttf"))
    (warning,) = check_share_cards(None)
    assert warning.id == "site_project.W002"
    assert "Raqm" in warning.msg and "a.ttf" in warning.msg
