"""Factories for the cross-cutting models, shared by the tests and the demo content."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import Footer, HelpLine, HomePage, MainMenu, StandardPage


def locale(language_code: str = "th") -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "ภาคี"
    slug = "home"
    intro = "เครือข่ายภาคีเพื่อยุติความรุนแรงต่อผู้หญิงและเด็ก"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"หน้า {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "ข้อมูลเกี่ยวกับภาคี"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = StandardPage


class HelpLineFactory(DjangoModelFactory):
    name = "ศูนย์ช่วยเหลือสังคม"
    number = "1300"
    description = "แจ้งเหตุความรุนแรงในครอบครัว การค้ามนุษย์ และขอความช่วยเหลือ"
    hours = "ตลอด 24 ชั่วโมง"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = HelpLine


class FooterFactory(DjangoModelFactory):
    organisation_name = "ภาคี"
    tagline = "ร่วมกันยุติความรุนแรง"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Footer


class MainMenuFactory(DjangoModelFactory):
    items = factory.LazyFunction(list)
    locale = factory.LazyFunction(locale)

    class Meta:
        model = MainMenu
