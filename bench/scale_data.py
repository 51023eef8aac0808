"""Fill the database with a realistic volume, in minutes: ``python -m bench.scale_data [options]``.

Defaults (the issue's full size): 100 petitions with 1,000,000 signatures between them, one of them with
500,000 (one every 7 seconds, so over the last 40 days) and the others' spread over the last 365 days; 5,000
partners; 2,000 stories and campaigns (half each) spread over Thai, English, Khmer and Burmese; and what the
Secretariat's dashboard reads besides the tallies: the daily status summary, 3,000 RSVPs to the campaigns' events
and 300 organisations' co-signatures, each filed in the inbox as the site files them. Run with the site's
settings and an existing demo site (``bench/run.py`` does both with ``BENCH_SCALE=1``; the ``BENCH_SCALE_*``
variables override the defaults there).

It is fast because it does not go through Wagtail's page API: page rows get their tree paths computed
here and go in with one multi-row INSERT per table (a page model's own table and each table above it),
signatures go in with ``COPY`` on PostgreSQL and ``executemany`` in large transactions on SQLite, and the
petition tallies and the status summary are rebuilt once at the end by the petitions app's own reconciliation
and scheduled job. A type whose app or parent index page does not exist is skipped and said so. The last
line printed is a JSON summary.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.fields import StreamField  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from advocacy.models import InboxItem  # noqa: E402
from campaigns.models import CampaignPage, EventRSVP  # noqa: E402
from campaigns.services import rsvp_submission  # noqa: E402
from partners.models import PartnerPage  # noqa: E402
from petitions import services  # noqa: E402
from petitions.models import CoSignatureStatus, OrganisationCoSignature  # noqa: E402
from petitions.services.moderation import cosignature_submission  # noqa: E402

LANGUAGES = ("th", "en", "km", "my")
THAI_NAMES = ("สมชาย", "สมหญิง", "มาลี", "วิไล", "ประเสริฐ", "กาญจนา", "อรุณี", "ธนพล", "ศิริพร", "ณัฐวุฒิ")
THAI_SURNAMES = ("ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "แก้วมณี", "บุญมา", "ทองคำ", "สายใจ")
TITLES = {
    "th": "ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก",
    "en": "Together to end violence against women and children",
    "km": "រួមគ្នាបញ្ចប់អំពើហិង្សាលើស្ត្រី និងកុមារ",
    "my": "အမျိုးသမီးနှင့် ကလေးများအပေါ် အကြမ်းဖက်မှု အဆုံးသတ်ရန်",
}


def log(message: str) -> None:
    print(f"scale_data: {message}", file=sys.stderr, flush=True)


# --- Pages ---------------------------------------------------------------------------------------------------
def page_model(app_label: str, wanted: str, unwanted: tuple = ("index",)):
    if not apps.is_installed(app_label):
        return None
    for model in apps.get_app_config(app_label).get_models():
        name = model.__name__.lower()
        if issubclass(model, Page) and wanted in name and not any(word in name for word in unwanted):
            return model
    return None


def index_pages(model) -> dict:
    """The live parent page of ``model`` in each language, from its ``parent_page_types``."""
    parents = {}
    for parent_model in model.allowed_parent_page_models():
        if parent_model is Page:
            continue
        for page in parent_model.objects.live().select_related("locale"):
            parents.setdefault(page.locale.language_code, page)
    return parents


def synthetic_value(field, number: int, title: str):
    """A plausible value for a required field nobody set: its default, else something of its type."""
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, StreamField):
        return []
    if isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if target is None:
            raise ValueError(f"{field.model.__name__}.{field.name} needs a {field.related_model.__name__}")
        return target
    if isinstance(field, models.DateTimeField):
        return timezone.now() - datetime.timedelta(days=number % 365)
    if isinstance(field, models.DateField):
        return timezone.localdate() - datetime.timedelta(days=number % 365)
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
        return 0
    if isinstance(field, models.EmailField):
        return f"contact{number}@example.org"
    if isinstance(field, models.URLField):
        return f"https://example.org/{number}"
    if isinstance(field, models.SlugField):
        return f"item-{number}"
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.CharField | models.TextField):
        text = f"{title} {number}"
        return text[: field.max_length] if field.max_length else text
    raise ValueError(
        f"cannot make up a value for {field.model.__name__}.{field.name} ({type(field).__name__})"
    )


def next_page_id() -> int:
    return (Page.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def insert_rows(model, objects: list) -> None:
    """One multi-row INSERT per concrete table of ``model`` (Page, then each subclass), in chunks."""
    chain = [*reversed(model._meta.get_parent_list()), model]
    for table_model in chain:
        fields = list(table_model._meta.local_concrete_fields)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {connection.ops.quote_name(table_model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        rows = []
        for obj in objects:
            rows.append([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields])
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 2000):
                cursor.executemany(sql, rows[start : start + 2000])


def reset_sequence(model) -> None:
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
            )


def make_pages(model, count: int, *, languages: tuple, extra=None) -> list[int]:
    """Create ``count`` live pages of ``model``, as translation groups over ``languages``; return their ids."""
    if count <= 0:
        return []
    parents = index_pages(model)
    languages = tuple(code for code in languages if code in parents)
    if not languages:
        raise LookupError(f"no live parent page for {model.__name__}")
    content_type = ContentType.objects.get_for_model(model)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    now = timezone.now()
    page_id = next_page_id()
    objects, ids = [], []
    next_child = {}
    for code in languages:
        parent = Page.objects.get(pk=parents[code].pk)
        next_child[code] = (parent, parent.numchild)
    groups = max(count // len(languages), 1)
    for group in range(groups):
        key = uuid.uuid4()
        for code in languages:
            parent, used = next_child[code]
            used += 1
            next_child[code] = (parent, used)
            title = f"{TITLES[code]} #{group + 1}"
            slug = f"bench-{model.__name__.lower()}-{group + 1}"
            page = model(
                id=page_id,
                path=model._get_path(parent.path, parent.depth + 1, used),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale=locales[code],
                translation_key=key,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - datetime.timedelta(minutes=group),
                last_published_at=now - datetime.timedelta(minutes=group),
            )
            for table_model in (*model._meta.get_parent_list(), model):
                setattr(page, table_model._meta.pk.attname, page_id)  # every parent link, not just Page.id
            for field_name, value in (extra(group) if extra else {}).items():
                setattr(page, field_name, value)
            for field in model._meta.local_concrete_fields:
                if field.primary_key or field.is_relation and field.name.endswith("_ptr"):
                    continue
                if getattr(page, field.attname, None) in (None, "") and not field.null and not field.blank:
                    setattr(page, field.attname, synthetic_value(field, group, title))
            objects.append(page)
            ids.append(page_id)
            page_id += 1
    with transaction.atomic():
        insert_rows(model, objects)
        for code in languages:
            parent, used = next_child[code]
            Page.objects.filter(pk=parent.pk).update(numchild=used)
        reset_sequence(Page)
    return ids


# --- Signatures ----------------------------------------------------------------------------------------------
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
            "counted": False,
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


# --- What the inbox holds ------------------------------------------------------------------------------------
def file_in_inbox(rows: list, submission_of, days: int) -> int:
    """Give ``rows`` (just made) received times over the last ``days``, newest first, and file each in the
    inbox as the site does when a domain announces a submission; one transaction."""
    if not rows:
        return 0
    now = timezone.now()
    model = type(rows[0])
    created_at = model._meta.get_field("created_at")
    table, column, key = model._meta.db_table, created_at.column, model._meta.pk.column
    received = [now - datetime.timedelta(seconds=n * days * 86400 // len(rows)) for n in range(len(rows))]
    with transaction.atomic():
        with connection.cursor() as cursor:  # created_at is auto_now_add: set it after the insert
            cursor.executemany(
                f"UPDATE {table} SET {column} = %s WHERE {key} = %s",  # noqa: S608
                [
                    (created_at.get_db_prep_save(when, connection), row.pk)
                    for row, when in zip(rows, received, strict=True)
                ],
            )
        for row, when in zip(rows, received, strict=True):
            InboxItem.objects.file(submission_of(row), received=when, reopen=False)
    return len(rows)


def campaign_events() -> list[dict]:
    """Every event that takes RSVPs on a live campaign page, as an RSVP's fields."""
    events = []
    for campaign in CampaignPage.objects.live().order_by("pk"):
        for block in campaign.body:
            if block.block_type == "event" and block.value.get("takes_rsvp"):
                events.append(
                    {
                        "campaign_id": campaign.pk,
                        "event_block_id": block.id,
                        "event_title": block.value["title"],
                        "event_date": block.value["date"],
                    }
                )
    return events


