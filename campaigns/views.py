"""The admin view that copies a campaign to a new year."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .models import CampaignPage
from .services import copy_campaign_to_year


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
