"""The partner portal's reach page, its QR code downloads and the co-sponsors' list of signers.

Every view is for a signed-in representative and shows only their own organisation's reach: anonymous visitors
get the login page, other accounts 403, and the id of a page the partner cannot share or a petition it does not
co-sponsor answers 404, with nothing of it in the response.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from partners.views import representative_required
from site_project.public_url import absolute_url

from . import selectors, services
from .links import partner_identity, qr_file, referral_url

QR_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


def portal_section(request, representative) -> dict:
    """The reach section of the portal's home: each open petition with what came through the partner's link."""
    return {"reach": selectors.reach_for(representative, request)}


@representative_required
def reach(request):
    return render(
        request, "advocacy/portal/reach.html", {"reach": selectors.reach_for(request.representative, request)}
    )


@representative_required
def qr_code(request, kind: str, page_id: int, file_type: str):
    """The QR code of the partner's link to an open petition or upcoming campaign, as an SVG or PNG file."""
    if file_type not in QR_TYPES:
        raise Http404
    page = selectors.shareable_page(kind, page_id)
    source = partner_identity(request.representative.partner).source
    url = referral_url(absolute_url(page.get_url(request) or ""), source)
    response = HttpResponse(qr_file(url, kind=file_type), content_type=QR_TYPES[file_type])
    response["Content-Disposition"] = f'attachment; filename="qr-{kind}-{page.pk}-{source}.{file_type}"'
    return response


@representative_required
@require_POST
def subscribers_csv(request, petition_id: int):
    """The signers who asked for the partner's news on a petition it co-sponsors; recorded in the sharing log."""
    identity = partner_identity(request.representative.partner)
    petition = selectors.co_sponsored_petition(identity, petition_id)
    shared = services.share_subscribers(representative=request.representative, petition=petition)
    response = HttpResponse(shared.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{shared.filename}"'
    return response
