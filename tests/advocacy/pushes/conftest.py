"""Fixtures for policy pushes: a target, a push owned by a Secretariat member, and deliveries dated from today.

Personas come from ``tests/advocacy/conftest.py``: ``secretariat_member`` (owns the pushes),
``safeguarding_member``, ``representative`` (a partner's representative); ``admin_user`` from ``tests/conftest.py``.
"""

import datetime

import pytest
from django.utils import timezone

from advocacy.pushes.models import Delivery, PolicyPush, Response, Stage
from advocacy.pushes.pages import PolicyPushIndexPage, PolicyPushPage
from petitions.factories import DecisionMakerFactory


@pytest.fixture
def ministry(db):
    return DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ")


@pytest.fixture
def governor(db):
    return DecisionMakerFactory(institution="จังหวัดเชียงราย", office="ผู้ว่าราชการจังหวัด")


@pytest.fixture
def push(secretariat_member, ministry):
    push = PolicyPush.objects.create(
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่",
        demand="ขอให้กระทรวงยกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงตีสี่",
        owner=secretariat_member,
        stage=Stage.AWAITING,
    )
    push.targets.set([ministry])
    push.save()
    return push


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def deliver(push, ministry):
    """A delivery of ``push`` to the ministry whose answer is due ``due_in`` days from today (negative: passed)."""

    def make(due_in: int, *, target=None, delivered_days_before_deadline: int = 30) -> Delivery:
        deadline = days_from_today(due_in)
        return Delivery.objects.create(
            push=push,
            target=target or ministry,
            delivered_on=deadline - datetime.timedelta(days=delivered_days_before_deadline),
            what="หนังสือข้อเรียกร้องและรายชื่อผู้ลงชื่อ 12,000 รายชื่อ",
            receipt_number="กก 0201/4567",
            response_deadline=deadline,
        )

    return make


@pytest.fixture
def answer(push, ministry):
    def make(on: datetime.date, *, target=None) -> Response:
        return Response.objects.create(
            push=push,
            target=target or ministry,
            received_on=on,
            summary="รับเรื่องไว้พิจารณา",
            classification="referred",
        )

    return make


@pytest.fixture
def push_index(home):
    """The list of public pushes, /th/pushes/."""
    index = PolicyPushIndexPage(title="ผลักดันนโยบาย", slug="pushes", intro="ข้อเรียกร้องที่เรายื่นและคำตอบที่ได้")
    home.add_child(instance=index)
    return index


@pytest.fixture
def push_page(push_index, push):
    """The public page of ``push`` under /th/pushes/, published."""
    page = PolicyPushPage(title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife", push=push, intro="ตีสี่ไม่ใช่คำตอบ")
    push_index.add_child(instance=page)
    page.save_revision().publish()
    return page
