"""What the petition templates are given: the sign form's context, wherever the form shows, and the page's.

The sign form shows on the petition page, in a campaign's petition block, on the thank-you page and in the
embed: ``{% petition_sign_context petition request as sign %}`` then
``{% include "petitions/_sign_form.html" with sign=sign %}``. ``PetitionPage.get_context`` adds the rest of
the page with ``petition_page_context``.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from site_project import related
from site_project.public_url import absolute_url

from . import abuse
from .forms import SignForm
from .identity import source_from_query
from .selectors import (
    canonical_petition_id,
    petition_co_sponsors,
    petition_content,
    public_totals,
    recent_signers,
)


def share_links(url: str, title: str) -> list[dict]:
    """Plain links to share on LINE, Facebook, X and WhatsApp, each tagged with its source."""

    def tagged(source: str) -> str:
        separator = "&" if "?" in url else "?"
        return f"{url}{separator}src={source}"

    return [
        {
            "name": "LINE",
            "url": "https://social-plugins.line.me/lineit/share?" + urlencode({"url": tagged("line")}),
        },
        {
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": tagged("facebook")}),
        },
        {
            "name": "X",
            "url": "https://twitter.com/intent/tweet?" + urlencode({"url": tagged("x"), "text": title}),
        },
        {
            "name": "WhatsApp",
            "url": "https://wa.me/?" + urlencode({"text": f"{title} {tagged('whatsapp')}"}),
        },
    ]


def updates_choices(petition, co_sponsors) -> list[tuple[str, str]]:
    return [("organiser", petition.organiser_name)] + [(str(p["pk"]), p["title"]) for p in co_sponsors]


def privacy_url() -> str:
    return f"/{translation.get_language() or 'th'}/privacy/"


def sign_context(petition, request, *, action: str = "", form=None) -> dict:
    """Everything the sign form include needs: the form, where it posts, the count, the goal and sharing."""
    petition = getattr(petition, "specific", petition)
    totals = public_totals(petition.pk)
    count = totals.count
    goal = petition.effective_goal(count)
    co_sponsors = petition_co_sponsors(petition, request)
    query = request.GET if request is not None else {}
    if form is None:
        form = SignForm(
            initial={
                "source": source_from_query(query),
                "form_token": abuse.make_form_token(petition.pk),
            },
            updates_choices=updates_choices(petition, co_sponsors),
            privacy_url=privacy_url(),
        )
    page_url = absolute_url(petition.get_url(request) or "")
    return {
        "petition": petition,
        "form": form,
        "form_action": action or reverse("petitions:sign", args=[petition.pk]),
        "accepting": petition.is_accepting(),
        "count": count,
        "online": totals.online,
        "paper": totals.paper,  # signatures in confirmed paper batches: shown as "N online + M on paper"
        "goal": goal,
        "percent": min(100, int(count * 100 / goal)) if goal else 0,
        "co_sponsors": co_sponsors,
        "privacy_url": privacy_url(),
        "page_url": page_url,
        "share_links": share_links(page_url, petition.title),
        "copy_url": f"{page_url}?src=copy" if page_url else "",
        "copied_text": _("Link copied"),
    }


def petition_page_context(*, petition, request) -> dict:
    """What the petition page shows: count, goal, timeline, targets, partners, recent signers, the form."""
    content = petition_content(petition, request)  # first: the sign form takes its co-sponsors from it
    sign = sign_context(petition, request)
    return {
        **content,
        "sign": sign,
        "sign_anchor": f"sign-heading-{petition.pk}",  # the sign form's heading (``_sign_form.html``)
        "outcome": _outcome(content["timeline"]),
        "page_url": sign["page_url"],
        "recent_signers": recent_signers(canonical_petition_id(petition.pk)),
        "can_cosign": _can_cosign(request),
    }


def confirmed_context(*, petition, request) -> dict:
    """What the page after confirming shows: sharing, the count and goal, whom the coalition takes the petition
    to and where it stands (its timeline, with the policy push's next step), the campaigns that carry it (from
    ``campaigns``, through ``site_project.related``) and the co-sponsoring partners. Nothing in it is the reader's:
    the page cache serves one copy to everyone who confirmed."""
    content = petition_content(petition, request)  # first: the sign form takes its co-sponsors from it
    sign = sign_context(petition, request)
    return {
        "sign": sign,
        "targets": content["targets"],
        "co_sponsors": content["co_sponsors"],
        "next_step": _next_step(content["timeline"]),
        "campaigns": related.collect(petition).get("carrying_campaigns", []),
    }


def _outcome(timeline: list[dict]) -> dict | None:
    """The latest outcome entry of the timeline (won, lost…), for a closed petition's page."""
    return next((entry for entry in timeline if entry["kind"] == "outcome"), None)


# Timeline states that say the coalition is waiting for someone (a policy push's delivery awaiting its answer).
WAITING_STATES = frozenset({"awaiting", "overdue", "very_overdue"})


def _next_step(timeline: list[dict]) -> dict | None:
    """What the petition awaits (an answer a policy push is waiting for), or else its latest news."""
    waiting = (entry for entry in timeline if entry["state"] in WAITING_STATES)
    return next(waiting, None) or next(iter(timeline), None)


def _can_cosign(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return getattr(user, "partner_representative", None) is not None
