"""The demo content for campaigns and stories: both years of 25 November, Songkran, the two stories."""

from campaigns.models import CampaignPage
from stories.models import StoryPage


def test_the_demo_has_both_years_of_25_november_and_songkran_in_thai_and_english(demo, client):
    for slug in ("25-november-2024", "25-november-2025", "songkran-2025"):
        pages = CampaignPage.objects.live().filter(slug=slug)
        assert {page.locale.language_code for page in pages} == {"th", "en"}, slug
        assert client.get(f"/th/campaigns/{slug}/").status_code == 200
        assert client.get(f"/en/campaigns/{slug}/").status_code == 200
    assert (
        CampaignPage.objects.get(slug="25-november-2025", locale__language_code="th").other_years().exists()
    )


def test_the_demo_stories_are_live_with_consent_and_the_survivor_under_an_alias(demo, client):
    influencer = StoryPage.objects.get(slug="dont-tell-me-how-to-dress", locale__language_code="en")
    survivor = StoryPage.objects.get(slug="nam-speaks-for-herself", locale__language_code="th")
    assert influencer.live and influencer.has_consent()
    assert survivor.live and survivor.has_consent() and survivor.is_sensitive
    html = client.get("/th/stories/nam-speaks-for-herself/").content.decode()
    assert "น้ำ" in html and "ชื่อจริงเก็บไว้" not in html
    assert "data-quick-exit" in html
    assert "Cindy Sirinya Bishop" in client.get("/en/stories/dont-tell-me-how-to-dress/").content.decode()


def test_loading_the_demo_twice_changes_nothing(demo):
    import io

    from django.core.management import call_command

    before = (CampaignPage.objects.count(), StoryPage.objects.count())
    call_command("load_demo_data", stdout=io.StringIO())
    assert (CampaignPage.objects.count(), StoryPage.objects.count()) == before