def insert_rsvps(count: int, days: int) -> int:
    """``count`` RSVPs to the campaigns' events (in Thai and English, one to four people), filed in the inbox."""
    events = campaign_events()
    if not events:
        raise LookupError("no live campaign has an event that takes RSVPs")
    rsvps = EventRSVP.objects.bulk_create(
        [
            EventRSVP(
                **events[n % len(events)],
                name=f"{THAI_NAMES[n % len(THAI_NAMES)]} {THAI_SURNAMES[n % len(THAI_SURNAMES)]}",
                email=f"rsvp{n}@example.org",
                people=1 + n % 4,
                language=("th", "en")[n % 2],
            )
            for n in range(count)
        ],
        batch_size=1000,
    )
    rsvps = list(EventRSVP.objects.filter(pk__in=[r.pk for r in rsvps]).select_related("campaign"))
    return file_in_inbox(rsvps, rsvp_submission, days)


def insert_cosignatures(count: int, petition_ids: list[int], days: int) -> int:
    """``count`` organisations' co-signatures (a partner each, on the petitions in turn), filed in the inbox."""
    taken = set(OrganisationCoSignature.objects.values_list("petition_id", "partner_id"))
    partners = (
        PartnerPage.objects.filter(locale__language_code="th").order_by("pk").values_list("pk", flat=True)
    )
    pairs = [
        (petition_ids[n % len(petition_ids)], partner)
        for n, partner in enumerate(partners.iterator())
        if (petition_ids[n % len(petition_ids)], partner) not in taken
    ][:count]
    if not pairs:
        raise LookupError("no partner left to co-sign")
    statuses = (CoSignatureStatus.APPROVED, CoSignatureStatus.APPROVED, CoSignatureStatus.PENDING)
    made = OrganisationCoSignature.objects.bulk_create(
        [
            OrganisationCoSignature(petition_id=petition, partner_id=partner, status=statuses[n % 3])
            for n, (petition, partner) in enumerate(pairs)
        ],
        batch_size=1000,
    )
    rows = list(
        OrganisationCoSignature.objects.filter(pk__in=[row.pk for row in made]).select_related(
            "petition", "partner"
        )
    )
    return file_in_inbox(rows, cosignature_submission, days)


