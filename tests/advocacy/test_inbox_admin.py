"""The inbox in the admin: filters in the URL, bulk changes without JavaScript, one item's page, and exports
that Excel opens with the Thai names. Refusals are in ``test_inbox_access``."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, ngettext

from advocacy.models import InboxForm, InboxItem, InboxNote, InboxStatus

INBOX = "/admin/advocacy/inbox/"
BOM = b"\xef\xbb\xbf"
INVALID_CHOICE = "Select a valid choice. %(value)s is not one of the available choices."
NOT_UNDERSTOOD = "The chosen submissions were not understood. Reload the page and tick them again."


def shown(message) -> str:
    """How the admin shows ``message`` (text, or a function that makes it): in Thai, the staff's language here,
    up to its first placeholder."""
    with translation.override("th"):
        return message() if callable(message) else gettext(message).split("%(")[0].strip()


def too_long(limit: int, length: int):
    singular = "Ensure this value has at most %(limit_value)d character (it has %(show_value)d)."
    plural = "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
    return lambda: ngettext(singular, plural, limit) % {"limit_value": limit, "show_value": length}


def item_url(item) -> str:
    return f"{INBOX}{item.pk}/"


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(BOM)
    return list(csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8"))))


def workbook_rows(response) -> list[tuple]:
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def two_languages(rsvp, event_campaign, english_event_campaign):
    """One event's RSVPs: one made on the Thai page, one on the English page."""
    return [rsvp(event_campaign, "สมชาย ใจดี", "th"), rsvp(english_event_campaign, "Jane Doe", "en")]


@pytest.fixture
def staff(client_as, secretariat_member):
    return client_as(secretariat_member)


def test_a_staff_member_finds_both_rsvps_under_one_form_changes_them_in_bulk_and_exports_them(
    staff, two_languages
):
    form = InboxForm.objects.get()
    listing = staff.get(INBOX, {"form": form.pk})
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "สมชาย ใจดี" in page and "Jane Doe" in page

    ids = [str(pk) for pk in InboxItem.objects.values_list("pk", flat=True)]
    query = f"form={form.pk}"
    changed = staff.post(INBOX, {"item": ids, "action": "status", "status": "in_progress", "query": query})
    assert changed.status_code == 302
    assert changed["Location"] == f"{INBOX}?{query}"
    assert set(InboxItem.objects.values_list("status", flat=True)) == {InboxStatus.IN_PROGRESS}

    exported = staff.get(INBOX, {"form": form.pk, "export": "csv"})
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(exported)
    assert len(rows) == 3
    assert {row[-1] for row in rows[1:]} == {"สมชาย ใจดี", "Jane Doe"}
    assert {row[1] for row in rows[1:]} == {"เดินรณรงค์ที่หอนาฬิกา"}

    workbook = workbook_rows(staff.get(INBOX, {"form": form.pk, "export": "xlsx"}))
    assert len(workbook) == 3
    assert {row[-1] for row in workbook[1:]} == {"สมชาย ใจดี", "Jane Doe"}


def test_the_exports_give_bangkok_time_and_defuse_formulas(staff, rsvp):
    rsvp(name='=HYPERLINK("http://evil.example","x")')
    InboxItem.objects.update(received=datetime.datetime(2025, 11, 24, 20, 30, tzinfo=datetime.UTC))

    row = csv_rows(staff.get(INBOX, {"export": "csv"}))[1]
    assert row[2] == "2025-11-25 03:30"
    assert row[-1] == '\'=HYPERLINK("http://evil.example","x")'

    cells = workbook_rows(staff.get(INBOX, {"export": "xlsx"}))[1]
    assert cells[2] == datetime.datetime(2025, 11, 25, 3, 30)
    assert cells[-1].startswith("'=")


def test_staff_assign_in_bulk_and_take_it_back(staff, secretariat_member, two_languages):
    ids = [str(pk) for pk in InboxItem.objects.values_list("pk", flat=True)]
    staff.post(INBOX, {"item": ids, "action": "assign", "assignee": str(secretariat_member.pk)})
    assert set(InboxItem.objects.values_list("assignee", flat=True)) == {secretariat_member.pk}
    mine = staff.get(INBOX, {"assignee": secretariat_member.pk})
    assert "Jane Doe" in mine.content.decode()

    staff.post(INBOX, {"item": ids[:1], "action": "assign", "assignee": "none"})
    assert InboxItem.objects.filter(assignee__isnull=True).count() == 1


