"""Factories for partners, shared by the tests and the demo content."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from site_project.factories import locale

from . import seed_data
from .models import (
    MemberDocument,
    PartnerIndexPage,
    PartnerPage,
    Pillar,
    Representative,
    Service,
    WorkingLanguage,
)

# Languages partners in the Mekong region work in: (slug, Thai name, English name).
WORKING_LANGUAGES = (
    ("th", "ไทย", "Thai"),
    ("en", "อังกฤษ", "English"),
    ("my", "พม่า", "Burmese"),
    ("km", "เขมร", "Khmer"),
    ("lo", "ลาว", "Lao"),
    ("shan", "ไทใหญ่", "Shan"),
    ("akha", "อาข่า", "Akha"),
    ("lahu", "ลาหู่", "Lahu"),
)


def ensure_vocabularies() -> None:
    """Create the pillars, services and working languages from the seed vocabularies. Idempotent."""
    for model, terms in (
        (Pillar, seed_data.PILLARS),
        (Service, seed_data.SERVICES),
        (WorkingLanguage, WORKING_LANGUAGES),
    ):
        for order, (slug, thai, english) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug, defaults={"name": thai, "name_en": english, "sort_order": order}
            )


class PillarFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"pillar-{n}")
    name = factory.Sequence(lambda n: f"เสาหลัก {n}")
    name_en = factory.Sequence(lambda n: f"Pillar {n}")

    class Meta:
        model = Pillar
        django_get_or_create = ("slug",)


class ServiceFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.Sequence(lambda n: f"บริการ {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")

    class Meta:
        model = Service
        django_get_or_create = ("slug",)


class WorkingLanguageFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"language-{n}")
    name = factory.Sequence(lambda n: f"ภาษา {n}")
    name_en = factory.Sequence(lambda n: f"Language {n}")

    class Meta:
        model = WorkingLanguage
        django_get_or_create = ("slug",)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "ภาคีเครือข่าย"
    slug = "partners"
    intro = "องค์กรสมาชิกและภาคีที่ทำงานร่วมกัน"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"มูลนิธิทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    kind = "ngo"
    description = "องค์กรที่ทำงานด้านการคุ้มครองเด็ก"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PartnerPage
        skip_postgeneration_save = True

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        """``terms={"pillars": [...], "services": [...], "working_languages": [...], "provinces": [...]}``."""
        if not create or not extracted:
            return
        for field in ("pillars", "services", "working_languages"):
            if field in extracted:
                getattr(self, field).set(extracted[field])
        for order, code in enumerate(extracted.get("provinces", ())):
            self.areas.create(province=code, sort_order=order)
        self.save()
        self.save_revision().publish()


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"rep{n}@example.org")
    email = factory.LazyAttribute(lambda user: user.username)
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class RepresentativeFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerPageFactory)
    preferred_language = "th"

    class Meta:
        model = Representative


class MemberDocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"รายงาน {n}")
    summary = "สรุปผลการดำเนินงาน"
    language = "th"
    file = factory.LazyAttribute(lambda doc: ContentFile(b"%PDF-1.4 members only\n", name="report.pdf"))

    class Meta:
        model = MemberDocument
