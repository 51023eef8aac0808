"""Factories for petitions, shared by the tests and the demo content."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from site_project.factories import locale

from .models import (
    DecisionMaker,
    PaperBatch,
    PetitionIndexPage,
    PetitionPage,
    PetitionUpdate,
    Signature,
    SignatureStatus,
)
from .services import canonical_email


class DecisionMakerFactory(DjangoModelFactory):
    institution = "กระทรวงการท่องเที่ยวและกีฬา"
    office = "รัฐมนตรีว่าการ"
    official_name = ""
    locale = factory.LazyFunction(locale)

    class Meta:
        model = DecisionMaker


class PetitionIndexPageFactory(wagtail_factories.PageFactory):
    title = "ร่วมลงชื่อ"
    slug = "petitions"
    intro = "ร่วมลงชื่อสนับสนุนข้อเสนอของภาคีเครือข่าย"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PetitionIndexPage


class PetitionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"ข้อเสนอ {n}")
    slug = factory.Sequence(lambda n: f"petition-{n}")
    summary = "ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่"
    demand = "ขอให้กระทรวงการท่องเที่ยวและกีฬายกเลิกนโยบายเปิดสถานบันเทิงถึงเวลา 04.00 น."
    goal = 1000
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PetitionPage


class PetitionUpdateFactory(DjangoModelFactory):
    date = factory.LazyFunction(timezone.localdate)
    kind = PetitionUpdate.Kind.DELIVERED
    text = "ยื่นรายชื่อต่อกระทรวงแล้ว"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PetitionUpdate


class SignatureFactory(DjangoModelFactory):
    """A signature as the service stores it. ``petition`` must be the counting (original-language) page."""

    name = factory.Sequence(lambda n: f"ผู้ลงชื่อ {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    email_canonical = factory.LazyAttribute(lambda o: canonical_email(o.email))
    province = "bangkok"
    locale = "th"
    source = ""
    consent_notice_version = "test"
    consented_at = factory.LazyFunction(timezone.now)
    status = SignatureStatus.PENDING

    class Meta:
        model = Signature

    class Params:
        confirmed = factory.Trait(
            status=SignatureStatus.CONFIRMED, confirmed_at=factory.LazyFunction(timezone.now)
        )


class PaperBatchFactory(DjangoModelFactory):
    """A paper batch as entered, waiting for its check: confirm it with ``services.confirm_paper_batch`` so it
    is counted. ``petition`` must be the counting (original-language) page."""

    event_name = "บูธรณรงค์ตลาดนัดไนท์บาซาร์"
    event_date = factory.LazyFunction(timezone.localdate)
    province = "chiang-rai"
    count = 120

    class Meta:
        model = PaperBatch
