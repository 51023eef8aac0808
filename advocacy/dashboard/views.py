"""The dashboard's admin views: the page at /admin/advocacy/, each chart's CSV, and the admin home's panel.

Only the Secretariat (and superusers) see them; Wagtail already turns away anyone without admin access.
Bad filters in the URL get the page again with the reason and a 400.
"""

import csv
import functools
import io

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.admin.ui.components import Component

from partners.models import Representative
from petitions.exports import BOM, FORMULA_STARTS

from ..charts import number
from .board import build_dashboard
from .choices import load_choices
from .filters import DashboardFilters
from .signatures import Figure, by_language, confirmation_rates, signatures_over_time, status_counts

SECRETARIAT_GROUP = "Secretariat"


def is_secretariat(user) -> bool:
    """Superusers and the Secretariat group; never a partner's representative, whatever group they are in.

    Asked by the view, the menu and the admin home's panel alike: the answer is kept on the request's user.
    """
    if not hasattr(user, "_advocacy_secretariat"):
        user._advocacy_secretariat = (
            user.is_active
            and not Representative.objects.filter(user=user).exists()
            and (user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists())
        )
    return user._advocacy_secretariat


def secretariat_only(view):
    """A 403 that names nothing for anyone else (Wagtail would turn a PermissionDenied into a redirect)."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if not is_secretariat(request.user):
            context = {"page_title": _("Advocacy dashboard"), "header_icon": "warning"}
            return render(request, "advocacy/dashboard/refused.html", context, status=403)
        return view(request, *args, **kwargs)

    return checked


def _filters(request) -> DashboardFilters:
    return DashboardFilters(request.GET, choices=load_choices())


@require_GET
@secretariat_only
def dashboard_view(request):
    """Every panel for the filters in the URL."""
    form = _filters(request)
    context = {"page_title": _("Advocacy dashboard"), "header_icon": "view", "form": form}
    if not form.is_valid():
        return render(request, "advocacy/dashboard/index.html", context, status=400)
    board = build_dashboard(form.scope(), request.user)
    query = request.GET.urlencode()
    panels = [
        {
            "chart": chart,
            "note": board.notes.get(key, ""),
            "csv_url": reverse("advocacy_dashboard_csv", args=[key]) + (f"?{query}" if query else ""),
        }
        for key, chart in board.charts.items()
    ]
    context.update(board=board, panels=panels)
    return render(request, "advocacy/dashboard/index.html", context)


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@require_GET
@secretariat_only
def download(request, key: str):
    """One chart's table as CSV, for the same filters: UTF-8 with a byte-order mark, no cell a formula."""
    form = _filters(request)
    if not form.is_valid():
        errors = " ".join(message for messages in form.errors.values() for message in messages)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    chart = build_dashboard(form.scope(), request.user).charts.get(key)
    if chart is None:
        raise Http404
    buffer = io.StringIO()
    buffer.write(BOM)
    csv.writer(buffer).writerows([[_safe(value) for value in row] for row in chart.csv_rows()])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    scope = form.scope()
    response["Content-Disposition"] = f'attachment; filename="{key}-{scope.since}-{scope.until}.csv"'
    return response


class DashboardPanel(Component):
    """The admin home's first panel for the Secretariat: the headline figures and signatures over time."""

    name = "advocacy_dashboard"
    template_name = "advocacy/dashboard/home_panel.html"
    order = 50

    class Media:
        css = {"all": ["css/advocacy-dashboard.css"]}

    def get_context_data(self, parent_context):
        form = DashboardFilters({}, choices=load_choices())
        form.is_valid()
        scope = form.scope()
        statuses = status_counts(scope)
        _languages, total = by_language(scope)
        _rates, figures = confirmation_rates(scope, statuses)
        return {
            "figures": [Figure(_("Confirmed signatures"), number(total)), *figures],
            "chart": signatures_over_time(scope, statuses),
            "csv_url": reverse("advocacy_dashboard_csv", args=["over-time"]),
            "scope": scope,
        }
