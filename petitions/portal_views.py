"""Paper signatures in the partner portal: a representative enters a batch their organisation collected and
follows its state. The organisation is always the representative's own, never taken from the request, and
the batch counts only once the Secretariat confirms it (a second person: never the one who entered it).

Anonymous visitors get the login page and signed-in people who represent no organisation a 403.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partners.models import PartnerPage
from partners.views import representative_required

from . import services
from .models import PaperBatch, PetitionPage
from .paper_forms import PaperBatchForm

RECENT_BATCHES = 50


def _own_batches(representative):
    """The batches collected by the representative's organisation, in any of its translations."""
    partner_ids = PartnerPage.objects.filter(translation_key=representative.partner.translation_key).values(
        "pk"
    )
    return (
        PaperBatch.objects.filter(partner_id__in=partner_ids)
        .select_related("petition")
        .order_by("-entered_at")
    )


def _petitions():
    return (
        PetitionPage.objects.live().public().open_or_recent().select_related("locale").order_by("-opens_at")
    )


def portal_section(request, representative) -> dict:
    """The paper section of the portal's home: the organisation's latest batches and how each stands."""
    return {"batches": list(_own_batches(representative)[:5])}


@representative_required
@require_http_methods(["GET", "POST"])
def paper_batches(request):
    representative = request.representative
    form = PaperBatchForm(request.POST or None, request.FILES or None, petitions=_petitions())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.enter_paper_batch(
                    petition=data["petition"],
                    event_name=data["event_name"],
                    event_date=data["event_date"],
                    province=data["province"],
                    count=data["count"],
                    partner=representative.partner,
                    scans=data["scans"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, list(error.messages))
            else:
                messages.success(
                    request,
                    _("Batch entered. It counts once the Secretariat has checked it against the scans."),
                )
                return redirect("petitions:paper_batches")
        status = 400
    return render(
        request,
        "petitions/portal/paper.html",
        {
            "form": form,
            "partner": representative.partner,
            "batches": _own_batches(representative)[:RECENT_BATCHES],
        },
        status=status,
    )
