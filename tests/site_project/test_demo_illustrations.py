"""The demo's pictures are illustrations of each campaign and story, described in Thai and English."""

import io
import time

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageChops, ImageStat
from wagtail.images import get_image_model

from campaigns.models import CampaignPage
from site_project.demo_illustrations import MOTIFS, demo_alt, draw_illustration, motif_for
from site_project.factories import demo_image
from stories.models import StoryPage


def picture(data: bytes) -> PillowImage.Image:
    image = PillowImage.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("motif", sorted(MOTIFS))
def test_each_motif_is_a_1200_by_630_png_with_many_colours(motif):
    image = picture(draw_illustration("A demo item", motif=motif))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 60  # shapes, smooth edges and texture; the old striped picture had two colours
    largest = max(count for count, _ in colours)
    assert largest < 0.6 * 1200 * 630  # no single colour fills the picture


def test_the_same_title_gives_the_same_bytes_and_another_title_varies_them():
    first = draw_illustration("25 November 2025: end violence against women and children")
    assert draw_illustration("25 November 2025: end violence against women and children") == first
    assert draw_illustration("25 November 2024: end violence against women and children") != first


def test_every_two_motifs_look_different():
    images = {motif: picture(draw_illustration("Same title", motif=motif)).convert("RGB") for motif in MOTIFS}
    small = {motif: image.resize((120, 63)) for motif, image in images.items()}
    names = sorted(small)
    for index, one in enumerate(names):
        for other in names[index + 1 :]:
            difference = ImageChops.difference(small[one], small[other]).convert("L")
            assert ImageStat.Stat(difference).mean[0] > 12, f"{one} and {other} look alike"


@pytest.mark.parametrize(
    ("title", "motif"),
    [
        ("25 November 2025: end violence against women and children", "november"),
        ("Songkran 2025: splash water, not hands", "songkran"),
        ("Mother's Day 2025: a home is not a boxing ring", "mothers_day"),
        ("30 July 2025: end human trafficking on the Chiang Rai border", "july_30"),
        ("DON'T TELL ME HOW TO DRESS: clothes are no excuse", "dress"),
        ("Real people, real voices: the day I chose to speak", "voice"),
        ("Stop draft-beer sales in convenience stores", "coalition"),
        ("Sign the petition to the ministry", "petition"),
        ("logo", "coalition"),
    ],
)
def test_a_title_picks_its_motif_by_its_words(title, motif):
    assert motif_for(title) == motif


@pytest.mark.parametrize("motif", sorted(MOTIFS))
def test_every_motif_is_described_in_thai_and_english(motif):
    alt = demo_alt("", motif=motif)
    assert set(alt) == {"th", "en"}
    assert any("\u0e00" <= letter <= "\u0e7f" for letter in alt["th"])
    assert alt["en"].startswith("Drawing:")
    assert all(10 < len(text) <= 200 for text in alt.values())  # fits the image_alt fields


def test_the_descriptions_follow_the_title():
    assert "ribbon" in demo_alt("25 November 2025: end violence")["en"]
    assert "water bowl" in demo_alt("Songkran 2025: splash water, not hands")["en"]


def test_all_the_demo_pictures_are_drawn_quickly():
    titles = [f"{motif} {year}" for motif in MOTIFS for year in (2024, 2025)]
    started = time.perf_counter()
    for title in titles:
        draw_illustration(title)
    assert time.perf_counter() - started < 4  # 20 pictures; the demo draws 8


def test_the_demo_image_is_an_illustration_found_again_by_title(db):
    image = demo_image("Songkran 2025: splash water, not hands", (0, 105, 148))
    assert (image.width, image.height) == (1200, 630)
    with image.open_file() as stored:
        assert stored.read() == draw_illustration(
            "Songkran 2025: splash water, not hands", colour=(0, 105, 148)
        )
    assert demo_image("Songkran 2025: splash water, not hands", (0, 105, 148)).pk == image.pk
    assert get_image_model().objects.count() == 1


def test_a_striped_demo_image_from_before_is_redrawn_in_place(db):
    striped = PillowImage.new("RGB", (1200, 630), (91, 42, 134))
    buffer = io.BytesIO()
    striped.save(buffer, format="PNG")
    old = get_image_model().objects.create(
        title="Mother's Day 2025: a home is not a boxing ring",
        file=ContentFile(buffer.getvalue(), name="mother-s-day-2025.png"),
    )
    old.get_rendition("fill-400x225")
    image = demo_image("Mother's Day 2025: a home is not a boxing ring", (176, 58, 46))
    assert image.pk == old.pk
    assert not image.renditions.exists()  # no card keeps showing the stripes
    with image.open_file() as stored:
        assert len(picture(stored.read()).convert("RGB").getcolors(maxcolors=1_000_000)) > 100


def test_the_demo_describes_its_campaign_and_story_pictures_in_thai_and_english(demo):
    campaigns = CampaignPage.objects.filter(locale__language_code__in=("th", "en"), hero_image__isnull=False)
    stories = StoryPage.objects.filter(locale__language_code__in=("th", "en"), image__isnull=False)
    assert campaigns.exists() and stories.exists()
    for page in [*campaigns, *stories]:
        alt = page.hero_image_alt if isinstance(page, CampaignPage) else page.image_alt
        language = page.locale.language_code
        title = (page.hero_image if isinstance(page, CampaignPage) else page.image).title
        assert alt == demo_alt(title)[language], page.title
