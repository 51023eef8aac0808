"""A petition's own timeline shows the ledger of the public pushes that carry it: each delivery (to whom, when,
the receipt number, overdue or not), each answer and each promise, merged with the editors' entries by date, in
the reader's language, fresh as soon as the ledger changes, at a fixed cost in queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advocacy.pushes.models import Commitment, Delivery, Kept, PolicyPush, Stage
from advocacy.pushes.pages import PolicyPushPage
from advocacy.pushes.timeline import ledger_entries
from petitions.factories import DecisionMakerFactory, PetitionPageFactory, PetitionUpdateFactory
from petitions.selectors import petition_timeline

from ...conftest import translate
from .conftest import days_from_today

URL = "/th/petitions/four/"


@pytest.fixture
def petition(petition_index, push, push_page):
    """A petition carried by the (public) nightlife push, with one entry of its own."""
    page = PetitionPageFactory(parent=petition_index, title="ตีสี่ไม่เอา", slug="four")
    page.save_revision().publish()
    PetitionUpdateFactory(page=page, date=datetime.date(2025, 1, 10), kind="news", text="เปิดให้ลงชื่อ")
    push.petitions.set([page])
    push.save()
    return page


def html_of(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_petition_page_shows_each_delivery_answer_and_promise_in_date_order(
    client, petition, push, ministry, deliver, answer
):
    deliver(-3)  # delivered 33 days ago, answer due 3 days ago: overdue
    answer(days_from_today(-1))
    Commitment.objects.create(
        push=push, target=ministry, promise="จะทบทวนเวลาเปิดปิด", due_on=days_from_today(-1), kept=Kept.YES
    )
    html = html_of(client)
    assert "ยื่นถึง รัฐมนตรีว่าการ · กระทรวงการท่องเที่ยวและกีฬา" in html
    assert "เลขที่รับหนังสือ: กก 0201/4567" in html
    assert "คำตอบจาก รัฐมนตรีว่าการ · กระทรวงการท่องเที่ยวและกีฬา (ส่งต่อหน่วยงานอื่น)" in html
    assert "รับเรื่องไว้พิจารณา" in html
    assert "คำมั่นของ" in html and "จะทบทวนเวลาเปิดปิด" in html
    timeline = html.split('class="petition-timeline"', 1)[1].split("</ol>", 1)[0]
    assert timeline.index("คำตอบจาก") < timeline.index("ยื่นถึง") < timeline.index("เปิดให้ลงชื่อ")  # latest first


def test_an_unanswered_delivery_reads_overdue_in_thai_and_in_english(
    client, petition, push, deliver, english_home
):
    deliver(-3)
    assert "เลยกำหนดมา 3 วัน" in html_of(client)
    english_index = translate(petition.get_parent(), "en", title="Petitions")
    english = translate(petition, "en", title="No to 4 a.m.")
    assert english_index.live
    html = html_of(client, english.url)
    assert "Delivered to" in html and "overdue by 3 days" in html
    # The receipt number stays in Thai, in a Thai voice: "Receipt number: <span lang="th">กก</span> 0201/4567".
    assert 'Receipt number: <span lang="th">กก</span> 0201/4567' in html


def test_the_targets_are_named_in_the_readers_language(client, petition, ministry, deliver, english_home):
    deliver(-3)
    english_ministry = ministry.copy_for_translation(english_home.locale)
    english_ministry.institution, english_ministry.office = "Ministry of Tourism and Sports", "Minister"
    english_ministry.save()
    translate(petition.get_parent(), "en", title="Petitions")
    english = translate(petition, "en", title="No to 4 a.m.")
    assert "Delivered to Minister · Ministry of Tourism and Sports" in html_of(client, english.url)


def test_a_push_without_a_live_page_adds_nothing(client, petition, push_page, deliver):
    deliver(-3)
    push_page.unpublish()
    html = html_of(client)
    assert "กก 0201/4567" not in html and "เปิดให้ลงชื่อ" in html


def test_a_cached_petition_page_changes_as_soon_as_the_ledger_does(
    client, settings, petition, deliver, answer, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 30
    deliver(-3)
    client.get(URL)  # the very first request creates the site settings row, a content change
    client.get(URL)
    cached = client.get(URL)
    assert cached["X-Page-Cache"] == "hit" and "เลยกำหนดมา 3 วัน" in cached.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer(timezone.localdate())
    fresh = client.get(URL)
    assert fresh["X-Page-Cache"] == "miss"
    assert "เลยกำหนด" not in fresh.content.decode() and "รับเรื่องไว้พิจารณา" in fresh.content.decode()


def test_the_petition_page_stays_within_its_budget_with_a_ledger(
    client, petition, deliver, answer, django_assert_max_num_queries
):
    deliver(-3)
    answer(days_from_today(-1))
    client.get(URL)
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200


def test_the_timeline_is_read_in_the_same_queries_whatever_the_size_of_the_ledger(
    petition, push, push_index, secretariat_member, deliver, answer
):
    def queries() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            petition_timeline(petition, today=timezone.localdate())
        return len(captured)

    deliver(-3)
    with_one = queries()
    for n in range(4):
        target = DecisionMakerFactory(institution=f"จังหวัดที่ {n}")
        other = PolicyPush.objects.create(
            title=f"ข้อที่ {n}", demand="-", owner=secretariat_member, stage=Stage.DELIVERED
        )
        other.targets.set([target])
        other.petitions.set([petition])
        other.save()
        push_index.add_child(instance=PolicyPushPage(title=f"ข้อที่ {n}", slug=f"push-{n}", push=other))
        Delivery.objects.create(push=other, target=target, delivered_on=days_from_today(-n), what="จดหมาย")
    for n in range(6):
        deliver(-n)
        answer(days_from_today(-n))
    assert queries() == with_one <= 6


def test_a_petition_no_public_push_carries_reads_the_ledger_in_one_query(petition_index, push, push_page):
    alone = PetitionPageFactory(parent=petition_index, title="ไม่มีใครยื่น", slug="alone")
    alone.save_revision().publish()
    with CaptureQueriesContext(connection) as captured:
        assert ledger_entries(petition=alone, today=timezone.localdate()) == []
    assert len(captured) == 1
