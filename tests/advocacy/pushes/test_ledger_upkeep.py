"""What keeps a push's ledger honest around it: its public page never lags an edit, a deleted record takes its
private scans with it, the edit form says how each delivery stands, and a win carries the day it was won."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from advocacy.dashboard.pushes import pushes_board
from advocacy.pushes.models import Commitment, PolicyPush, Stage
from site_project.pagecache import content_version

from .conftest import days_from_today
from .test_admin import edit_url, push_form

PAGE = "/th/pushes/nightlife/"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 30


def cached_read(client, url: str):
    client.get(url)  # the very first request creates the site settings row, a content change
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def test_editing_a_push_in_the_admin_refreshes_its_cached_public_page(
    client, client_as, push_page, push, page_cache, django_capture_on_commit_callbacks
):
    assert "รอคำตอบ" in cached_read(client, PAGE).content.decode()  # awaiting response
    data = push_form(push.owner, push.targets.first())
    data.update({"title": push.title, "stage": "negotiating"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as(push.owner).post(edit_url(push), data).status_code == 302
    response = client.get(PAGE)
    assert response["X-Page-Cache"] == "miss"
    assert "อยู่ระหว่างเจรจา" in response.content.decode()  # negotiating


@pytest.mark.parametrize("change", ["deliver", "answer", "promise", "delete the delivery", "delete the push"])
def test_any_change_to_the_ledger_changes_the_content_version(
    push, deliver, answer, change, django_capture_on_commit_callbacks
):
    delivery = deliver(-3)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "deliver":
            deliver(10)
        elif change == "answer":
            answer(timezone.localdate())
        elif change == "promise":
            Commitment.objects.create(push=push, promise="จะทบทวน", target=delivery.target)
        elif change == "delete the delivery":
            delivery.delete()
        else:
            push.delete()
    assert content_version() != before


def scanned(deliver, answer) -> tuple:
    delivery = deliver(-3)
    delivery.acknowledgement = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt")
    delivery.save()
    response = answer(timezone.localdate())
    response.document = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter")
    response.save()
    return delivery, response


def test_deleting_a_push_deletes_the_scans_of_its_deliveries_and_responses(
    push, deliver, answer, private_files, django_capture_on_commit_callbacks
):
    delivery, response = scanned(deliver, answer)
    receipt, letter = delivery.acknowledgement.path, response.document.path
    with django_capture_on_commit_callbacks(execute=True):
        push.delete()
    assert not PolicyPush.objects.exists()
    assert not any(private_files.rglob("*.pdf")), (receipt, letter)


def test_deleting_one_response_deletes_its_letter_and_keeps_the_receipt(
    client_as, push, deliver, answer, private_files, django_capture_on_commit_callbacks
):
    delivery, response = scanned(deliver, answer)
    with django_capture_on_commit_callbacks(execute=True):
        response.delete()
    assert [path.name for path in private_files.rglob("*.pdf")] == [
        delivery.acknowledgement.name.split("/")[-1]
    ]


def test_a_deletion_rolled_back_keeps_the_scans(
    push, deliver, answer, private_files, django_capture_on_commit_callbacks
):
    scanned(deliver, answer)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        push.delete()
        raise RuntimeError("the database went away")
    assert len(list(private_files.rglob("*.pdf"))) == 2


def test_the_edit_form_shows_how_each_delivery_stands(client_as, english_admin, push, deliver, answer):
    deliver(-3)
    deliver(20)
    page = client_as(english_admin).get(edit_url(push)).content.decode()
    assert page.count("How this delivery stands") == 2
    assert "<strong>overdue</strong>" in page
    assert "<strong>awaiting response</strong>" in page
    answer(timezone.localdate())
    page = client_as(english_admin).get(edit_url(push)).content.decode()
    assert page.count("<strong>answered</strong>") == 2


def won_form(push, **dates) -> dict:
    data = push_form(push.owner, push.targets.first())
    data.update({"title": push.title, "stage": "won"})
    data.update({name: value.isoformat() for name, value in dates.items()})
    return data


def test_a_push_marked_won_records_the_day_it_was_won_and_in_force(client_as, english_admin, push):
    data = won_form(push, won_on=datetime.date(2018, 9, 25), in_force_from=datetime.date(2018, 10, 30))
    assert client_as(english_admin).post(edit_url(push), data).status_code == 302
    push.refresh_from_db()
    assert (push.stage, push.won_on, push.in_force_from) == (
        Stage.WON,
        datetime.date(2018, 9, 25),
        datetime.date(2018, 10, 30),
    )


@pytest.mark.parametrize(
    ("stage", "dates", "message"),
    [
        ("won", {}, "Say the day the push was won"),
        ("won", {"won_on": days_from_today(2)}, "A push cannot be won in the future"),
        ("negotiating", {"won_on": days_from_today(-2)}, "Only a push won or partly won has these dates"),
        ("awaiting", {"in_force_from": days_from_today(2)}, "Only a push won or partly won has these dates"),
    ],
)
def test_a_win_without_its_day_or_a_day_without_a_win_is_refused(
    client_as, english_admin, push, stage, dates, message
):
    data = won_form(push, **dates)
    data["stage"] = stage
    response = client_as(english_admin).post(edit_url(push), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    push.refresh_from_db()
    assert push.won_on is None and push.stage == Stage.AWAITING


def test_the_years_wins_are_dated_by_the_day_each_was_won_not_by_the_last_edit(push, secretariat_member):
    today = timezone.localdate()
    PolicyPush.objects.filter(pk=push.pk).update(
        stage=Stage.WON, won_on=datetime.date(today.year - 1, 12, 30)
    )
    this_year = PolicyPush.objects.create(
        title="ห้ามขายเบียร์สดในร้านสะดวกซื้อ",
        demand="-",
        owner=secretariat_member,
        stage=Stage.PARTLY_WON,
        won_on=today.replace(month=1, day=1),
        in_force_from=today,
    )
    wins = pushes_board(today=today).wins
    assert [win.push_title for win in wins] == [this_year.title]
    assert wins[0].on == today.replace(month=1, day=1) and wins[0].in_force_from == today


def test_the_board_and_the_public_page_say_when_a_push_was_won(
    client, client_as, english_admin, push_page, push
):
    today = timezone.localdate()
    PolicyPush.objects.filter(pk=push.pk).update(stage=Stage.WON, won_on=today, in_force_from=today)
    board = client_as(english_admin).get("/admin/advocacy/").content.decode()
    assert "won on" in board and "in force from" in board
    page = client.get(PAGE).content.decode()
    assert "สำเร็จเมื่อ" in page and "มีผลตั้งแต่" in page


def test_a_scan_the_disk_refuses_to_delete_does_not_undo_or_break_the_deletion(
    client_as,
    english_admin,
    push,
    deliver,
    answer,
    private_files,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    delivery, _response = scanned(deliver, answer)

    def refuse(name):
        raise PermissionError(name)

    monkeypatch.setattr(type(delivery.acknowledgement.storage), "delete", lambda self, name: refuse(name))
    delete_url = reverse("wagtailsnippets_advocacy_policypush:delete", args=[push.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(english_admin).post(delete_url)
    assert response.status_code == 302
    assert not PolicyPush.objects.exists()
