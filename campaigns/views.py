"""RSVPs to a campaign's events, and the admin view that copies a campaign to a new year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from site_project.video import allow_players

from .forms import RSVPForm
from .models import CampaignPage
from .services import copy_campaign_to_year, record_rsvp


def rsvp_to_event(request, *, campaign: CampaignPage, block_id: str):
    """``<campaign>/rsvp/<block_id>/``: record that someone will come, or show the form again with its errors."""
    event = campaign.event_block(block_id)
    if event is None or not event.value.get("takes_rsvp"):
        raise Http404
    back_to_event = f"{campaign.get_url(request)}#event-{block_id}"
    if request.method != "POST":
        return redirect(back_to_event)
    form = RSVPForm(request.POST, prefix=f"rsvp-{block_id}")
    if form.is_valid():
        record_rsvp(campaign=campaign, block_id=block_id, data=form.cleaned_data)
        messages.success(request, _("Thank you. We have noted that you will come."))
        return redirect(back_to_event)
    response = campaign.render(request, context_overrides={"rsvp_forms": {block_id: form}})
    response.status_code = 400
    return allow_players(response) if campaign.has_video else response


@require_http_methods(["GET", "POST"])
def copy_to_year(request, page_id: int):
    campaign = get_object_or_404(CampaignPage, pk=page_id)
    parent = campaign.get_parent()
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    year = campaign.year + 1
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
    return render(
        request,
        "campaigns/admin/copy_to_year.html",
        {"campaign": campaign, "year": year, "translations": campaign.get_translations(inclusive=True)},
    )
