"""The story pages readers see: the story, the listing, the feed, search and the sitemap."""

import pytest
from wagtail.models import Page
from wagtail_factories import ImageFactory

from stories.factories import StoryPageFactory, StorytellerFactory
from stories.models import StoryIndexPage, StoryPage
from stories.services import withdraw_consent

from ..conftest import assert_no_inline_script_or_style, listing_queries_with_5_and_50
from .conftest import publish_story


def test_stories_live_only_under_the_story_index():
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryPage.allowed_subpage_models() == []
    assert [model.__name__ for model in StoryIndexPage.allowed_parent_page_models()] == ["HomePage"]


def test_a_story_shows_its_content_warning_before_the_story(client, story_index):
    publish_story(
        story_index,
        slug="warned",
        content_warning="เรื่องนี้กล่าวถึงการคุกคามทางเพศ",
        body=[("paragraph", "<p>เนื้อเรื่องหลัก</p>")],
    )
    html = client.get("/th/stories/warned/").content.decode()
    assert html.index("เรื่องนี้กล่าวถึงการคุกคามทางเพศ") < html.index("เนื้อเรื่องหลัก")


def test_a_survivor_under_an_alias_is_shown_by_alias_with_no_photo(client, story_index):
    survivor = StorytellerFactory(kind="survivor", name="ชื่อจริง นามสกุลจริง", use_alias=True, alias="น้ำ")
    publish_story(story_index, slug="nam", storyteller=survivor)
    html = client.get("/th/stories/nam/").content.decode()
    assert "น้ำ" in html
    assert "ชื่อจริง" not in html
    assert "storyteller__photo" not in html


def test_a_survivor_story_offers_the_quick_exit(client, story_index):
    survivor = StorytellerFactory(kind="survivor", use_alias=True, alias="น้ำ")
    publish_story(story_index, slug="nam", storyteller=survivor)
    html = client.get("/th/stories/nam/").content.decode()
    assert "data-quick-exit" in html


def test_a_story_with_a_content_warning_offers_the_quick_exit_whoever_tells_it(client, story_index):
    influencer = StorytellerFactory(kind="influencer")
    publish_story(
        story_index,
        slug="warned",
        storyteller=influencer,
        is_sensitive=False,
        content_warning="เรื่องนี้กล่าวถึงการคุกคามทางเพศ",
    )
    publish_story(story_index, slug="plain", storyteller=influencer, is_sensitive=False, content_warning="")
    assert "data-quick-exit" in client.get("/th/stories/warned/").content.decode()
    assert "data-quick-exit" not in client.get("/th/stories/plain/").content.decode()


def test_the_story_index_and_the_share_your_story_form_offer_the_quick_exit(client, english_story_index):
    for address in ("/th/stories/", "/th/stories/share/", "/en/stories/", "/en/stories/share/"):
        assert "data-quick-exit" in client.get(address).content.decode(), address


def test_a_story_carries_schema_org_article_data_and_sharing_tags(client, story):
    html = client.get("/th/stories/my-voice/").content.decode()
    assert '<script type="application/ld+json">' in html
    assert '"@type": "Article"' in html
    assert 'property="og:type" content="article"' in html
    assert 'rel="canonical" href="http://127.0.0.1/th/stories/my-voice/"' in html


def test_the_story_page_has_no_inline_script_or_style(client, story):
    assert_no_inline_script_or_style(client.get("/th/stories/my-voice/").content.decode())


def test_the_listing_filters_by_kind_and_year(client, story_index):
    import datetime

    publish_story(
        story_index,
        title="เรื่องของผู้ทรงอิทธิพล",
        storyteller=StorytellerFactory(kind="influencer"),
        story_date=datetime.date(2018, 4, 13),
    )
    publish_story(story_index, title="เรื่องของนักกิจกรรม", storyteller=StorytellerFactory(kind="activist"))
    html = client.get("/th/stories/?kind=influencer").content.decode()
    assert "เรื่องของผู้ทรงอิทธิพล" in html
    assert "เรื่องของนักกิจกรรม" not in html
    html = client.get("/th/stories/?year=2018").content.decode()
    assert "เรื่องของผู้ทรงอิทธิพล" in html
    assert "เรื่องของนักกิจกรรม" not in html


