"""The demo content for campaigns and stories: the years of 25 November, Songkran, the two stories, RSVPs to this
year's events and the stories shared through the form."""

from django.db.models import Sum

from campaigns.models import CampaignPage, EventRSVP
from petitions.demo import campaign_year
from stories.models import StoryPage, StorySubmission


def test_the_demo_has_the_years_of_25_november_and_songkran_in_thai_and_english(demo, client):
    this_year = f"25-november-{campaign_year()}"
    for slug in ("25-november-2024", "25-november-2025", this_year, "songkran-2025"):
        pages = CampaignPage.objects.live().filter(slug=slug)
        assert {page.locale.language_code for page in pages} == {"th", "en"}, slug
        assert client.get(f"/th/campaigns/{slug}/").status_code == 200
        assert client.get(f"/en/campaigns/{slug}/").status_code == 200
    assert (
        CampaignPage.objects.get(slug="25-november-2025", locale__language_code="th").other_years().exists()
    )


def test_the_demo_has_a_live_campaign_for_each_of_the_four_key_dates_in_thai_and_english(demo, client):
    for theme, slug in (
        ("25-november", f"25-november-{campaign_year()}"),
        ("songkran", "songkran-2025"),
        ("mothers-day", "mothers-day-2025"),
        ("30-july", "30-july-2025"),
    ):
        pages = CampaignPage.objects.live().filter(slug=slug, theme__slug=theme)
        # At least: the 30 July campaign is in Khmer and Burmese too.
        assert {page.locale.language_code for page in pages} >= {"th", "en"}, slug
        for page in pages:
            assert page.theme_in_language() is not None and page.event_blocks() or theme == "songkran", slug
            assert client.get(page.url).status_code == 200, page.url
    july = CampaignPage.objects.get(slug="30-july-2025", locale__language_code="en")
    assert july.key_date.isoformat() == "2025-07-30" and "Chiang Rai" in july.title
    mothers = CampaignPage.objects.get(slug="mothers-day-2025", locale__language_code="th")
    assert mothers.key_date.isoformat() == "2025-08-12"
    assert "บ้านไม่ใช่เวทีมวย" in client.get("/th/campaigns/mothers-day-2025/").content.decode()


def test_this_years_events_have_rsvps_in_thai_and_english_and_the_training_is_nearly_full(demo, client):
    campaign = CampaignPage.objects.get(slug=f"25-november-{campaign_year()}", locale__language_code="th")
    walk, training, _talk = campaign.event_blocks()
    rsvps = EventRSVP.objects.filter(event_block_id=walk.id)
    assert set(rsvps.values_list("language", flat=True)) == {"th", "en"}  # one event, both pages
    people = EventRSVP.objects.filter(event_block_id=training.id).aggregate(n=Sum("people"))["n"]
    assert 0.9 * training.value["capacity"] <= people < training.value["capacity"]
    assert "รับได้ 40 คน" in client.get(f"/th/campaigns/{campaign.slug}/").content.decode()
    shared = StorySubmission.objects.all()
    assert shared.count() == 5 and set(shared.values_list("language", flat=True)) == {"th"}


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

    def counts():
        models = (CampaignPage, StoryPage, EventRSVP, StorySubmission)
        return [model.objects.count() for model in models]

    before = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
