"""A reader on a phone, with JavaScript off, reads a policy push's public page: the overdue answer in words,
nothing wider than the screen, and no accessibility violation."""

import datetime

import pytest
from django.utils import timezone

from advocacy.pushes.models import Commitment, Delivery, PolicyPush, Response, Stage
from advocacy.pushes.pages import PolicyPushIndexPage, PolicyPushPage
from petitions.factories import DecisionMakerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def push_page(home):
    ministry = DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ")
    push = PolicyPush.objects.create(
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่",
        demand="ขอให้กระทรวงยกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงตีสี่",
        stage=Stage.AWAITING,
    )
    push.targets.set([ministry])
    push.save()
    for due_in in (-70, -1):
        Delivery.objects.create(
            push=push,
            target=ministry,
            delivered_on=days_from_today(due_in - 30),
            place="ห้องรับเรื่องร้องเรียน ศูนย์ราชการ แจ้งวัฒนะ กรุงเทพมหานคร",
            what="หนังสือข้อเรียกร้องและรายชื่อผู้ลงชื่อ 12,000 รายชื่อ",
            receipt_number="กก 0201/4567-ยาวมากเพื่อทดสอบหน้าจอแคบ",
            response_deadline=days_from_today(due_in),
        )
    Response.objects.create(
        push=push,
        target=ministry,
        received_on=days_from_today(-80),
        summary="รับเรื่องไว้พิจารณา",
        classification="referred",
    )
    Commitment.objects.create(
        push=push, target=ministry, promise="ทบทวนนโยบายภายในสิ้นปี", due_on=days_from_today(30)
    )
    index = PolicyPushIndexPage(title="ผลักดันนโยบาย", slug="pushes")
    home.add_child(instance=index)
    page = PolicyPushPage(title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife", push=push, intro="ตีสี่ไม่ใช่คำตอบ")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("url", ["/th/pushes/nightlife/", "/th/pushes/"])
def test_a_push_reads_on_a_360_pixel_phone_without_javascript(
    live_server, js_disabled_page, push_page, url, axe_violations, format_violations
):
    js_disabled_page.set_viewport_size({"width": 360, "height": 800})
    js_disabled_page.goto(live_server.url + url)
    assert "เลยกำหนด" in js_disabled_page.locator("main").inner_text()
    overflow = js_disabled_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    violations = axe_violations(js_disabled_page)
    assert not violations, format_violations(violations)