def test_the_listing_ignores_a_filter_it_does_not_know(client, story):
    response = client.get("/th/stories/?kind=not-a-kind&year=abc")
    assert response.status_code == 200


def test_the_listing_paginates(client, story_index):
    for number in range(14):
        publish_story(story_index, title=f"เรื่องที่ {number}")
    first = client.get("/th/stories/").content.decode()
    second = client.get("/th/stories/?page=2").content.decode()
    assert first.count('class="card"') == 12
    assert second.count('class="card"') == 2


def test_the_listing_makes_the_same_number_of_queries_for_5_and_50_stories(client, story_index):
    with_five, with_fifty = listing_queries_with_5_and_50(
        client, "/th/stories/", lambda: publish_story(story_index, image=ImageFactory())
    )
    assert with_five == with_fifty


def test_a_draft_story_is_not_listed(client, story_index):
    StoryPageFactory(parent=story_index, title="ฉบับร่าง")
    assert "ฉบับร่าง" not in client.get("/th/stories/").content.decode()


def test_withdrawn_story_is_gone_from_listing_feed_search_and_sitemap(client, story, english_story_index):
    from ..conftest import translate

    translate(story, "en", title="My voice on violence", intro="Violence against women must end")
    places = {
        "listing": ("/th/stories/", "/en/stories/"),
        "feed": ("/th/stories/feed/", "/en/stories/feed/"),
        "search": ("/th/search/?q=เสียงของฉัน", "/en/search/?q=violence"),
        "sitemap": ("/sitemap-th.xml", "/sitemap-en.xml"),
    }
    before = {name: [client.get(url).content.decode() for url in urls] for name, urls in places.items()}
    for name, (thai, english) in before.items():
        assert "my-voice" in thai, name
        assert "my-voice" in english, name

    withdraw_consent(consent=story.consent, by=None)

    for name, urls in places.items():
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert "my-voice" not in response.content.decode(), f"{name}: {url}"
    assert client.get("/th/stories/my-voice/").status_code == 404
    assert client.get("/en/stories/my-voice/").status_code == 404


def test_the_feed_is_atom_in_the_index_language(client, story, english_story_index):
    response = client.get("/th/stories/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert 'xml:lang="th"' in response.content.decode()
    assert "เสียงของฉัน" in response.content.decode()
    assert client.get("/en/stories/feed/").status_code == 200


@pytest.mark.django_db
def test_unpublished_pages_are_never_in_the_sitemap(client, story_index):
    StoryPageFactory(parent=story_index, slug="secret-draft")
    assert "secret-draft" not in client.get("/sitemap-th.xml").content.decode()
    assert Page.objects.filter(slug="secret-draft").exists()


def test_listing_and_share_form_have_no_inline_script_or_style(client, story):
    for url in ("/th/stories/", "/th/stories/share/"):
        assert_no_inline_script_or_style(client.get(url).content.decode(), url)


def test_the_listing_filters_by_a_campaign_theme_named_in_the_listings_language(client, story_index):
    from campaigns.factories import CampaignThemeFactory

    theme = CampaignThemeFactory(name="สงกรานต์ปลอดภัย", slug="songkran")
    themed = publish_story(story_index, title="เรื่องช่วงสงกรานต์")
    themed.themes.set([theme])
    themed.save_revision().publish()
    publish_story(story_index, title="เรื่องอื่น")
    html = client.get("/th/stories/?theme=songkran").content.decode()
    assert '<option value="songkran" selected>สงกรานต์ปลอดภัย</option>' in html
    assert "เรื่องช่วงสงกรานต์" in html
    assert "เรื่องอื่น" not in html
