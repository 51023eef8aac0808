"""A petition's signatures as CSV, streamed, for the dossier delivered to a ministry.

What leaves the system this way is what a decision maker may read: a running number, the signer's name,
province, language and source, and when they signed and confirmed. Never an e-mail address, an IP hash or a
token: a signer's contact stays here.

Built for half a million rows: the rows come from the database in chunks (``iterator``), dates come as text
and are shifted to Bangkok time an hour at a time (not parsed row by row), and each chunk of rows is written
with one ``writerows`` call, so memory stays flat and the rate stays well above 100,000 rows a second.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import NotSupportedError
from django.db.models import CharField, Func
from django.utils import translation
from django.utils.translation import gettext as _

from site_project.provinces import names_in

from .models import PetitionPage, Signature, SignatureStatus
from .selectors import canonical_petition_id

ROWS_PER_CHUNK = 1000
FETCH_CHUNK_SIZE = 2000
BOM = "\ufeff"  # so that Excel reads the file as UTF-8 and shows Thai names
# A cell starting with one of these is a formula to a spreadsheet: it gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Asia/Bangkok has kept UTC+7 without daylight saving since 1920: a fixed offset is exact.
BANGKOK_OFFSET = datetime.timedelta(hours=7)


class UtcMinuteText(Func):
    """A timestamp as text in UTC starting "YYYY-MM-DD HH:MM", as cheap as the database can give it.

    Selecting the column itself would make Django parse every value into an aware datetime, which was half
    the export's time; the text is turned into Bangkok time an hour at a time by ``BangkokHours``.
    """

    arity = 1
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Stored as "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC; the cast only drops the declared type.
        return super().as_sql(compiler, connection, template="CAST(%(expressions)s AS TEXT)", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')"
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError("Signature exports read dates from SQLite and PostgreSQL only.")


class BangkokHours(dict):
    """UTC "YYYY-MM-DD HH" to Bangkok "YYYY-MM-DD HH", worked out once per hour: rows only look it up."""

    def __missing__(self, utc_hour: str) -> str:
        local = datetime.datetime.fromisoformat(utc_hour) + BANGKOK_OFFSET
        self[utc_hour] = local_hour = local.strftime("%Y-%m-%d %H")
        return local_hour


def column_names() -> list[str]:
    return [
        _("Number"),
        _("Name"),
        _("Province"),
        _("Language"),
        _("Source"),
        _("Signed at"),
        _("Confirmed at"),
    ]


def export_signatures_csv(*, petition: PetitionPage, statuses: Iterable[str] | None = None) -> Iterator[str]:
    """The petition's signatures (every translation's) as CSV text, a chunk every thousand rows.

    Confirmed signatures only unless ``statuses`` says otherwise, oldest first. The first chunk starts with a
    byte-order mark and the header. The header and province names are in the language active at the call,
    read now: the rows are read as the caller iterates, possibly after the request's language is gone.
    """
    rows = (
        Signature.objects.filter(
            petition_id=canonical_petition_id(petition.pk),
            status__in=list(statuses) if statuses is not None else [SignatureStatus.CONFIRMED],
        )
        .order_by("pk")
        .values_list(
            "name",
            "province",
            "locale",
            "source",
            UtcMinuteText("created_at"),
            UtcMinuteText("confirmed_at"),
        )
    )
    return _stream(rows=rows, header=column_names(), provinces=names_in(translation.get_language()))


def _stream(*, rows, header: list[str], provinces: dict[str, str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(header)
    unsafe = FORMULA_STARTS
    hours = BangkokHours()
    number = 0
    fetched = rows.iterator(chunk_size=FETCH_CHUNK_SIZE)
    while batch := list(islice(fetched, ROWS_PER_CHUNK)):
        # One expression per row and no Python call beyond str and dict methods: this loop is the export's
        # cost. Dates: the UTC hour becomes the Bangkok hour, the minutes are the same.
        writer.writerows(
            (
                number + offset,
                "'" + name if name.startswith(unsafe) else name,
                provinces.get(province, province),
                locale,
                "'" + source if source.startswith(unsafe) else source,
                hours[signed[:13]] + signed[13:16],
                hours[confirmed[:13]] + confirmed[13:16] if confirmed else "",
            )
            for offset, (name, province, locale, source, signed, confirmed) in enumerate(batch, 1)
        )
        number += len(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if number == 0:  # no rows: still a file with its header
        yield buffer.getvalue()
