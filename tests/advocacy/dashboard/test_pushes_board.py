"""The dashboard's board of policy pushes: counts by stage, the answers due this week, the overdue ones and the
year's wins, each linking to its push in the admin, in English and in Thai, at a fixed cost in queries.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advocacy.pushes.models import Delivery, PolicyPush, Response, Stage
from petitions.factories import DecisionMakerFactory

from .helpers import TODAY, URL, reading


@pytest.fixture
def ministry(db):
    return DecisionMakerFactory(institution="กระทรวงการท่องเที่ยวและกีฬา", office="รัฐมนตรีว่าการ")


@pytest.fixture
def push_for(secretariat_member, ministry):
    """A push at ``stage`` addressed to the ministry."""

    def make(title: str, stage=Stage.AWAITING) -> PolicyPush:
        push = PolicyPush.objects.create(
            title=title, demand="ขอให้กระทรวงทบทวนนโยบาย", owner=secretariat_member, stage=stage
        )
        push.targets.set([ministry])
        return push

    return make


def deliver(push, target, *, due_in: int) -> Delivery:
    """A delivery of ``push`` whose answer is due ``due_in`` days from today (negative: already passed)."""
    deadline = TODAY + datetime.timedelta(days=due_in)
    return Delivery.objects.create(
        push=push,
        target=target,
        delivered_on=deadline - datetime.timedelta(days=30),
        what="หนังสือข้อเรียกร้อง",
        response_deadline=deadline,
    )


def answer(push, target, *, on: datetime.date) -> Response:
    return Response.objects.create(
        push=push, target=target, received_on=on, summary="รับเรื่องไว้พิจารณา", classification="referred"
    )


def panel(page: str) -> str:
    return page.split('id="panel-pushes"', 1)[1].split("</section>", 1)[0]


def part(board: str, heading_id: str) -> str:
    return board.split(f'id="{heading_id}"', 1)[1].split("<h4", 1)[0]


def edit_url(push) -> str:
    return reverse("wagtailsnippets_advocacy_policypush:edit", args=[push.pk])


@pytest.fixture
def ledger(push_for, ministry):
    """Nightlife: due in 3 days. Alcohol: 5 days overdue. Tobacco: 45 days overdue (very). Shelters: answered.
    Helpline: won. Schools: due in 10 days (next week)."""
    nightlife = push_for("ยกเลิกการเปิดสถานบันเทิงถึงตีสี่")
    deliver(nightlife, ministry, due_in=3)
    alcohol = push_for("ห้ามขายสุราหลังเที่ยงคืน")
    deliver(alcohol, ministry, due_in=-5)
    tobacco = push_for("ห้ามโฆษณาบุหรี่ไฟฟ้า", stage=Stage.NEGOTIATING)
    deliver(tobacco, ministry, due_in=-45)
    shelters = push_for("บ้านพักฉุกเฉินทุกจังหวัด", stage=Stage.RESPONDED)
    delivery = deliver(shelters, ministry, due_in=-2)
    answer(shelters, ministry, on=delivery.delivered_on + datetime.timedelta(days=10))
    helpline = push_for("สายด่วน 1300 ตลอด 24 ชั่วโมง", stage=Stage.WON)
    schools = push_for("ครูแนะแนวทุกโรงเรียน", stage=Stage.DELIVERED)
    deliver(schools, ministry, due_in=10)
    return {
        "nightlife": nightlife,
        "alcohol": alcohol,
        "tobacco": tobacco,
        "shelters": shelters,
        "helpline": helpline,
        "schools": schools,
    }


def test_an_answer_due_this_week_is_listed_with_its_target_deadline_and_link(secretariat, ledger, ministry):
    due = part(panel(secretariat.get(URL).content.decode()), "pushes-due")
    nightlife = ledger["nightlife"]
    assert f'<a href="{edit_url(nightlife)}">{nightlife.title}</a>' in due
    assert str(ministry) in due
    deadline = TODAY + datetime.timedelta(days=3)
    assert f"{deadline.day} {deadline:%B %Y}" in due
    assert ledger["schools"].title not in due  # due next week
    assert ledger["alcohol"].title not in due


def test_overdue_answers_say_by_how_many_days_the_most_overdue_first_and_the_very_overdue_marked(
    secretariat, ledger
):
    overdue = part(panel(secretariat.get(URL).content.decode()), "pushes-overdue")
    tobacco, alcohol = ledger["tobacco"].title, ledger["alcohol"].title
    assert overdue.index(tobacco) < overdue.index(alcohol)
    assert "<strong>overdue by 45 days (very overdue)</strong>" in overdue
    assert "<td>overdue by 5 days</td>" in overdue
    assert f'<a href="{edit_url(ledger["alcohol"])}">' in overdue


def test_an_answered_delivery_is_listed_neither_as_due_nor_as_overdue(secretariat, ledger):
    board = panel(secretariat.get(URL).content.decode())
    assert ledger["shelters"].title not in part(board, "pushes-due")
    assert ledger["shelters"].title not in part(board, "pushes-overdue")


def test_a_closed_push_awaits_no_answer(secretariat, push_for, ministry):
    dropped = push_for("เลิกแล้ว", stage=Stage.DROPPED)
    deliver(dropped, ministry, due_in=-5)
    board = panel(secretariat.get(URL).content.decode())
    assert "No answer is overdue." in board


def test_this_years_wins_are_listed_and_last_years_are_not(secretariat, ledger, push_for):
    old = push_for("ชนะเมื่อปีที่แล้ว", stage=Stage.PARTLY_WON)
    PolicyPush.objects.filter(pk=old.pk).update(updated_at=old.updated_at.replace(year=TODAY.year - 1))
    wins = part(panel(secretariat.get(URL).content.decode()), "pushes-wins")
    assert f"Won in {TODAY.year}" in wins
    helpline = ledger["helpline"]
    assert f'<a href="{edit_url(helpline)}">{helpline.title}</a>: won, updated' in wins
    assert old.title not in wins
    assert ledger["nightlife"].title not in wins


def test_pushes_are_counted_by_stage_each_stage_linking_to_its_list(secretariat, ledger):
    stages = part(panel(secretariat.get(URL).content.decode()), "pushes-stages")
    listing = reverse("wagtailsnippets_advocacy_policypush:list")
    assert (
        f'<a href="{listing}?stage=awaiting">awaiting response</a>: <span class="advocacy-number">2</span>'
        in stages
    )
    assert f'<a href="{listing}?stage=won">won</a>: <span class="advocacy-number">1</span>' in stages
    assert f'<a href="{listing}?stage=lost">lost</a>: <span class="advocacy-number">0</span>' in stages
    assert "6 policy pushes in all." in panel(secretariat.get(URL).content.decode())


def test_a_stage_link_opens_the_admin_list_of_pushes_at_that_stage(secretariat, ledger):
    listing = reverse("wagtailsnippets_advocacy_policypush:list")
    page = secretariat.get(f"{listing}?stage=won").content.decode()
    assert ledger["helpline"].title in page
    assert ledger["nightlife"].title not in page


def test_the_board_says_the_dashboards_filters_do_not_apply_to_it(secretariat, ledger):
    board = panel(secretariat.get(URL, {"since": "2026-01-01", "until": "2026-01-31"}).content.decode())
    assert "whatever the filters above" in board
    assert ledger["nightlife"].title in board


def test_a_thai_reader_reads_the_board_in_thai_with_buddhist_era_dates(client_as, secretariat_member, ledger):
    board = panel(client_as(reading(secretariat_member, "th")).get(URL).content.decode())
    assert "ผลักดันนโยบาย" in board
    assert "คำตอบที่ครบกำหนดสัปดาห์นี้" in board
    assert "เลยกำหนดมา 45 วัน (เลยกำหนดนาน)" in board
    assert f"สำเร็จในปี {TODAY.year + 543}" in board
    deadline = TODAY + datetime.timedelta(days=3)
    assert f"{deadline.day} " in board and str(deadline.year + 543) in board
    assert "overdue by" not in board and "Answers due" not in board and "in all" not in board


def test_the_board_costs_the_same_queries_with_1_and_with_20_pushes(secretariat, push_for, ministry):
    one = push_for("ข้อเรียกร้องที่ 0")
    deliver(one, ministry, due_in=2)
    secretariat.get(URL)  # the admin's own caches (site, locales) filled once
    with CaptureQueriesContext(connection) as small:
        secretariat.get(URL)
    for n in range(1, 20):
        push = push_for(f"ข้อเรียกร้องที่ {n}", stage=[Stage.AWAITING, Stage.WON, Stage.NEGOTIATING][n % 3])
        deliver(push, ministry, due_in=n % 7 - 40 * (n % 2))
        if n % 5 == 0:
            answer(push, ministry, on=TODAY)
    assert PolicyPush.objects.count() == 20
    with CaptureQueriesContext(connection) as large:
        page = secretariat.get(URL).content.decode()
    assert "20 policy pushes in all." in page
    assert len(large.captured_queries) == len(small.captured_queries)
