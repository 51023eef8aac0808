"""What the home page shows of petitions (``site_project.home``): the call to action at the top, and the other
open petitions, each with its live count and a link to its sign form.

The call to action is the editors' main petition while it takes signatures; otherwise the open petition that
closes soonest (within ``URGENT_DAYS``), or else the one with the most signatures. A closed petition is never
the call to action. Counts come from ``selectors.public_totals`` (a few seconds old); the page cache keeps the
page a few seconds more, and ``petitions.js`` refreshes them in the browser.
"""

import datetime

from django.db.models import F, Subquery
from django.utils import timezone
from wagtail.models import Page

from .models import PetitionIndexPage, PetitionPage
from .selectors import prime_public_totals, public_totals

CANDIDATES = 6  # open petitions read and counted, whatever the number on the site
LISTED = 3  # open petitions listed under the call to action
URGENT_DAYS = 30  # a petition closing within this many days goes first


def sign_url(url: str, petition_id: int) -> str:
    """The petition page's sign form (its heading), so a phone lands on the form."""
    return f"{url}#sign-heading-{petition_id}"


def _card(petition: PetitionPage, request) -> dict:
    totals = public_totals(petition.pk)
    goal = petition.effective_goal(totals.count)
    url = petition.get_url(request) or ""
    return {
        "petition": petition,
        "url": url,
        "sign_url": sign_url(url, petition.pk),
        "closes_at": petition.closes_at,
        # What ``petitions/_progress.html`` prints, as the sign form's context names it.
        "sign": {
            "petition": petition,
            "count": totals.count,
            "online": totals.online,
            "paper": totals.paper,
            "goal": goal,
            "percent": min(100, int(totals.count * 100 / goal)) if goal else 0,
        },
    }


def _featured(page) -> PetitionPage | None:
    """The editors' main petition, in the home page's language, while it takes signatures. One query."""
    if not page.featured_petition_id:
        return None
    chosen_key = Page.objects.filter(pk=page.featured_petition_id).values("translation_key")
    return (
        PetitionPage.objects.live()
        .public()
        .accepting()
        .filter(locale_id=page.locale_id, translation_key=Subquery(chosen_key))
        .first()
    )


def most_urgent(cards: list[dict], *, now: datetime.datetime) -> dict:
    """The card that closes soonest within ``URGENT_DAYS``, or else the one with the most signatures."""
    soon = [
        card
        for card in cards
        if card["closes_at"] and card["closes_at"] <= now + datetime.timedelta(URGENT_DAYS)
    ]
    if soon:
        return min(soon, key=lambda card: card["closes_at"])
    return max(cards, key=lambda card: card["sign"]["count"])


def home_petitions(query) -> dict:
    """The call to action and the other open petitions: read once per view, shared by both sections."""
    page, request = query.page, query.request
    candidates = list(
        PetitionPage.objects.live()
        .public()
        .accepting()
        .filter(locale_id=page.locale_id)
        .order_by(F("closes_at").asc(nulls_last=True), "-first_published_at", "pk")[:CANDIDATES]
    )
    featured = _featured(page)
    if featured is not None:
        candidates = [featured] + [petition for petition in candidates if petition.pk != featured.pk]
    prime_public_totals(petition.pk for petition in candidates)  # one read for every card's count
    cards = [_card(petition, request) for petition in candidates]
    if not cards:
        return {"main": None, "others": []}
    main = cards[0] if featured is not None else most_urgent(cards, now=timezone.now())
    return {"main": main, "others": [card for card in cards if card is not main][:LISTED]}


def call_to_action(query) -> dict | None:
    main = query.once("petitions", lambda: home_petitions(query))["main"]
    return {"card": main} if main else None


def open_petitions(query) -> dict | None:
    others = query.once("petitions", lambda: home_petitions(query))["others"]
    if not others:
        return None
    index = PetitionIndexPage.objects.live().child_of(query.page).first()
    return {"cards": others, "index_url": index.get_url(query.request) if index else ""}
