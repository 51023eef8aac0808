"""Campaign pages as readers and editors meet them: blocks, the petition form, video, events and languages."""

import re

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignIndexPage, CampaignPage
from petitions.models import Signature
from stories.factories import StoryConsentFactory, StoryIndexPageFactory, StoryPageFactory

from ..conftest import assert_no_inline_script_or_style, translate
from .conftest import VIDEO_URL, campaign_body


def test_campaigns_live_only_under_the_campaign_index():
    assert CampaignPage.allowed_parent_page_models() == [CampaignIndexPage]
    assert CampaignPage.allowed_subpage_models() == []
    assert [model.__name__ for model in CampaignIndexPage.allowed_parent_page_models()] == ["HomePage"]


def campaign_html(client, language: str) -> str:
    """The campaign page in ``language``, which says it is in that language."""
    response = client.get(f"/{language}/campaigns/25-november-2025/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    return html


def test_a_campaign_renders_in_thai_with_buddhist_era_dates(client, campaign):
    html = campaign_html(client, "th")
    assert "25 พฤศจิกายน 2568" in html
    assert "2,000+" in html
    assert "เชียงราย" in html


def test_a_campaign_renders_in_english(client, campaign, english_campaign_index):
    translate(campaign, "en", title="25 November 2025", intro="End violence against women and children")
    html = campaign_html(client, "en")
    assert "25 November 2025" in html
    assert "Chiang Rai" in html


def test_the_video_loads_nothing_from_the_video_site_until_clicked(client, campaign):
    response = client.get("/th/campaigns/25-november-2025/")
    html = response.content.decode()
    assert "<iframe" not in html
    assert f'href="{VIDEO_URL}"' in html  # without JavaScript: a plain link to the video
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]
    assert "js/video.js" in html


def test_a_campaign_without_video_keeps_the_strict_policy(client, campaign_index):
    from campaigns.factories import CampaignPageFactory

    page = CampaignPageFactory(parent=campaign_index, slug="plain")
    page.save_revision().publish()
    response = client.get("/th/campaigns/plain/")
    assert "frame-src" not in response["Content-Security-Policy"]


def test_the_petition_block_shows_the_live_count_and_the_sign_form(client, campaign, petition):
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert f'action="/th/petitions/sign/{petition.pk}/"' in html
    assert 'name="form_token"' in html


def test_the_embedded_form_signs_the_petition(client, campaign, petition, django_capture_on_commit_callbacks):
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    action = re.search(r'<form method="post" action="([^"]+)" class="petition-form"', html).group(1)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action,
            {
                "name": "สมหญิง ใจดี",
                "email": "somying@example.org",
                "province": "chiang-rai",
                "consent": "on",
                "form_token": token,
            },
        )
    assert response.status_code in (200, 302)
    assert Signature.objects.filter(petition_id=petition.pk, email="somying@example.org").exists()


def test_events_carry_schema_org_event_data(client, campaign):
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert '"@type": "Event"' in html
    assert '"startDate": "2025-11-25T16:00:00+07:00"' in html
    assert '"endDate": "2025-11-25T18:00:00+07:00"' in html


def test_the_campaign_page_has_no_inline_script_or_style(client, campaign):
    assert_no_inline_script_or_style(client.get("/th/campaigns/25-november-2025/").content.decode())


def test_the_other_years_of_a_theme_are_linked(client, campaign, campaign_index, theme):
    from campaigns.factories import CampaignPageFactory

    last_year = CampaignPageFactory(parent=campaign_index, slug="25-november-2024", year=2024, theme=theme)
    last_year.save_revision().publish()
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert "/th/campaigns/25-november-2024/" in html
    assert "2567" in html


def test_stories_of_the_campaign_appear_on_it(client, campaign):
    from stories.factories import StoryConsentFactory, StoryIndexPageFactory, StoryPageFactory

    index = StoryIndexPageFactory(parent=campaign.get_parent().get_parent())
    story = StoryPageFactory(parent=index, title="เสียงจากเชียงราย", related_campaign=campaign)
    StoryConsentFactory(story=story)
    story.save_revision().publish()
    assert "เสียงจากเชียงราย" in client.get("/th/campaigns/25-november-2025/").content.decode()


def test_stories_of_its_theme_appear_on_a_campaign_and_stories_of_other_campaigns_do_not(
    client, campaign, theme
):
    index = StoryIndexPageFactory(parent=campaign.get_parent().get_parent())
    stories = {
        "themed": StoryPageFactory(parent=index, title="เสียงจากปีก่อน", themes=[theme]),
        "unrelated": StoryPageFactory(parent=index, title="เรื่องอื่น", slug="elsewhere"),
    }
    for story in stories.values():
        StoryConsentFactory(story=story)
        story.save_revision().publish()
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert "เสียงจากปีก่อน" in html
    assert "เรื่องอื่น" not in html


def test_an_editor_creates_and_publishes_a_campaign_with_petition_event_and_video_in_the_admin(
    client, campaign_index, theme, petition, admin_user, client_as
):
    body = campaign_body(petition)
    form_blocks = []
    for block_type, value in body:
        if block_type == "paragraph":
            value = rich_text(value)
        elif block_type == "petition":
            value = {"petition": petition.pk, "intro": value["intro"]}
        elif block_type == "facts":
            value = {"heading": "", "facts": streamfield([])}
            continue
        elif block_type == "video":
            value = {"url": VIDEO_URL, "title": "คลิปรณรงค์", "poster": "", "caption": ""}
        elif block_type == "event":
            value = {
                **value,
                "date": "2025-11-25",
                "start_time": "16:00",
                "end_time": "18:00",
                "takes_rsvp": "on",
            }
        form_blocks.append((block_type, value))
    data = nested_form_data(
        {
            "title": "25 พฤศจิกายน 2568",
            "slug": "admin-made",
            "intro": "ร่วมยุติความรุนแรง",
            "theme": theme.pk,
            "year": 2025,
            "kind": "national",
            "province": "",
            "key_date": "2025-11-25",
            "start_date": "2025-11-25",
            "end_date": "2025-12-10",
            "hero_image": "",
            "hero_image_alt": "",
            "co_organisers": [],
            "body": streamfield(form_blocks),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", campaign_index.pk])
    response = client_as(admin_user).post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(slug="admin-made")
    assert page.live
    assert [block.block_type for block in page.body] == ["paragraph", "petition", "video", "event", "event"]
    html = client.get("/th/campaigns/admin-made/").content.decode()
    assert f'action="/th/petitions/sign/{petition.pk}/"' in html
    assert "data-video-embed" in html
    assert "หอนาฬิกาเชียงราย" in html
    assert Page.objects.get(pk=page.pk).live


def test_a_khmer_reader_sees_the_events_province_in_khmer(client, campaign, home, campaign_index):
    translate(home, "km", title="ភាគី")
    translate(campaign_index, "km", title="យុទ្ធនាការ")
    translate(campaign, "km", title="២៥ វិច្ឆិកា")
    html = client.get("/km/campaigns/25-november-2025/").content.decode()
    assert "หอนาฬิกาเชียงราย, ឈៀងរ៉ាយ" in html  # the venue as the editor wrote it, the province in Khmer
    assert '"addressRegion": "ឈៀងរ៉ាយ"' in html
