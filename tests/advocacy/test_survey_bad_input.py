"""Bad input in a survey: every field type refuses what it cannot take and keeps what was typed, and the
hostile corpus never causes a server error.
"""

import pytest
from django.test import Client

from advocacy.models import SurveyAnswer

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from ..fuzz.corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep
from .surveys import EVERY_TYPE, question_names

# --- Bad input: every field type ----------------------------------------------------------------------------


TYPED = ("singleline", "multiline", "email", "number", "url", "date", "datetime", "hidden")

BAD = [
    ("singleline", "ก" * 256, "Ensure this value has at most 255 characters"),
    ("multiline", "x" * 5_001, "Ensure this value has at most 5000 characters"),
    ("email", "somchai-at-example", "Enter a valid email address."),
    ("number", "twelve", "Enter a number."),
    ("url", "http://", "Enter a valid URL."),
    ("checkbox", None, "This field is required."),
    ("checkboxes", ["ไม่มีในตัวเลือก"], "Select a valid choice."),
    ("dropdown", "กรุงเทพ", "Select a valid choice."),
    ("radio", "บางที", "Select a valid choice."),
    ("date", "31/02/2026", "Enter a valid date."),
    ("datetime", "พรุ่งนี้เช้า", "Enter a valid date/time."),
    ("hidden", "x" * 256, "Ensure this value has at most 255 characters"),
    ("multiselect", ["ไทย", "จีน"], "Select a valid choice."),
]


def test_every_field_type_takes_a_good_answer(every_type, client):
    names = question_names(every_type)
    data = {names[label]: value for label, value in EVERY_TYPE.values()}
    assert client.post(every_type.url, data).status_code == 200
    stored = SurveyAnswer.objects.get().form_data
    assert stored[names["จำนวนคน"]] == "12" and stored[names["ยินยอม"]] is True
    assert stored[names["หัวข้อ"]] == ["รณรงค์"] and stored[names["วันที่"]] == "2026-11-30"


@pytest.mark.parametrize(("kind", "bad", "message"), BAD, ids=[kind for kind, _bad, _message in BAD])
def test_it_refuses_bad_input_in_each_field_type_and_keeps_what_was_typed(
    every_type, client, kind, bad, message
):
    names = question_names(every_type)
    data = {names[label]: value for label, value in EVERY_TYPE.values()}
    label = EVERY_TYPE[kind][0]
    if bad is None:
        del data[names[label]]
    else:
        data[names[label]] = bad

    response = client.post(every_type.url, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    kept = [value for other, (_label, value) in EVERY_TYPE.items() if other in TYPED and other != kind]
    assert all(value in page for value in kept)  # the other answers are still there
    if kind in TYPED:
        assert bad[:50] in page  # and so is what was typed in the wrong field
    assert not SurveyAnswer.objects.exists()


# --- The fuzz corpus ----------------------------------------------------------------------------------------------


def test_hostile_values_in_every_question_never_cause_a_server_error(
    every_type,
    members_only,
    representative,
    client_as,
    error_log,  # noqa: F811
):
    names = question_names(every_type)
    good = {names[label]: value for label, value in EVERY_TYPE.values()}
    visitors = [Client(HTTP_HOST="127.0.0.1", raise_request_exception=False), client_as(representative)]
    sweep = Sweep()
    for value in [*HOSTILE_TEXT, *INVALID_UTF8]:
        for visitor in visitors:
            sweep.post_form(visitor, every_type.url, dict.fromkeys(names.values(), value))
            for name in names.values():
                sweep.post_form(visitor, every_type.url, {**good, name: value})
            sweep.post_form(
                visitor, members_only.url, dict.fromkeys(question_names(members_only).values(), value)
            )
    sweep.assert_clean(error_log(), at_least=900)
    stored = SurveyAnswer.objects.filter(page=every_type).values_list("form_data", flat=True)
    assert stored and all(set(answer) == set(names.values()) for answer in stored)
