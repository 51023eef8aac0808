"""Factories for advocacy's pages, shared by the tests and the demo."""

import factory
import wagtail_factories

from site_project.factories import locale

from .pushes.pages import PolicyPushIndexPage, PolicyPushPage


class PolicyPushIndexPageFactory(wagtail_factories.PageFactory):
    title = "ผลักดันนโยบาย"
    slug = "pushes"
    intro = "ข้อเรียกร้องที่เรายื่นต่อผู้มีอำนาจตัดสินใจ และคำตอบที่ได้"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PolicyPushIndexPage


class PolicyPushPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"ข้อเรียกร้อง {n}")
    slug = factory.Sequence(lambda n: f"push-{n}")
    locale = factory.LazyFunction(locale)

    class Meta:
        model = PolicyPushPage