# --- The command ---------------------------------------------------------------------------------------------
def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--signatures", type=int, default=int(os.environ.get("BENCH_SCALE_SIGNATURES", 1_000_000))
    )
    parser.add_argument("--largest", type=int, default=int(os.environ.get("BENCH_SCALE_LARGEST", 500_000)))
    parser.add_argument("--petitions", type=int, default=int(os.environ.get("BENCH_SCALE_PETITIONS", 100)))
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_SCALE_PARTNERS", 5_000)))
    parser.add_argument("--stories", type=int, default=int(os.environ.get("BENCH_SCALE_STORIES", 1_000)))
    parser.add_argument("--campaigns", type=int, default=int(os.environ.get("BENCH_SCALE_CAMPAIGNS", 1_000)))
    parser.add_argument("--days", type=int, default=int(os.environ.get("BENCH_SCALE_DAYS", 365)))
    parser.add_argument("--rsvps", type=int, default=int(os.environ.get("BENCH_SCALE_RSVPS", 3_000)))
    parser.add_argument(
        "--cosignatures", type=int, default=int(os.environ.get("BENCH_SCALE_COSIGNATURES", 300))
    )
    options = parser.parse_args(argv)
    summary: dict = {"skipped": {}, "seconds": {}}
    started = time.monotonic()

    def step(name: str, function, *args, **kwargs):
        begun = time.monotonic()
        try:
            result = function(*args, **kwargs)
        except (LookupError, ValueError) as error:
            summary["skipped"][name] = str(error)
            log(f"{name}: skipped ({error})")
            return None
        summary["seconds"][name] = round(time.monotonic() - begun, 1)
        log(f"{name}: done in {summary['seconds'][name]} s")
        return result

    for key, app_label, wanted, count, languages in (
        ("partners", "partners", "partner", options.partners, ("th",)),
        ("campaigns", "campaigns", "campaign", options.campaigns, LANGUAGES),
        ("stories", "stories", "story", options.stories, LANGUAGES),
    ):
        model = page_model(app_label, wanted)
        if model is None:
            summary["skipped"][key] = f"no page model in app '{app_label}'"
            continue
        ids = step(key, make_pages, model, count, languages=languages)
        summary[key] = len(ids or [])

    petition_model = page_model("petitions", "petition")
    if petition_model is None:
        summary["skipped"]["petitions"] = "no petitions.PetitionPage"
        return summary
    existing = list(petition_model.objects.filter(locale__language_code="th").values_list("pk", flat=True))
    wanted_new = max(options.petitions - len(existing), 0)

    def petition_fields(group: int) -> dict:
        now = timezone.now()
        return {"status": "open", "goal": 10_000, "opens_at": now - datetime.timedelta(days=30 + group)}

    new_ids = (
        step("petitions", make_pages, petition_model, wanted_new, languages=("th",), extra=petition_fields)
        or []
    )
    petition_ids = (new_ids + existing)[: options.petitions]
    summary["petitions"] = len(petition_ids)
    if not petition_ids or "petitions" in summary["skipped"]:
        return summary
    largest = min(options.largest, options.signatures)
    summary["signatures"] = step(
        "signatures", insert_signatures, petition_ids, options.signatures, largest, options.days
    )
    summary["largest_petition_pk"] = petition_ids[0]
    summary["largest_petition_url"] = Page.objects.get(pk=petition_ids[0]).specific.get_url()
    summary["largest_petition_signatures"] = largest
    summary["tallies"] = step("tallies", rebuild_tallies)
    summary["status_summary_rows"] = step("status summary", summarise_statuses)
    summary["rsvps"] = step("rsvps", insert_rsvps, options.rsvps, options.days)
    summary["cosignatures"] = step(
        "cosignatures", insert_cosignatures, options.cosignatures, petition_ids, options.days
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as a running site would have
    summary["total_seconds"] = round(time.monotonic() - started, 1)
    return summary


if __name__ == "__main__":
    result = main(sys.argv[1:])
    print(json.dumps(result, default=str, ensure_ascii=False))
