"""A translation made with "Translate" (wagtail-localize) stays a draft until a translator publishes it: not
reachable at its address, not listed, not in the feed or the sitemap."""

from django.urls import reverse
from wagtail.models import Locale

from campaigns.models import CampaignPage

ENGLISH_ADDRESS = "/en/campaigns/25-november-2025/"


def _send_for_translation(client, page, language_code: str):
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    return CampaignPage.objects.get(translation_key=page.translation_key, locale=locale)


def test_a_campaign_sent_for_translation_is_a_draft_nobody_can_read(
    campaign, english_campaign_index, admin_user, client_as, client
):
    english = _send_for_translation(client_as(admin_user), campaign, "en")

    assert not english.live and english.has_unpublished_changes
    assert client.get(ENGLISH_ADDRESS).status_code == 404
    assert ENGLISH_ADDRESS not in client.get("/en/campaigns/").content.decode()
    assert ENGLISH_ADDRESS not in client.get("/en/campaigns/feed/").content.decode()
    assert ENGLISH_ADDRESS not in client.get("/sitemap-en.xml").content.decode()


def test_the_translator_publishes_it_and_then_it_is_read_listed_and_in_the_feed(
    campaign, english_campaign_index, admin_user, client_as, client, django_capture_on_commit_callbacks
):
    translator = client_as(admin_user)
    english = _send_for_translation(translator, campaign, "en")

    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    english.refresh_from_db()
    assert english.live
    assert client.get(ENGLISH_ADDRESS).status_code == 200
    assert ENGLISH_ADDRESS in client.get("/en/campaigns/").content.decode()
    assert ENGLISH_ADDRESS in client.get("/en/campaigns/feed/").content.decode()
    assert ENGLISH_ADDRESS in client.get("/sitemap-en.xml").content.decode()


def test_the_parents_translate_copies_into_a_new_language_are_not_served_until_translated(
    campaign, admin_user, client_as, client
):
    Locale.objects.get_or_create(language_code="km")
    khmer = _send_for_translation(client_as(admin_user), campaign, "km")

    index, home = khmer.get_parent(), khmer.get_parent().get_parent()
    assert index.alias_of_id and home.alias_of_id  # Wagtail copied both as aliases of the Thai pages, live
    for address in ("/km/", "/km/campaigns/", "/km/campaigns/25-november-2025/"):
        assert client.get(address).status_code == 404, address
    assert "/km/" not in client.get("/sitemap-km.xml").content.decode()
    thai_page = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert '<link rel="alternate" hreflang="km"' not in thai_page
    assert client.get("/th/campaigns/").status_code == 200  # the originals are served as before