def test_the_filters_narrow_the_list_by_language_status_tag_and_period(staff, two_languages):
    thai = InboxItem.objects.get(language="th")
    thai.tags.add("เชียงราย")
    InboxItem.objects.filter(language="en").update(
        received=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )

    def names(**query) -> set[str]:
        page = staff.get(INBOX, query).content.decode()
        return {name for name in ("สมชาย ใจดี", "Jane Doe") if name in page}

    assert names(language="en") == {"Jane Doe"}
    assert names(tag="เชียงราย") == {"สมชาย ใจดี"}
    assert names(status="done") == set()
    assert names(received_from="2024-01-01", received_until="2024-01-01") == {"Jane Doe"}
    assert names(q="Jane") == {"Jane Doe"}


def test_an_item_page_links_to_the_rsvp_and_keeps_notes_tags_and_status(staff, secretariat_member, rsvp):
    made = rsvp()
    item = InboxItem.objects.get()
    page = staff.get(item_url(item))
    assert page.status_code == 200
    link = f"/admin/snippets/campaigns/eventrsvp/inspect/{made.pk}/"
    assert link in page.content.decode()
    assert staff.get(link).status_code == 200  # the group may look at RSVPs

    saved = staff.post(
        item_url(item),
        {"action": "save", "status": "done", "assignee": secretariat_member.pk, "tags": "เชียงราย, follow up"},
    )
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.status == InboxStatus.DONE and item.assignee == secretariat_member
    assert sorted(item.tags.names()) == ["follow up", "เชียงราย"]

    staff.post(item_url(item), {"action": "note", "text": "โทรกลับแล้ว"})
    note = InboxNote.objects.get()
    assert (note.item, note.author, note.text) == (item, secretariat_member, "โทรกลับแล้ว")
    assert "โทรกลับแล้ว" in staff.get(item_url(item)).content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"status": "lost"}, INVALID_CHOICE),
        ({"form": "999999"}, INVALID_CHOICE),
        ({"received_from": "yesterday"}, "Enter a valid date."),
        (
            {"received_from": "2025-12-01", "received_until": "2025-11-01"},
            "The period ends before it starts.",
        ),
        ({"q": "x" * 101}, too_long(100, 101)),
    ],
)
def test_it_refuses_bad_filters_with_a_message_and_no_rows(staff, two_languages, query, message):
    for extra in ({}, {"export": "csv"}):
        response = staff.get(INBOX, {**query, **extra})
        assert response.status_code == 400
        page = response.content.decode()
        assert shown(message) in page
        assert "Jane Doe" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "status", "status": "done"}, "Tick at least one submission."),
        ({"item": ["abc"], "action": "status", "status": "done"}, NOT_UNDERSTOOD),
        ({"item": ["9" * 40], "action": "status", "status": "done"}, NOT_UNDERSTOOD),
        ({"item": ["{pk}"], "status": "done"}, "Choose what to do."),
        ({"item": ["{pk}"], "action": "status"}, "Choose the new status."),
        ({"item": ["{pk}"], "action": "status", "status": "lost"}, INVALID_CHOICE),
        ({"item": ["{pk}"], "action": "assign"}, "Choose whom to assign them to."),
        ({"item": ["{pk}"], "action": "assign", "assignee": "999999"}, INVALID_CHOICE),
    ],
)
def test_it_refuses_a_bad_bulk_change_with_a_message_and_changes_nothing(staff, rsvp, data, message):
    rsvp()
    pk = str(InboxItem.objects.get().pk)
    data = {
        key: [pk if v == "{pk}" else v for v in value] if isinstance(value, list) else value
        for key, value in data.items()
    }
    response = staff.post(INBOX, data)
    assert response.status_code == 400
    assert shown(message) in response.content.decode()
    assert InboxItem.objects.get().status == InboxStatus.NEW


def test_it_refuses_a_bad_status_or_an_empty_note_on_an_item(staff, rsvp):
    rsvp()
    item = InboxItem.objects.get()
    assert staff.post(item_url(item), {"action": "save", "status": "lost"}).status_code == 400
    response = staff.post(item_url(item), {"action": "note", "text": ""})
    assert response.status_code == 400
    assert shown("This field is required.") in response.content.decode()
    assert not InboxNote.objects.exists()


def test_the_bulk_form_needs_its_csrf_token(secretariat_member, rsvp):
    rsvp()
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    strict.force_login(secretariat_member)
    response = strict.post(
        INBOX, {"item": [str(InboxItem.objects.get().pk)], "action": "status", "status": "done"}
    )
    assert response.status_code == 403
    assert InboxItem.objects.get().status == InboxStatus.NEW


def test_the_list_takes_the_same_number_of_queries_for_3_items_as_for_30(staff, rsvp, secretariat_member):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(INBOX).status_code == 200
        return len(captured)

    def add(count: int) -> None:
        for number in range(count):
            rsvp(name=f"คนที่ {number}")
        for item in InboxItem.objects.filter(assignee__isnull=True):
            item.tags.add(f"tag {item.pk % 3}")
        InboxItem.objects.update(assignee=secretariat_member)

    add(3)
    few = queries()
    add(27)
    assert queries() == few
