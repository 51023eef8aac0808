"""What the home page shows of campaigns (``site_project.home``): the key-date campaign and upcoming events.

The campaign is the editors' choice, or else the one under way today (between its first and last day, or on
its key date), or else the next to come, or else the latest. Events are read from the event blocks of the
campaigns still running or to come, without loading the rest of their bodies (no petition or image look-ups).
"""

import datetime

from django.db.models import F, Q, Subquery
from django.utils import timezone
from wagtail.models import Page

from site_project.fields import with_image

from .models import CampaignPage

CAMPAIGN_CANDIDATES = 10
EVENT_CAMPAIGNS = 20  # campaigns whose events are looked at, the soonest first
EVENTS = 3


def _campaigns(page):
    campaigns = CampaignPage.objects.live().public().filter(locale_id=page.locale_id)
    return with_image(campaigns, "hero_image")


def is_current(campaign: CampaignPage, today: datetime.date) -> bool:
    if campaign.key_date == today:
        return True
    return bool(
        campaign.start_date and campaign.end_date and campaign.start_date <= today <= campaign.end_date
    )


def _first_day(campaign: CampaignPage) -> datetime.date:
    return campaign.key_date or campaign.start_date or datetime.date.max


def key_date_campaign(page, today: datetime.date) -> tuple[CampaignPage | None, str]:
    """The campaign to show and how it stands: "chosen", "current", "next" or "past"."""
    if page.featured_campaign_id:
        chosen_key = Page.objects.filter(pk=page.featured_campaign_id).values("translation_key")
        chosen = _campaigns(page).filter(translation_key=Subquery(chosen_key)).first()
        if chosen is not None:
            return chosen, "current" if is_current(chosen, today) else "chosen"
    running_or_coming = list(
        _campaigns(page)
        .filter(Q(end_date__gte=today) | Q(key_date__gte=today) | Q(start_date__gte=today))
        .order_by(F("key_date").asc(nulls_last=True), "start_date", "pk")[:CAMPAIGN_CANDIDATES]
    )
    current = [campaign for campaign in running_or_coming if is_current(campaign, today)]
    if current:
        return current[0], "current"
    coming = [campaign for campaign in running_or_coming if _first_day(campaign) >= today]
    if coming:
        return min(coming, key=_first_day), "next"
    latest = _campaigns(page).order_by(F("key_date").desc(nulls_last=True), "-pk").first()
    return latest, "past"


def campaign_section(query) -> dict | None:
    today = timezone.localdate()
    campaign, standing = key_date_campaign(query.page, today)
    if campaign is None:
        return None
    return {
        "campaign": campaign,
        "standing": standing,
        "url": campaign.get_url(query.request),
        "date": campaign.key_date or campaign.start_date,
    }


def upcoming_events(page, *, today: datetime.date, request=None, limit: int = EVENTS) -> list[dict]:
    """The next ``limit`` events of the campaigns in the page's language, each with its campaign and link."""
    campaigns = (
        CampaignPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .filter(Q(end_date__gte=today) | Q(end_date__isnull=True, year__gte=today.year))
        .order_by(F("start_date").asc(nulls_last=True), "pk")[:EVENT_CAMPAIGNS]
    )
    events = []
    for campaign in campaigns:
        event_block = campaign.body.stream_block.child_blocks["event"]
        for item in campaign.body.raw_data:
            if item.get("type") != "event":
                continue
            value = event_block.to_python(item["value"])
            if value.get("date") and value["date"] >= today:
                events.append((campaign, item.get("id", ""), value))
    events.sort(key=lambda found: (found[2]["date"], found[2].get("start_time") or datetime.time.min))
    shown = []
    for campaign, block_id, value in events[:limit]:
        url = campaign.get_url(request) or ""
        shown.append(
            {"event": value, "campaign": campaign, "url": f"{url}#event-{block_id}" if block_id else url}
        )
    return shown


def events_section(query) -> dict | None:
    events = upcoming_events(query.page, today=timezone.localdate(), request=query.request)
    return {"events": events} if events else None
