"""Fixtures for the story tests: a story index in Thai and English, and live stories with consent."""

import pytest

from stories.factories import StoryConsentFactory, StoryIndexPageFactory, StoryPageFactory

from ..conftest import english_translation


@pytest.fixture
def story_index(home):
    return StoryIndexPageFactory(parent=home)


english_story_index = english_translation("story_index", title="Stories")


def publish_story(index, *, languages=("th", "en"), **fields):
    """A Thai story with consent for ``languages`` on the website, published."""
    story = StoryPageFactory(parent=index, **fields)
    consent = StoryConsentFactory(story=story, languages=list(languages))
    story.save_revision().publish()
    story.refresh_from_db()
    story.consent = consent
    return story


@pytest.fixture
def story(story_index):
    return publish_story(story_index, title="เสียงของฉัน", slug="my-voice", intro="ความรุนแรงต่อสตรีต้องหมดไป")
