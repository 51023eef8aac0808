"""Staff tools in the Wagtail admin for partners: resending an invitation, opening a members' document."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .models import Invitation, MemberDocument
from .views import document_file

INVITE_PERMISSION = "partners.add_invitation"


@permission_required(INVITE_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def resend_invitation(request, invitation_id: int):
    """Confirm, then send a new invitation to the same person; the old link answers 410 from then on."""
    invitation = get_object_or_404(Invitation.objects.select_related("partner"), pk=invitation_id)
    listing = "wagtailsnippets_partners_invitation:list"
    if invitation.accepted_at is not None:
        messages.error(
            request, _("%(email)s has already accepted this invitation.") % {"email": invitation.email}
        )
        return redirect(listing)
    if request.method == "POST":
        services.resend_invitation(invitation=invitation, invited_by=request.user)
        messages.success(
            request,
            _("A new invitation is on its way to %(email)s. The link in the earlier e-mail no longer works.")
            % {"email": invitation.email},
        )
        return redirect(listing)
    return render(
        request,
        "partners/admin/resend_invitation.html",
        {"page_title": _("Resend invitation"), "header_icon": "mail", "invitation": invitation},
    )


@permission_required("partners.view_memberdocument", raise_exception=True)
@require_http_methods(["GET"])
def member_document_file(request, document_id: int):
    """The file of a members' document, for staff who may see the library in the admin."""
    return document_file(get_object_or_404(MemberDocument, pk=document_id))
