"""The site search page and the admin view that copies a campaign to a new year."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from . import search as site_search
from .forms import SearchForm
from .models import CampaignPage
from .services import copy_campaign_to_year

RESULTS_PER_PAGE = 20


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results, query = [], ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        locale = (
            Locale.objects.filter(language_code=translation.get_language()).first() or Locale.get_default()
        )
        results = site_search.search(query, locale=locale)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "page_obj": page_obj,
            "result_count": len(results),
            "query_string": urlencode({"q": query}),
        },
    )


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
