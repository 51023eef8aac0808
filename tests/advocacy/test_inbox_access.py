"""Who reaches the inbox: Secretariat sees no story, Safeguarding does, a partner representative reaches none of
it. Every refusal is tried with a crafted request, and none of them shows a name."""

import pytest
from django.contrib.auth.models import Group

from advocacy.models import InboxForm, InboxItem, InboxStatus

INBOX = "/admin/advocacy/inbox/"
STORYTELLER = "กุหลาบป่า"  # the name the storyteller chose (``story`` fixture)
RSVP_NAME = "สมชาย ใจดี"


@pytest.fixture
def items(story, rsvp):
    rsvp(name=RSVP_NAME)
    return {
        "story": InboxItem.objects.get(sensitive=True),
        "rsvp": InboxItem.objects.get(sensitive=False),
        "story_form": InboxForm.objects.get(key="stories.share"),
    }


def test_a_member_of_secretariat_sees_no_story_in_the_list_or_the_exports(
    client_as, secretariat_member, items
):
    staff = client_as(secretariat_member)
    search = STORYTELLER[:4]  # a search for part of the name: the search box repeats it, never the whole name
    for query in ({}, {"export": "csv"}, {"q": search}, {"q": search, "export": "csv"}):
        response = staff.get(INBOX, query)
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert STORYTELLER.encode() not in body
    assert RSVP_NAME in staff.get(INBOX).content.decode()
    assert (
        "Shared stories" not in staff.get(INBOX).content.decode()
    )  # not even the form's name, in the filters


def test_a_member_of_secretariat_cannot_open_filter_by_or_export_the_story_form(
    client_as, secretariat_member, items
):
    staff = client_as(secretariat_member)
    assert staff.get(f"{INBOX}{items['story'].pk}/").status_code == 404
    for query in ({"form": items["story_form"].pk}, {"form": items["story_form"].pk, "export": "xlsx"}):
        response = staff.get(INBOX, query)
        assert response.status_code == 400
        assert STORYTELLER not in response.content.decode()


def test_a_member_of_secretariat_cannot_change_a_story_by_crafting_its_id_into_a_post(
    client_as, secretariat_member, items
):
    staff = client_as(secretariat_member)
    story, rsvp = items["story"], items["rsvp"]
    bulk = {"item": [str(story.pk), str(rsvp.pk)], "action": "status", "status": "archived"}
    assert staff.post(INBOX, bulk).status_code == 404
    detail = {"action": "save", "status": "archived"}
    assert staff.post(f"{INBOX}{story.pk}/", detail).status_code == 404
    assert staff.post(f"{INBOX}{story.pk}/", {"action": "note", "text": "x"}).status_code == 404
    assert set(InboxItem.objects.values_list("status", flat=True)) == {InboxStatus.NEW}
    assert not story.notes.exists()


def test_a_member_of_safeguarding_sees_and_works_on_the_story(client_as, safeguarding_member, items):
    staff = client_as(safeguarding_member)
    assert STORYTELLER in staff.get(INBOX).content.decode()
    page = staff.get(f"{INBOX}{items['story'].pk}/").content.decode()
    link = f"/admin/snippets/stories/storysubmission/edit/{items['story'].object_id}/"
    assert STORYTELLER in page and link in page
    assert STORYTELLER in staff.get(link).content.decode()  # the story itself, where Safeguarding reviews it
    bulk = {"item": [str(items["story"].pk)], "action": "status", "status": "in_progress"}
    assert staff.post(INBOX, bulk).status_code == 302
    assert InboxItem.objects.get(sensitive=True).status == InboxStatus.IN_PROGRESS


def inbox_requests(items) -> list[tuple[str, str, dict]]:
    story, rsvp = items["story"], items["rsvp"]
    return [
        ("get", INBOX, {}),
        ("get", INBOX, {"export": "csv"}),
        ("get", INBOX, {"export": "xlsx", "q": RSVP_NAME}),
        ("get", f"{INBOX}{rsvp.pk}/", {}),
        ("get", f"{INBOX}{story.pk}/", {}),
        ("post", INBOX, {"item": [str(rsvp.pk)], "action": "status", "status": "done"}),
        ("post", f"{INBOX}{rsvp.pk}/", {"action": "save", "status": "done"}),
        ("post", f"{INBOX}{rsvp.pk}/", {"action": "note", "text": "x"}),
    ]


def assert_refused_everywhere(client, items, *, statuses) -> None:
    for method, url, data in inbox_requests(items):
        response = getattr(client, method)(url, data)
        assert response.status_code in statuses, f"{method} {url} {data}: {response.status_code}"
        body = response.content.decode() if not response.streaming else ""
        assert RSVP_NAME not in body and STORYTELLER not in body
    assert set(InboxItem.objects.values_list("status", flat=True)) == {InboxStatus.NEW}
    assert not items["rsvp"].notes.exists()


def test_a_partner_representative_reaches_none_of_the_inbox(client_as, representative, items):
    assert_refused_everywhere(client_as(representative), items, statuses={302})  # to the admin's login


def test_a_representative_put_in_the_secretariat_group_still_reaches_none_of_it(
    client_as, representative, items
):
    representative.groups.add(Group.objects.get(name="Secretariat"))
    assert_refused_everywhere(client_as(representative), items, statuses={403})


def test_an_outsider_and_an_editor_are_refused(client_as, outsider, editor, items):
    assert_refused_everywhere(client_as(outsider), items, statuses={302})
    assert_refused_everywhere(client_as(editor), items, statuses={403})
