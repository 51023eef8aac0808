"""Thin views: the directory's context, the partner portal and the members' space."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from site_project.logins import client_ip

from . import portal, services
from .forms import (
    AcceptInvitationForm,
    MemberDocumentForm,
    PartnerLoginForm,
    PartnerProfileForm,
    PasswordResetRequestForm,
    SafetyForm,
)
from .models import MemberDocument, PartnerContacts, PartnerPage, directory_filters

LOGIN_URL = reverse_lazy("partners:login")
# Pages whose address holds a token: no other site learns the address, and the page's own form still sends
# the Origin that Django's CSRF check compares ("no-referrer" makes browsers send "Origin: null", refused).
TOKEN_PAGE_REFERRER_POLICY = "same-origin"  # noqa: S105  (a header value, not a password)


# --- Public directory -------------------------------------------------------------------------------------------


# --- Decorators -------------------------------------------------------------------------------------------------


def private(view):
    """Never stored in a shared cache, and varies on the session cookie."""

    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped


def representative_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), LOGIN_URL)
        representative = services.representative_for(request.user)
        if representative is None or not request.user.is_active:
            raise PermissionDenied
        request.representative = representative
        return view(request, *args, **kwargs)

    return private(wrapped)


def active_member_required(view):
    """Anonymous visitors, lapsed members and anyone else get the login page, never the content."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), LOGIN_URL)
        representative = services.representative_for(request.user)
        if representative is None or not representative.is_active_member:
            return render(
                request,
                "partners/login.html",
                {"form": auth_views.AuthenticationForm(request), "members_only": True},
                status=403,
            )
        request.representative = representative
        return view(request, *args, **kwargs)

    return private(wrapped)


# --- Signing in -------------------------------------------------------------------------------------------------


class LoginView(auth_views.LoginView):
    template_name = "partners/login.html"
    authentication_form = PartnerLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("partners:dashboard")


login_view = private(LoginView.as_view())
logout_view = private(auth_views.LogoutView.as_view(next_page=reverse_lazy("partners:login")))


# --- Password reset ---------------------------------------------------------------------------------------------


@private
@require_http_methods(["GET", "POST"])
def password_reset(request):
    """Ask for a reset link. Known or unknown, every valid address gets the same answer."""
    # Bound on every POST, even an empty one, so that the refusal below can be added to its errors.
    form = PasswordResetRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not services.allow_password_reset_request(ip=client_ip(request)):
            form.add_error(
                None,
                _("Too many requests for a new password from your connection. Wait an hour and try again."),
            )
            return render(request, "partners/password_reset.html", {"form": form}, status=429)
        if form.is_valid():
            services.request_password_reset(email=form.cleaned_data["email"])
            return redirect("partners:password_reset_done")
        return render(request, "partners/password_reset.html", {"form": form}, status=400)
    return render(request, "partners/password_reset.html", {"form": form})


