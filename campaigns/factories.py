"""Factories for campaigns, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from site_project.factories import locale

from .models import CampaignIndexPage, CampaignPage, CampaignTheme


class CampaignThemeFactory(DjangoModelFactory):
    name = "25 พฤศจิกายน / 16 วันแห่งการรณรงค์"
    slug = factory.Sequence(lambda n: f"theme-{n}")
    key_dates = "25 พฤศจิกายน – 10 ธันวาคม"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = CampaignTheme


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "แคมเปญ"
    slug = "campaigns"
    intro = "การรณรงค์ในวันสำคัญของภาคีเครือข่าย"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"แคมเปญ {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    intro = "ร่วมยุติความรุนแรงต่อผู้หญิงและเด็ก"
    year = 2025
    kind = "national"
    key_date = datetime.date(2025, 11, 25)
    start_date = datetime.date(2025, 11, 25)
    end_date = datetime.date(2025, 12, 10)
    locale = factory.LazyFunction(locale)

    class Meta:
        model = CampaignPage
