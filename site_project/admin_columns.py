"""Columns for the admin's lists: dates as the staff member's language counts them (``site_project.dates``) and
provinces named in that language (``site_project.provinces``).

Wagtail prints a date column with Django's formats, so a Thai admin read ``25 พฤศจิกายน 2025``: the right
month, the wrong era. ``ThaiDateColumn`` prints ``25 พ.ย. 2568`` in Thai and the short date elsewhere, with
the time for a date-time::

    list_display = ["name", ThaiDateColumn("event_date", model=EventRSVP), ...]
"""

import datetime

from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column

from . import provinces
from .dates import display_date, display_datetime


class FieldColumn(Column):
    """A sortable column for one model field, labelled with the field's name."""

    def __init__(self, name: str, *, model, **kwargs):
        kwargs.setdefault("label", capfirst(model._meta.get_field(name).verbose_name))
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)


class ThaiDateColumn(FieldColumn):
    """A date or a date-time: ``25 พ.ย. 2568`` (and the time) in Thai, the language's short date elsewhere."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, datetime.datetime):
            return display_datetime(value, "short")
        return display_date(value, "short")


class ProvinceColumn(FieldColumn):
    """A province code shown as its name in the staff member's language (the field's choices are Thai)."""

    def get_value(self, instance):
        return provinces.name(getattr(instance, self.name))
