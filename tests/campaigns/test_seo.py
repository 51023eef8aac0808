"""Sharing and search engines: Open Graph, canonical and hreflang, sitemaps per language, robots.txt."""

from ..conftest import translate


def test_a_campaign_has_canonical_hreflang_and_open_graph_tags(client, campaign, english_campaign_index):
    translate(campaign, "en", title="25 November 2025")
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1/th/campaigns/25-november-2025/">' in html
    assert (
        '<link rel="alternate" hreflang="th" href="http://127.0.0.1/th/campaigns/25-november-2025/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="en" href="http://127.0.0.1/en/campaigns/25-november-2025/">' in html
    )
    assert 'hreflang="x-default"' in html
    assert '<meta property="og:title" content="25 พฤศจิกายน 2568">' in html
    assert '<meta property="og:locale" content="th_TH">' in html
    assert '<meta name="twitter:card"' in html


def test_the_sharing_image_is_a_1200_by_630_rendition(client, campaign):
    from wagtail_factories import ImageFactory

    campaign.hero_image = ImageFactory(file__width=1600, file__height=900)
    campaign.save_revision().publish()
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert '<meta property="og:image" content="http://127.0.0.1/' in html
    assert '<meta property="og:image:width" content="1200">' in html


def test_the_sitemap_index_lists_one_sitemap_per_language(client, campaign):
    html = client.get("/sitemap.xml").content.decode()
    for code in ("th", "en", "km", "my"):
        assert f"/sitemap-{code}.xml" in html


def test_each_language_sitemap_lists_only_its_live_pages(client, campaign, english_campaign_index):
    translate(campaign, "en", title="25 November 2025")
    thai = client.get("/sitemap-th.xml").content.decode()
    english = client.get("/sitemap-en.xml").content.decode()
    assert "/th/campaigns/25-november-2025/" in thai
    assert "/en/campaigns/25-november-2025/" not in thai
    assert "/en/campaigns/25-november-2025/" in english


def test_robots_txt_points_to_the_sitemap(client, home):
    assert "Sitemap: http://127.0.0.1/sitemap.xml" in client.get("/robots.txt").content.decode()
