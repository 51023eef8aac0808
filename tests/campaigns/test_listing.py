"""The campaign listing: filters by theme, year and kind, pagination, a fixed number of queries, and a feed."""

from wagtail_factories import ImageFactory

from campaigns.factories import CampaignPageFactory, CampaignThemeFactory

from ..conftest import assert_no_inline_script_or_style, listing_queries_with_5_and_50


def publish(index, **fields):
    page = CampaignPageFactory(parent=index, **fields)
    page.save_revision().publish()
    return page


def test_the_listing_filters_by_theme_year_and_kind(client, campaign_index, theme):
    songkran = CampaignThemeFactory(name="สงกรานต์", slug="songkran")
    publish(campaign_index, title="25 พฤศจิกายน 2567", theme=theme, year=2024)
    publish(campaign_index, title="25 พฤศจิกายน 2568", theme=theme, year=2025)
    publish(
        campaign_index,
        title="สงกรานต์ 2568",
        theme=songkran,
        year=2025,
        kind="provincial",
        province="chiang-rai",
    )

    html = client.get("/th/campaigns/?theme=25-november").content.decode()
    assert "25 พฤศจิกายน 2567" in html and "25 พฤศจิกายน 2568" in html and "สงกรานต์ 2568" not in html
    html = client.get("/th/campaigns/?year=2025").content.decode()
    assert "25 พฤศจิกายน 2567" not in html and "สงกรานต์ 2568" in html
    html = client.get("/th/campaigns/?kind=provincial").content.decode()
    assert "สงกรานต์ 2568" in html and "25 พฤศจิกายน 2568" not in html


def test_the_year_filter_is_offered_in_the_buddhist_era_to_thai_readers(client, campaign_index):
    publish(campaign_index, year=2025)
    assert '<option value="2025">2568</option>' in client.get("/th/campaigns/").content.decode()


def test_a_filter_it_does_not_know_is_ignored(client, campaign_index):
    publish(campaign_index, title="แคมเปญหนึ่ง")
    response = client.get("/th/campaigns/?theme=nope&year=abc&kind=zzz")
    assert response.status_code == 200


def test_the_listing_paginates_and_keeps_the_filters(client, campaign_index, theme):
    for number in range(14):
        publish(campaign_index, title=f"แคมเปญ {number}", theme=theme)
    first = client.get("/th/campaigns/?theme=25-november").content.decode()
    assert first.count('class="card"') == 12
    assert "?theme=25-november&amp;page=2" in first
    second = client.get("/th/campaigns/?theme=25-november&page=2").content.decode()
    assert second.count('class="card"') == 2


def test_the_listing_makes_the_same_number_of_queries_for_5_and_50_campaigns(client, campaign_index, theme):
    with_five, with_fifty = listing_queries_with_5_and_50(
        client, "/th/campaigns/", lambda: publish(campaign_index, theme=theme, hero_image=ImageFactory())
    )
    assert with_five == with_fifty


def test_listing_images_are_lazy_webp_renditions_with_sizes(client, campaign_index):
    publish(campaign_index, hero_image=ImageFactory())
    html = client.get("/th/campaigns/").content.decode()
    assert 'loading="lazy"' in html
    assert "srcset=" in html
    assert ".webp" in html
    assert 'width="' in html and 'height="' in html


def test_each_language_has_its_own_atom_feed(client, campaign, english_campaign_index):
    from ..conftest import translate

    translate(campaign, "en", title="25 November 2025")
    thai = client.get("/th/campaigns/feed/")
    english = client.get("/en/campaigns/feed/")
    assert thai["Content-Type"].startswith("application/atom+xml")
    assert "25 พฤศจิกายน 2568" in thai.content.decode()
    assert "25 November 2025" in english.content.decode()
    assert "25 พฤศจิกายน 2568" not in english.content.decode()


def test_the_listing_advertises_its_feed(client, campaign_index):
    html = client.get("/th/campaigns/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert "/th/campaigns/feed/" in html


def test_listing_and_search_pages_have_no_inline_script_or_style(client, campaign):
    for url in ("/th/campaigns/", "/th/search/?q=ความรุนแรง"):
        assert_no_inline_script_or_style(client.get(url).content.decode(), url)
