"""RSVPs to a campaign's events, and the admin view that copies a campaign to a new year."""

from django.contrib import messages
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from petitions import abuse
from site_project import rate_limits
from site_project.logins import client_ip
from site_project.video import allow_players

from .forms import RSVPForm
from .models import CampaignPage
from .services import RSVPClosed, copy_campaign_to_year, record_rsvp

# The RSVP form carries no CSRF token, so that a campaign page is the same bytes for every anonymous reader and
# the page cache (``site_project.pagecache``) serves one copy to all. It defends itself as the sign form does:
# a signed token bound to the event and to when the form was made (``RSVPForm.for_event``), the honeypot and a
# per-address rate limit. CSRF protects what a forged request could do with the reader's session, and an RSVP
# never reads the session or the signed-in user: anyone may say they will come. It has its own address
# because a page's routes are all served by Wagtail's ``serve`` view, which the CSRF check guards.
RSVP_RATE_LIMIT = "10/600"  # RSVPs from one address in ten minutes: a family or an office, not a flood
RATE_LIMITED = 429
RSVP_CLOSED = 410  # the event has started or is over: its form is gone for good
# The page shown again here reads neither the session nor the user: no waiting message, no editors' user bar.
NO_SESSION = {"messages": (), "reads_no_session": True}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def rsvp(request, campaign_id: int, block_id: str):
    """Record that someone will come, or show the form again with their input, its errors and a new token."""
    campaign = get_object_or_404(CampaignPage.objects.live().public().specific(), pk=campaign_id)
    event = campaign.event_block(block_id)
    if event is None or not event.value.get("takes_rsvp"):
        raise Http404
    back_to_event = f"{campaign.get_url(request)}#event-{block_id}"
    if request.method != "POST":
        return redirect(back_to_event)
    if not event.value.rsvp_open():
        return _closed(request, campaign)
    form = RSVPForm.for_event(campaign, block_id, data=request.POST)
    if form.caught_in_honeypot():
        return _noted(request, back_to_event)  # nothing kept, and nothing a bot could learn from
    status = 400
    if form.is_valid():
        if not _too_many_from(request):
            try:
                record_rsvp(campaign=campaign, block_id=block_id, data=form.cleaned_data)
            except RSVPClosed:  # it started while the form was being checked
                return _closed(request, campaign)
            return _noted(request, back_to_event)
        form.add_error(
            None, _("We have had many replies from your connection. Wait a few minutes, then send again.")
        )
        status = RATE_LIMITED
    form.renew_token()
    response = campaign.render(request, context_overrides={"rsvp_forms": {block_id: form}, **NO_SESSION})
    response.status_code = status
    return allow_players(response) if campaign.has_video else response


def _closed(request, campaign: CampaignPage):
    """The campaign page again, whose event now says replies are closed, with a message at the top."""
    refused = Message(
        constants.ERROR,
        _("This event has started or is over, so it no longer takes replies. Nothing was kept."),
    )
    response = campaign.render(request, context_overrides={**NO_SESSION, "messages": (refused,)})
    response.status_code = RSVP_CLOSED
    return allow_players(response) if campaign.has_video else response


def _too_many_from(request) -> bool:
    ip = client_ip(request)
    if not ip or abuse.is_allowlisted(ip):
        return False
    return rate_limits.exceeded(f"campaigns:rsvp:{abuse.hash_ip(ip)[:32]}", RSVP_RATE_LIMIT)


def _noted(request, back_to_event: str):
    messages.success(request, _("Thank you. We have noted that you will come."))
    return redirect(back_to_event)


@require_http_methods(["GET", "POST"])
def copy_to_year(request, page_id: int):
    campaign = get_object_or_404(CampaignPage, pk=page_id)
    parent = campaign.get_parent()
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    year = campaign.year + 1
    status = 200
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = 0
        if 2000 <= year <= 2100:
            copy = copy_campaign_to_year(campaign=campaign, year=year, user=request.user)
            messages.success(
                request,
                _("Copied “%(title)s” to %(year)s as drafts, with its translations.")
                % {"title": campaign.title, "year": year},
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[copy.pk]))
        messages.error(request, _("Enter a year between 2000 and 2100."))
        status = 400
    return render(
        request,
        "campaigns/admin/copy_to_year.html",
        {"campaign": campaign, "year": year, "translations": campaign.get_translations(inclusive=True)},
        status=status,
    )
