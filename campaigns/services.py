"""Writes with side effects for campaigns: event RSVPs and copying a campaign to a new year."""

import copy as copying
import datetime
import re
import uuid

from django.db import transaction
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from wagtail import blocks
from wagtail.models import Page

from petitions.identity import clean_source
from site_project.dates import buddhist_year
from site_project.submissions import Submission, announce

from .models import CampaignPage, EventRSVP


class RSVPClosed(Exception):
    """The event takes no RSVPs (any more): it is not on the page, or it has started or is over."""


@transaction.atomic
def record_rsvp(*, campaign: CampaignPage, block_id: str, data: dict, language: str = "") -> EventRSVP:
    event = campaign.event_block(block_id)
    if event is None or not event.value.rsvp_open():  # no such event, no RSVPs, or it has started
        raise RSVPClosed(block_id)
    rsvp = EventRSVP.objects.create(
        campaign=campaign,
        event_block_id=block_id,
        event_title=event.value["title"],
        event_date=event.value["date"],
        name=data["name"],
        email=data.get("email") or "",
        phone=data.get("phone") or "",
        people=data.get("people") or 1,
        language=language or translation.get_language() or "th",
        source=clean_source(data.get("source") or ""),
    )
    announce(rsvp_submission(rsvp))
    return rsvp


def rsvp_submission(rsvp: EventRSVP) -> Submission:
    """The inbox's view of an RSVP: one form per event, whichever translation of the campaign it came from."""
    return Submission(
        instance=rsvp,
        form_key=f"campaigns.rsvp:{rsvp.campaign.translation_key}:{rsvp.event_block_id}",
        form_label=rsvp.event_title,
        language=rsvp.language,
        summary=rsvp.name,
    )


def _shift_date(value: datetime.date | None, years: int) -> datetime.date | None:
    """``value`` (a date or a datetime) ``years`` later or earlier; 29 February becomes 28 in a common year."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February into a common year
        return value.replace(year=value.year + years, day=28)


def _shift_raw(block: blocks.Block, raw, years: int):
    """A block's stored (JSON) value with every date and date-time inside it moved by ``years``, found by the
    block definitions, however deep: events' days, deadlines, and any date block added later."""
    if raw in (None, ""):
        return raw
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                child["value"] = _shift_raw(child_block, child.get("value"), years)
        return raw
    if isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name in raw:
                raw[name] = _shift_raw(child_block, raw[name], years)
        return raw
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": _shift_raw(block.child_block, item["value"], years)}
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item
            else _shift_raw(block.child_block, item, years)
            for item in raw
        ]
    if isinstance(block, blocks.DateTimeBlock):
        value = parse_datetime(raw) if isinstance(raw, str) else raw
        return _shift_date(value, years).isoformat() if value else raw
    if isinstance(block, blocks.DateBlock):
        value = parse_date(raw) if isinstance(raw, str) else raw
        return _shift_date(value, years).isoformat() if value else raw
    return raw


def _shifted_body(page: CampaignPage, years: int) -> list:
    """The page's body as stored, with every date inside its blocks moved by ``years``."""
    raw = copying.deepcopy(list(page.body.get_prep_value()))
    return _shift_raw(page.body.stream_block, raw, years)


def _replace_year(text: str, old: int, new: int) -> str:
    """Change the year in a title or slug, in the Common and the Buddhist Era."""
    text = re.sub(rf"(?<!\d){old}(?!\d)", str(new), text)
    return re.sub(rf"(?<!\d){buddhist_year(old)}(?!\d)", str(buddhist_year(new)), text)


def _free_slug(parent: Page, slug: str) -> str:
    candidate, number = slug, 2
    while parent.get_children().filter(slug=candidate).exists():
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


@transaction.atomic
def copy_campaign_to_year(*, campaign: CampaignPage, year: int, user=None) -> CampaignPage:
    """Copy a campaign and every translation of it as drafts for ``year``; returns the copy in its language.

    The copies share a new translation key, so they remain translations of one another; every date moves by
    the difference in years (the campaign's own and those in its body's blocks: events, deadlines) and the
    year in titles and slugs is updated. Nothing is published.
    """
    years = year - campaign.year
    translation_key = uuid.uuid4()
    copies = {}
    for original in campaign.get_translations(inclusive=True).specific().order_by("pk"):
        parent = original.get_parent()
        slug = _replace_year(original.slug, original.year, year)
        if slug == original.slug:
            slug = f"{original.slug}-{year}"
        copy = original.copy(
            to=parent,
            update_attrs={
                "title": _replace_year(original.title, original.year, year),
                "slug": _free_slug(parent, slugify(slug, allow_unicode=True)),
                "draft_title": _replace_year(original.title, original.year, year),
                "year": year,
                "key_date": _shift_date(original.key_date, years),
                "start_date": _shift_date(original.start_date, years),
                "end_date": _shift_date(original.end_date, years),
                "body": _shifted_body(original, years),
                "translation_key": translation_key,
            },
            keep_live=False,
            copy_revisions=False,
            reset_translation_key=False,
            user=user,
        )
        copy = copy.specific
        copy.save_revision(user=user, log_action=False)
        copies[original.pk] = copy
    return copies[campaign.pk]