@private
def password_reset_done(request):
    return render(request, "partners/password_reset_done.html")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset flow: the link's token moves into the session, then the person chooses a password."""

    template_name = "partners/password_reset_confirm.html"
    success_url = reverse_lazy("partners:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_reset_done(user=form.user)
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def render_to_response(self, context, **kwargs):
        if not context.get("validlink"):
            kwargs["status"] = 404
        response = super().render_to_response(context, **kwargs)
        response.headers["Referrer-Policy"] = TOKEN_PAGE_REFERRER_POLICY
        return response


password_reset_confirm = private(PasswordResetConfirmView.as_view())


@private
def password_reset_complete(request):
    return render(request, "partners/password_reset_complete.html")


@private
@require_http_methods(["GET", "POST"])
def accept_invitation(request, invitation_id: int, token: str):
    try:
        invitation = services.find_invitation(invitation_id=invitation_id, token=token)
    except services.InvitationRevoked:
        return render(request, "partners/invitation_revoked.html", status=410)
    except services.InvitationInvalid:
        return render(request, "partners/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation_id=invitation_id, token=token, password=form.cleaned_data["password1"]
            )
        except services.InvitationRevoked:
            return render(request, "partners/invitation_revoked.html", status=410)
        except services.InvitationInvalid:
            return render(request, "partners/invitation_invalid.html", status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your account is ready."))
        return redirect("partners:dashboard")
    response = render(request, "partners/accept_invitation.html", {"form": form, "invitation": invitation})
    response.headers["Referrer-Policy"] = TOKEN_PAGE_REFERRER_POLICY
    return response


# --- Partner portal ---------------------------------------------------------------------------------------------


def _in_active_language(partner: PartnerPage) -> PartnerPage:
    translated = partner.get_translation_or_none(Locale.get_active())
    return (translated or partner).specific


def _dashboard(request, *, safety_error: str = "", status: int = 200):
    representative = request.representative
    partner = _in_active_language(representative.partner)
    context = {
        "representative": representative,
        "partner": partner,
        "review": services.review_status(partner=partner),
        "is_active_member": representative.is_active_member,
        "contacts": partner.contacts_record,
        "safety_error": safety_error,
        "sections": portal.sections_for(request, representative),
    }
    return render(request, "partners/dashboard.html", context, status=status)


@representative_required
def dashboard(request):
    return _dashboard(request)


@representative_required
@require_http_methods(["POST"])
def safety(request, page_id: int):
    """Hide the contacts and/or leave the directory, in every language, at once: no review first."""
    partner = services.editable_partner(representative=request.representative, page_id=page_id)
    form = SafetyForm(request.POST)
    if not form.is_valid():
        return _dashboard(
            request, safety_error=_("Choose what to hide: your contacts, your listing, or both."), status=400
        )
    services.apply_safety_measure(
        representative=request.representative,
        partner=partner,
        hide_contacts=form.cleaned_data["hide_contacts"],
        unlist=form.cleaned_data["unlist"],
    )
    messages.success(
        request,
        _(
            "Done. It applies now, in every language. To show your organisation again, send an edit for review "
            "or ask the secretariat."
        ),
    )
    return redirect("partners:dashboard")


@representative_required
@require_http_methods(["GET", "POST"])
def edit_profile(request, page_id: int):
    partner = services.editable_partner(representative=request.representative, page_id=page_id)
    draft = partner.get_latest_revision_as_object()
    contacts = PartnerContacts.for_page(partner).get_latest_revision_as_object()
    form = PartnerProfileForm(request.POST or None, request.FILES or None, instance=draft, contacts=contacts)
    if request.method == "POST" and form.is_valid():
        services.submit_profile_edit(
            partner=partner, representative=request.representative, data=form.cleaned_data
        )
        messages.success(
            request, _("Thank you. The secretariat will review your changes before they go live.")
        )
        return redirect("partners:dashboard")
    return render(
        request,
        "partners/edit_profile.html",
        {"form": form, "partner": partner, "review": services.review_status(partner=partner)},
    )


# --- Members' space ---------------------------------------------------------------------------------------------


@active_member_required
def library(request):
    documents = list(MemberDocument.objects.for_library())
    for document in documents:
        document.withdrawable = document.uploaded_by_id == request.user.pk
    return render(request, "partners/library.html", {"documents": documents})


@active_member_required
def download_document(request, document_id: int):
    return document_file(get_object_or_404(MemberDocument, pk=document_id))


def document_file(document: MemberDocument) -> FileResponse:
    """A members' document as a download (to an active member here, to staff in the admin's ``admin_views``)."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=document.filename)


@active_member_required
@require_http_methods(["GET", "POST"])
def share_document(request):
    form = MemberDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.share_document(representative=request.representative, data=form.cleaned_data)
        messages.success(request, _("The document is now in the members' library."))
        return redirect("partners:library")
    return render(request, "partners/share_document.html", {"form": form})


@active_member_required
@require_http_methods(["POST"])
def withdraw_document(request, document_id: int):
    """Only the person who shared a document may withdraw it; anyone else gets 403."""
    document = get_object_or_404(MemberDocument, pk=document_id)
    title = services.withdraw_document(document=document, user=request.user)
    messages.success(
        request, _("“%(title)s” is withdrawn: members can no longer see or download it.") % {"title": title}
    )
    return redirect("partners:library")


@active_member_required
def referrals(request):
    form = directory_filters(request.GET)
    members = form.filter(
        PartnerPage.objects.live()
        .filter(locale=Locale.get_active(), membership_status=PartnerPage.Membership.ACTIVE)
        .prefetch_related("services", "areas", "contacts")
        .order_by("sort_key", "pk")
    )
    members = list(members)
    records = PartnerContacts.objects.in_bulk(
        [member.translation_key for member in members], field_name="translation_key"
    )
    for member in members:
        member.contacts_record = records.get(member.translation_key)  # one query for the whole list
    return render(request, "partners/referrals.html", {"filter_form": form, "members": members})
