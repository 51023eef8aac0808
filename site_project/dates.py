"""Dates and years as readers count them: in Thai, Buddhist Era with Thai month names; elsewhere, Common Era.

The one place the site turns a date into words, for pages, e-mails and the admin's lists alike:
``display_date`` (and the ``thai_date`` template filter built on it), ``display_datetime``
(``thai_datetime``), and ``display_year`` for a bare year such as a campaign's. Nothing else adds 543.
"""

import datetime

from django.utils import formats, timezone, translation
from django.utils.translation import gettext_noop

BUDDHIST_ERA_OFFSET = 543
"""The Buddhist Era counts from 543 BCE: 2025 CE is B.E. 2568."""

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

# Django's month names ("j F Y"), kept in this project's catalogues: Django's own Burmese catalogue has none,
# and a name missing in Khmer or Burmese would fall back to the default language's, Thai.
MONTH_NAMES = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)


def buddhist_year(year: int) -> int:
    """The Buddhist-Era year of a Common-Era year: 2025 gives 2568."""
    return int(year) + BUDDHIST_ERA_OFFSET


def _thai(language: str | None) -> bool:
    return (language or translation.get_language() or "") == "th"


def display_year(year, language: str | None = None) -> str:
    """A Common-Era year as readers of ``language`` (the active one by default) count it: 2568 in Thai."""
    if year in (None, ""):
        return ""
    return str(buddhist_year(year)) if _thai(language) else str(year)


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def display_date(value, style: str = "long", language: str | None = None) -> str:
    """A date (or the day of a date-time) as readers expect it; in Thai, in the Buddhist Era.

    ``25 พฤศจิกายน 2568`` in Thai and ``25 November 2025`` in English; ``style="short"`` gives
    ``25 พ.ย. 2568`` and the language's short format.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    if _thai(language):
        months = THAI_MONTHS_SHORT if style == "short" else THAI_MONTHS
        return f"{value.day} {months[value.month - 1]} {buddhist_year(value.year)}"
    with translation.override(language or translation.get_language()):
        if style == "short":
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        return formats.date_format(value, "j F Y")


def display_datetime(value, style: str = "long", language: str | None = None) -> str:
    """A date-time in the site's time zone: ``25 พ.ย. 2568 เวลา 14:05 น.`` in Thai, ``25 Nov…, 14:05`` else."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime.datetime):
        return display_date(value, style, language)
    value = _local(value)
    day = display_date(value.date(), style, language)
    if _thai(language):
        return f"{day} เวลา {value:%H:%M} น."
    return f"{day}, {value:%H:%M}"
