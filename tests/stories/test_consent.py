"""A story is live only while consent covers it; withdrawing or expiry takes every translation down."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from stories.factories import StoryConsentFactory, StoryPageFactory
from stories.models import ConsentRequiredError, StoryPage
from stories.services import expire_story_consents, withdraw_consent

from ..conftest import translate
from .conftest import publish_story


def test_a_story_without_consent_cannot_be_published(story_index):
    story = StoryPageFactory(parent=story_index)
    with pytest.raises(ConsentRequiredError):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live


def test_a_story_cannot_be_saved_live_without_consent(story_index):
    story = StoryPageFactory(parent=story_index)
    story.live = True
    with pytest.raises(ValidationError):
        story.full_clean()


def test_consent_for_thai_only_does_not_let_the_english_translation_go_live(story_index, english_story_index):
    story = publish_story(story_index, languages=["th"])
    with pytest.raises(ConsentRequiredError):
        translate(story, "en", title="My voice")
    assert not StoryPage.objects.filter(locale__language_code="en", live=True).exists()


def test_consent_that_does_not_cover_the_website_does_not_count(story_index):
    story = StoryPageFactory(parent=story_index)
    StoryConsentFactory(story=story, channels=["print"])
    with pytest.raises(ConsentRequiredError):
        story.save_revision().publish()


def test_publishing_from_the_admin_without_consent_keeps_a_draft_and_says_why(
    story_index, admin_user, client_as
):
    story = StoryPageFactory(parent=story_index)
    story.save_revision()
    client = client_as(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    form_page = client.get(edit_url)
    assert form_page.status_code == 200
    response = client.post(edit_url, _edit_post_data(story, publish=True), follow=True)
    story.refresh_from_db()
    assert not story.live
    assert "consent" in response.content.decode().lower()


def _edit_post_data(story, *, publish: bool) -> dict:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "storyteller": story.storyteller.pk,
            "intro": story.intro,
            "body": streamfield([("paragraph", rich_text("<p>เรื่องราว</p>"))]),
            "comments": inline_formset([]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def test_withdrawing_consent_unpublishes_every_translation_at_once(story, english_story_index, editor):
    english = translate(story, "en", title="My voice")
    english.refresh_from_db()
    assert english.live and story.live
    unpublished = withdraw_consent(consent=story.consent, by=editor)
    assert {page.pk for page in unpublished} == {story.pk, english.pk}
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()
    story.consent.refresh_from_db()
    assert story.consent.withdrawn_at is not None
    assert story.consent.withdrawn_by == editor


def test_a_story_with_withdrawn_consent_cannot_be_published_again(story):
    withdraw_consent(consent=story.consent, by=None)
    story.refresh_from_db()
    with pytest.raises(ConsentRequiredError):
        story.save_revision().publish()


def test_expired_consent_unpublishes_the_story(story_index):
    story = publish_story(story_index)
    story.consent.valid_until = datetime.date(2025, 12, 31)
    story.consent.save()
    assert expire_story_consents(today=datetime.date(2025, 12, 31)) == []
    unpublished = expire_story_consents(today=datetime.date(2026, 1, 1))
    assert [page.pk for page in unpublished] == [story.pk]
    story.refresh_from_db()
    assert not story.live


def test_the_daily_command_unpublishes_stories_whose_consent_ended(story_index):
    story = publish_story(story_index)
    story.consent.valid_until = datetime.date(2020, 1, 1)
    story.consent.given_on = datetime.date(2019, 1, 1)
    story.consent.save()
    output = io.StringIO()
    call_command("expire_story_consents", stdout=output)
    story.refresh_from_db()
    assert not story.live
    assert "1 story page" in output.getvalue()


def test_staff_withdraw_consent_from_the_admin(story, admin_user, client_as):
    client = client_as(admin_user)
    url = reverse("stories_withdraw_consent", args=[story.consent.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live


def test_an_outsider_cannot_withdraw_consent(story, outsider, client_as):
    response = client_as(outsider).post(reverse("stories_withdraw_consent", args=[story.consent.pk]))
    assert response.status_code in (302, 403)
    story.refresh_from_db()
    assert story.live


def test_survivor_stories_are_marked_sensitive_by_default(story_index):
    from stories.factories import StorytellerFactory

    survivor = StorytellerFactory(kind="survivor", use_alias=True, alias="น้ำ")
    story = StoryPageFactory(parent=story_index, storyteller=survivor)
    assert story.is_sensitive


def test_a_storyteller_under_an_alias_needs_the_alias_and_no_photo(db):
    from wagtail_factories import ImageFactory

    from stories.factories import StorytellerFactory

    with pytest.raises(ValidationError):
        StorytellerFactory.build(use_alias=True, alias="").clean()
    with pytest.raises(ValidationError):
        StorytellerFactory.build(use_alias=True, alias="น้ำ", photo=ImageFactory()).clean()


def send_consent_form(staff, url: str, story, **fields) -> None:
    """Staff send the consent snippet's admin form at ``url``: for ``story``, the website, in Thai and English."""
    data = {
        "story": story.pk,
        "languages": ["th", "en"],
        "channels": ["website"],
        "valid_until": "",
        **fields,
    }
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_staff_record_consent_in_the_admin_then_the_story_can_be_published(
    story_index, admin_user, client_as
):
    from stories.models import StoryConsent

    story = StoryPageFactory(parent=story_index)
    send_consent_form(
        client_as(admin_user),
        "/admin/snippets/stories/storyconsent/add/",
        story,
        consented_by="ผู้เล่าเรื่องเอง",
        given_on="2025-01-01",
        record_location="แฟ้มความยินยอม",
    )
    consent = StoryConsent.objects.get()
    assert consent.languages == ["th", "en"] and consent.channels == ["website"]
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.live


def test_shortening_consent_in_the_admin_takes_the_story_down_at_once(story, admin_user, client_as):
    consent = story.consent
    send_consent_form(
        client_as(admin_user),
        f"/admin/snippets/stories/storyconsent/edit/{consent.pk}/",
        story,
        consented_by=consent.consented_by,
        given_on="2020-01-01",
        valid_until="2020-12-31",
        record_location="",
    )
    story.refresh_from_db()
    assert not story.live
