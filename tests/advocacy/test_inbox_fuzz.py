"""The fuzz corpus (``tests/fuzz``) against the inbox's filters, bulk form and item form: never a server error.

The id route ``/admin/advocacy/inbox/<id>/`` is fuzzed with the other id routes by ``tests/fuzz``; here every
hostile value goes into every field of the inbox's own forms, as a member of staff who may change items."""

from urllib.parse import urlencode

from advocacy.models import InboxItem, InboxStatus

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from ..fuzz.corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep

INBOX = "/admin/advocacy/inbox/"
FILTERS = [
    "q",
    "form",
    "status",
    "language",
    "partner",
    "assignee",
    "tag",
    "received_from",
    "received_until",
    "p",
]
BULK = ["item", "action", "status", "assignee", "query"]
ITEM = ["action", "status", "assignee", "tags", "text"]


def test_hostile_values_in_the_inbox_forms_never_cause_a_server_error(
    client_as,
    safeguarding_member,
    rsvp,
    story,
    error_log,  # noqa: F811
):
    rsvp()
    item = InboxItem.objects.get(sensitive=False)
    staff = client_as(safeguarding_member)
    sweep = Sweep()
    for value in [*HOSTILE_TEXT, *INVALID_UTF8]:
        for field in FILTERS:
            sweep.send(staff, "GET", INBOX, QUERY_STRING=urlencode({field: value}))
            sweep.send(staff, "GET", INBOX, QUERY_STRING=urlencode({field: value, "export": "csv"}))
        sweep.send(staff, "GET", INBOX, QUERY_STRING=urlencode(dict.fromkeys(FILTERS, value)))
        sweep.post_form(staff, INBOX, dict.fromkeys(BULK, value))
        sweep.post_form(staff, INBOX, {"item": [str(item.pk), value], "action": "status", "status": "done"})
        sweep.post_form(staff, f"{INBOX}{item.pk}/", dict.fromkeys(ITEM, value))
        sweep.post_form(staff, f"{INBOX}{item.pk}/", {"action": "note", "text": value})
    sweep.assert_clean(error_log(), at_least=700)
    assert InboxItem.objects.get(pk=item.pk).status == InboxStatus.NEW
