"""The inbox's submissions are counted by their Bangkok day, on SQLite without a Python function per row."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from advocacy.dashboard.participation import LocalDay
from advocacy.models import InboxForm, InboxItem

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("received", "bangkok_day"),
    [
        pytest.param(
            datetime.datetime(2026, 11, 29, 16, 59, tzinfo=UTC), datetime.date(2026, 11, 29), id="23:59"
        ),
        pytest.param(
            datetime.datetime(2026, 11, 29, 17, 0, tzinfo=UTC), datetime.date(2026, 11, 30), id="00:00"
        ),
        pytest.param(
            datetime.datetime(2026, 12, 31, 20, 0, tzinfo=UTC), datetime.date(2027, 1, 1), id="new-year"
        ),
    ],
)
def test_a_submission_counts_on_its_day_in_bangkok(db, received, bangkok_day):
    form = InboxForm.objects.create(key="test", label="Test")
    InboxItem.objects.create(
        content_type=ContentType.objects.get_for_model(InboxForm),
        object_id=form.pk,
        form=form,
        language="th",
        received=received,
    )
    days = InboxItem.objects.annotate(day=LocalDay("received", tzinfo=timezone.get_current_timezone()))
    assert list(days.values_list("day", flat=True)) == [bangkok_day]
