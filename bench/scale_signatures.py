"""Full-size signatures for ``bench.scale_data``: a million rows, the tallies and the status summary.

Signatures go in with ``COPY`` on PostgreSQL and ``executemany`` in large transactions on SQLite, the
confirmed ones marked counted; the tallies and the status summary are rebuilt once at the end by the
petitions app's own reconciliation (set-based: a few ``INSERT … SELECT`` statements) and scheduled job. Import after ``django.setup()``.
"""

import datetime
import random
import time

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from petitions import services

from .scale_pages import THAI_NAMES, THAI_SURNAMES, log, synthetic_value

LARGEST_EVERY = 7  # seconds between two signatures of the largest petition


def signature_rows(petition_ids: list[int], total: int, largest: int, days: int):
    """(petition id, serial, seconds ago) for every signature: ``largest`` for the first petition, one every
    ``LARGEST_EVERY`` seconds; the rest shared by the others, each petition's spread evenly over ``days``."""
    others = petition_ids[1:]
    yield from ((petition_ids[0], n, n * LARGEST_EVERY % (90 * 86400)) for n in range(largest))
    remaining = total - largest
    for index, petition_id in enumerate(others):
        share = remaining // len(others) + (1 if index < remaining % len(others) else 0)
        every = days * 86400 / max(share, 1)
        yield from ((petition_id, n, int(n * every)) for n in range(share))


def insert_signatures(petition_ids: list[int], total: int, largest: int, days: int) -> int:
    model = apps.get_model("petitions", "Signature")
    field_names = {field.name for field in model._meta.local_concrete_fields}
    province_field = model._meta.get_field("province") if "province" in field_names else None
    provinces = (
        [value for value, _ in province_field.choices]
        if province_field and province_field.choices
        else ["10"]
    )
    rng = random.Random(6)
    now = timezone.now()
    fields = [field for field in model._meta.local_concrete_fields if not field.primary_key]

    def values(petition_id: int, serial: int, seconds_ago: int) -> list:
        signed = now - datetime.timedelta(seconds=seconds_ago)
        confirmed = serial % 10 != 0  # nine in ten confirm their address
        quarantined = serial % 50 == 25  # one in fifty held for review (the dashboard's quarantine rate)
        first, last = THAI_NAMES[serial % len(THAI_NAMES)], THAI_SURNAMES[serial % len(THAI_SURNAMES)]
        email = f"signer{serial}.p{petition_id}@example.org"
        known = {
            "petition": petition_id,
            "name": f"{first} {last}",
            "email": email,
            "email_canonical": email,
            "province": provinces[rng.randrange(len(provinces))],
            "show_name": serial % 3 == 0,
            "locale": "th" if serial % 5 else "en",
            "source": ("", "facebook", "line", "partner")[serial % 4],
            "consent_notice_version": "2026-11",
            "consented_at": signed,
            "ip_hash": "",
            "status": "quarantined" if quarantined else "confirmed" if confirmed else "pending",
            "quarantine_reason": "too_fast" if quarantined else "",  # one of QuarantineReason
            # As the aggregator leaves them; the rebuild then sums the tallies without rewriting a row.
            "counted": confirmed and not quarantined,
            "confirmed_at": signed + datetime.timedelta(minutes=3) if confirmed and not quarantined else None,
            # A pending signer was sent their link when they signed (a made-up digest no link matches).
            "token_hash": "" if confirmed else f"{petition_id:08x}{serial:056x}",
            "token_expires_at": None if confirmed else signed + datetime.timedelta(hours=72),
            "created_at": signed,
            "anonymised_at": None,
        }
        row = []
        for field in fields:
            value = known[field.name] if field.name in known else synthetic_value(field, serial, "bench")
            row.append(field.get_db_prep_save(value, connection))
        return row

    table = connection.ops.quote_name(model._meta.db_table)
    columns = [connection.ops.quote_name(field.column) for field in fields]
    inserted = 0
    batch: list = []
    started = time.monotonic()

    def flush() -> None:
        nonlocal inserted, batch
        if not batch:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
                    batch,
                )
        inserted += len(batch)
        batch = []
        rate = inserted / (time.monotonic() - started)
        if inserted % 100_000 == 0:
            log(f"  {inserted:,} signatures ({rate:,.0f}/s)")

    for petition_id, serial, seconds_ago in signature_rows(petition_ids, total, largest, days):
        batch.append(values(petition_id, serial, seconds_ago))
        if len(batch) >= 20_000:
            flush()
    flush()
    return inserted


def rebuild_tallies() -> str:
    drifts = services.reconcile_signature_counts(fix=True)
    return f"reconcile_signature_counts(fix=True): {len(drifts)} petitions rebuilt"


def summarise_statuses() -> int:
    """The scheduled job's full rebuild (``summarise_signature_statuses --all``): the rows the dashboard reads."""
    return services.summarise_signature_statuses(days=None)
