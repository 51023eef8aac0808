"""What the Secretariat's inbox holds at full size, for ``bench.scale_data``: RSVPs and co-signatures.

Each row is filed in the inbox as the site files a submission, with received times spread over the last
days. Import after ``django.setup()``.
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from advocacy.models import InboxItem
from campaigns.models import CampaignPage, EventRSVP
from campaigns.services import rsvp_submission
from partners.models import PartnerPage
from petitions.models import CoSignatureStatus, OrganisationCoSignature
from petitions.services.moderation import cosignature_submission

from .scale_pages import THAI_NAMES, THAI_SURNAMES


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
