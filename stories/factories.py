"""Factories for stories and consents, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from site_project.factories import locale

from .models import WEBSITE, StoryConsent, StoryIndexPage, StoryPage, Storyteller


class StorytellerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"ผู้เล่าเรื่อง {n}")
    kind = "activist"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Storyteller


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "เรื่องเล่า"
    slug = "stories"
    intro = "ตัวจริงเสียงจริง: เรื่องจากผู้ที่ผ่านพ้นมาแล้ว"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    """A story page. Created as a draft: a story goes live only through ``publish`` with consent recorded."""

    title = factory.Sequence(lambda n: f"เรื่องเล่า {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    storyteller = factory.SubFactory(StorytellerFactory)
    intro = "เรื่องเล่าจากตัวจริงเสียงจริง"
    story_date = datetime.date(2025, 3, 8)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>เรื่องราวของฉัน</p>")])
    live = False
    locale = factory.LazyFunction(locale)

    class Meta:
        model = StoryPage


class StoryConsentFactory(DjangoModelFactory):
    story = factory.SubFactory(StoryPageFactory)
    consented_by = "ผู้เล่าเรื่องเอง"
    languages = factory.LazyFunction(lambda: ["th", "en"])
    channels = factory.LazyFunction(lambda: [WEBSITE, "social"])
    given_on = datetime.date(2025, 1, 1)
    valid_until = None

    class Meta:
        model = StoryConsent
