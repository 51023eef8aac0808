"""The inbox as a spreadsheet, through Wagtail's export: CSV (UTF-8 with a BOM, so Excel reads Thai) and XLSX.

Times are Bangkok's, whatever time zone the member of staff set in their admin profile. A text cell that a
spreadsheet would take for a formula (starting with = + - @, a tab or a return) starts with an apostrophe.
"""

import datetime
import zoneinfo

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .forms import staff_name

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def formula_safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class InboxExportMixin(SpreadsheetExportMixin):
    list_export = ["pk", "form", "received", "language", "partner", "status", "assignee", "tags", "summary"]
    export_headings = {
        "pk": _("Number"),
        "form": _("Form"),
        "received": _("Received (Bangkok time)"),
        "language": _("Language"),
        "partner": _("Partner"),
        "status": _("Status"),
        "assignee": _("Assignee"),
        "tags": _("Tags"),
        "summary": _("Summary"),
    }
    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: value.strftime("%Y-%m-%d %H:%M"),
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: timezone.make_naive(value, BANGKOK),
        },
        str: {
            SpreadsheetExportMixin.FORMAT_CSV: formula_safe,
            SpreadsheetExportMixin.FORMAT_XLSX: formula_safe,
        },
    }

    def get_filename(self):
        return f"inbox-{timezone.localdate(timezone=BANGKOK).isoformat()}"

    def to_row_dict(self, item):
        return {
            "pk": item.pk,
            "form": item.form.label,
            "received": item.received.astimezone(BANGKOK),
            "language": str(item.get_language_display()),
            "partner": item.partner.title if item.partner else "",
            "status": str(item.get_status_display()),
            "assignee": staff_name(item.assignee) if item.assignee else "",
            "tags": ", ".join(sorted(tag.name for tag in item.tags.all())),
            "summary": item.summary,
        }

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset.iterator(chunk_size=500))

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response

    def write_xlsx_response(self, queryset):
        response = super().write_xlsx_response(queryset)
        response["Cache-Control"] = "private, no-store"
        return response
