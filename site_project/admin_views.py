"""Staff tools in the Wagtail admin that belong to the site as a whole: locked sign-ins."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import logins

LOCKOUT_KINDS = {"username", "ip_address"}


@permission_required(logins.UNLOCK_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def locked_sign_ins(request):
    """Accounts and addresses locked after too many failed sign-ins, each with an Unlock button."""
    if request.method == "POST":
        kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()
        if kind not in LOCKOUT_KINDS or not value or len(value) > 255:
            messages.error(request, _("Choose an account or an address to unlock."))
            return redirect("locked_sign_ins")
        logins.unlock(kind=kind, value=value, user=request.user)
        messages.success(request, _("%(value)s can sign in again.") % {"value": value})
        return redirect("locked_sign_ins")
    return render(
        request,
        "site_project/admin/locked_sign_ins.html",
        {
            "page_title": _("Locked sign-ins"),
            "header_icon": "lock",
            "lockouts": logins.current_lockouts(),
            "failure_limit": logins.settings.AXES_FAILURE_LIMIT,
            "cool_off_minutes": round(logins.cool_off().total_seconds() / 60),
        },
    )
