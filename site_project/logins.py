"""Sign-in throttling for every login form (the partner portal and the Wagtail admin), built on django-axes.

Axes records failed sign-ins in the database, so every web process sees the same count. A run of
``LOGIN_FAILURE_LIMIT`` failures for one account, or from one address, inside ``LOGIN_COOLOFF_MINUTES``
locks that account or address until the cool-off ends or staff unlock it (``unlock``, used by the
"Locked sign-ins" admin view). While locked, even the right password does not sign in.
"""

import datetime
import logging
from dataclasses import dataclass

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.log_actions import log

logger = logging.getLogger(__name__)

UNLOCK_LOG_ACTION = "site_project.unlock_sign_in"
UNLOCK_PERMISSION = "axes.delete_accessattempt"


# --- Callables named in settings (AXES_*_CALLABLE) -------------------------------------------------------------


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind a trusted proxy (BEHIND_PROXY) the right-most X-Forwarded-For entry."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-1][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def normalised_username(request, credentials) -> str | None:
    """The account a sign-in tried, as one key whatever its case or spacing: e-mails are user names here."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    if username is None:
        return None
    return str(username).strip().lower()[:255]


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The login page the view rendered, which already says why (``LockoutAwareLoginMixin``), as a 429."""
    if (
        original_response is not None
        and original_response.status_code == 200
        and original_response.headers.get("Content-Type", "").startswith("text/html")
    ):
        original_response.status_code = 429
        original_response.headers["Retry-After"] = str(int(cool_off().total_seconds()))
        return original_response
    response = HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
    response.headers["Retry-After"] = str(int(cool_off().total_seconds()))
    return response


# --- Messages and forms -----------------------------------------------------------------------------------------


def cool_off() -> datetime.timedelta:
    return get_cool_off() or datetime.timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)


def lockout_message() -> str:
    minutes = max(1, round(cool_off().total_seconds() / 60))
    return _(
        "Too many failed sign-in attempts. To protect this account, signing in is paused for %(minutes)s "
        "minutes, even with the right password. Try again later, or ask the secretariat to unlock it."
    ) % {"minutes": minutes}


class LockoutAwareLoginMixin:
    """An ``AuthenticationForm`` that says the account is locked, instead of "wrong password", when it is."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class AdminLoginForm(LockoutAwareLoginMixin, LoginForm):
    """The Wagtail admin's login form (WAGTAILADMIN_USER_LOGIN_FORM)."""


# --- Staff: who is locked out, and unlocking ----------------------------------------------------------------------


@dataclass(frozen=True)
class Lockout:
    """An account (``username``) or an address (``ip_address``) that may not sign in until ``until``."""

    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime.datetime
    until: datetime.datetime


def current_lockouts(*, now: datetime.datetime | None = None) -> list[Lockout]:
    """Accounts and addresses that have reached the failure limit within the cool-off, latest first."""
    now = now or timezone.now()
    window = cool_off()
    recent = AccessAttempt.objects.filter(attempt_time__gte=now - window)
    found = []
    for kind in ("username", "ip_address"):
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by()
        )
        found.extend(
            Lockout(kind, row[kind], row["failures"], row["last"], row["last"] + window)
            for row in rows
            if row[kind]
        )
    return sorted(found, key=lambda lockout: lockout.last_attempt, reverse=True)


def unlock(*, kind: str, value: str, user) -> int:
    """Clear the failed sign-ins of one account or one address, so it can sign in at once. Audit-logged."""
    if kind == "username":
        count = reset(username=value)
        account = get_user_model().objects.filter(username__iexact=value).first()
        if account is not None:
            log(instance=account, action=UNLOCK_LOG_ACTION, user=user, data={"username": value})
    elif kind == "ip_address":
        count = reset(ip=value)
    else:
        raise ValueError(kind)
    logger.warning("Sign-in unlocked by %s: %s %s (%d records)", user.get_username(), kind, value, count)
    return count
