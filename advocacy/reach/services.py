"""Handing a co-sponsor the signers who asked for its news: the CSV, and the log row that records it.

The file is built the way the petition export builds its own (``petitions.exports``): a byte-order mark so that
Excel reads Thai names, Bangkok time worked out an hour at a time from the database's UTC text, and a leading
apostrophe on any cell a spreadsheet would run as a formula.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from partners.models import Representative
from petitions.exports import BOM, FORMULA_STARTS, BangkokHours, UtcMinuteText
from petitions.models import PetitionPage
from petitions.selectors import canonical_petition_id
from site_project.provinces import names_in

from . import selectors
from .links import partner_identity
from .models import DataSharingRecord


@dataclass(frozen=True)
class SharedFile:
    filename: str
    content: str
    rows: int


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def column_names() -> list[str]:
    return [
        _("Number"),
        _("Name"),
        _("E-mail"),
        _("Province"),
        _("Language"),
        _("Consented at (Bangkok time)"),
        _("Privacy notice version"),
    ]


def share_subscribers(*, representative: Representative, petition: PetitionPage) -> SharedFile:
    """The confirmed signers of ``petition`` whose consent to the partner's news stands, as CSV, and a record of
    the download in the data-sharing log, in one transaction: no file leaves without its record.

    ``petition`` is any translation of a petition the representative's organisation co-sponsors.
    """
    identity = partner_identity(representative.partner)
    petition_id = canonical_petition_id(petition.pk)
    provinces = names_in(translation.get_language())
    hours = BangkokHours()
    with transaction.atomic():
        rows = list(
            selectors.subscribers(petition_id=petition_id, identity=identity).values_list(
                "signature__name",
                "signature__email",
                "signature__province",
                "signature__locale",
                UtcMinuteText("consented_at"),
                "notice_version",
            )
        )
        DataSharingRecord.objects.create(
            user=representative.user,
            user_label=representative.user.get_username(),
            partner_id=representative.partner_id,
            partner_name=representative.partner.title[:255],
            petition_id=petition_id,
            petition_title=petition.title[:255],
            rows=len(rows),
        )
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(column_names())
    writer.writerows(
        (
            number,
            _safe(name),
            _safe(email),
            provinces.get(province, province),
            locale,
            hours[consented[:13]] + consented[13:16],
            _safe(version),
        )
        for number, (name, email, province, locale, consented, version) in enumerate(rows, 1)
    )
    return SharedFile(filename=f"subscribers-{petition_id}.csv", content=buffer.getvalue(), rows=len(rows))
