"""Full-size signatures for ``bench.scale_data``: a million rows, the tallies and the status summary.

Signatures are made by the server in one ``INSERT … SELECT`` over ``generate_series`` on PostgreSQL (``COPY``
if the model has columns this module does not know) and go in with ``executemany`` in large transactions on
SQLite, the confirmed ones marked counted; the tallies and the status summary are rebuilt once at the end by
the petitions app's own reconciliation (set-based: a few ``INSERT … SELECT`` statements) and scheduled job.
Import after ``django.setup()``.
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


# The columns ``insert_signatures`` knows how to fill; a model with others goes through the row-by-row path.
KNOWN_FIELDS = (
    "petition",
    "name",
    "email",
    "email_canonical",
    "province",
    "show_name",
    "locale",
    "source",
    "consent_notice_version",
    "consented_at",
    "ip_hash",
    "status",
    "quarantine_reason",
    "counted",
    "confirmed_at",
    "token_hash",
    "token_expires_at",
    "created_at",
    "anonymised_at",
)


def insert_signatures(petition_ids: list[int], total: int, largest: int, days: int) -> int:
    model = apps.get_model("petitions", "Signature")
    fields = {field.name for field in model._meta.local_concrete_fields if not field.primary_key}
    if connection.vendor == "postgresql" and fields == set(KNOWN_FIELDS):
        return generate_signatures(model, petition_ids, total, largest, days)
    return copy_signatures(model, petition_ids, total, largest, days)


def generate_signatures(model, petition_ids: list[int], total: int, largest: int, days: int) -> int:
    """PostgreSQL: the rows ``copy_signatures`` would write, made by the server in one ``INSERT … SELECT``
    over ``generate_series`` (a minute or more of Python per million rows becomes seconds). Provinces are
    drawn with ``random()`` after ``setseed``: not the Python path's, but the same from run to run."""
    others = petition_ids[1:]
    remaining = total - largest
    shares = [largest] + [
        remaining // len(others) + (1 if index < remaining % len(others) else 0)
        for index in range(len(others))
    ]
    every = [0.0] + [days * 86400 / max(share, 1) for share in shares[1:]]
    province_field = model._meta.get_field("province")
    provinces = [value for value, _ in province_field.choices] if province_field.choices else ["10"]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(model._meta.get_field(name).column) for name in KNOWN_FIELDS
    )
    names = {
        "petition": "p.id",
        "name": "(%(first)s::text[])[1 + mod(n, cardinality(%(first)s::text[]))] || ' ' || "
        "(%(last)s::text[])[1 + mod(n, cardinality(%(last)s::text[]))]",
        "email": "'signer' || n || '.p' || p.id || '@example.org'",
        "email_canonical": "'signer' || n || '.p' || p.id || '@example.org'",
        "province": "(%(provinces)s::text[])[1 + floor(random() * cardinality(%(provinces)s::text[]))::int]",
        "show_name": "mod(n, 3) = 0",
        "locale": "CASE WHEN mod(n, 5) = 0 THEN 'en' ELSE 'th' END",
        "source": "(ARRAY['', 'facebook', 'line', 'partner'])[1 + mod(n, 4)]",
        "consent_notice_version": "'2026-11'",
        "consented_at": "signed",
        "ip_hash": "''",
        "status": "CASE WHEN mod(n, 50) = 25 THEN 'quarantined' "
        "WHEN mod(n, 10) <> 0 THEN 'confirmed' ELSE 'pending' END",
        "quarantine_reason": "CASE WHEN mod(n, 50) = 25 THEN 'too_fast' ELSE '' END",
        "counted": "mod(n, 10) <> 0 AND mod(n, 50) <> 25",
        "confirmed_at": "CASE WHEN mod(n, 10) <> 0 AND mod(n, 50) <> 25 "
        "THEN signed + interval '3 minutes' END",
        "token_hash": "CASE WHEN mod(n, 10) <> 0 THEN '' "
        "ELSE lpad(to_hex(p.id), 8, '0') || lpad(to_hex(n), 56, '0') END",
        "token_expires_at": "CASE WHEN mod(n, 10) <> 0 THEN NULL ELSE signed + interval '72 hours' END",
        "created_at": "signed",
        "anonymised_at": "NULL::timestamptz",
    }
    values = ", ".join(names[name] for name in KNOWN_FIELDS)
    sql = f"""
        INSERT INTO {table} ({columns})
        SELECT {values} FROM (
            SELECT p.id, n, %(now)s::timestamptz - make_interval(secs => CASE WHEN p.largest
                THEN mod(n * {LARGEST_EVERY}, 90 * 86400) ELSE floor(n * p.every) END) AS signed
            FROM unnest(%(ids)s::int[], %(shares)s::int[], %(every)s::float8[], %(largest)s::bool[])
                AS p(id, share, every, largest)
            CROSS JOIN LATERAL generate_series(0, p.share - 1) AS g(n)
        ) AS p
    """  # noqa: S608  (table and column names come from the model, values are parameters)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.6)")
        cursor.execute(
            sql,
            {
                "first": list(THAI_NAMES),
                "last": list(THAI_SURNAMES),
                "provinces": provinces,
                "now": timezone.now(),
                "ids": petition_ids,
                "shares": shares,
                "every": every,
                "largest": [index == 0 for index in range(len(petition_ids))],
            },
        )
        inserted = cursor.rowcount
    log(f"  {inserted:,} signatures generated by the server")
    return inserted


def copy_signatures(model, petition_ids: list[int], total: int, largest: int, days: int) -> int:
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
