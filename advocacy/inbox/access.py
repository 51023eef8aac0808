"""Who reaches the inbox, and which items they see.

Secretariat and Safeguarding hold ``advocacy.view_inboxitem`` (and ``change_inboxitem`` to work on items);
only Safeguarding (and superusers) hold ``view_sensitive_inboxitem``, so only they see stories and anything
else announced as sensitive. A partner's representative reaches none of it, whatever groups they are put in.
A refusal is a 403 that names nothing; an item one may not see is a 404, as if it did not exist.
"""

import functools

from django.shortcuts import render
from django.utils.translation import gettext as _

from partners.models import Representative

from ..models import InboxItem

GROUPS = ("Secretariat", "Safeguarding")


def may_read(user) -> bool:
    if not user.is_active or Representative.objects.filter(user=user).exists():
        return False
    return user.is_superuser or user.has_perm("advocacy.view_inboxitem")


def may_change(user) -> bool:
    return may_read(user) and (user.is_superuser or user.has_perm("advocacy.change_inboxitem"))


def visible_items(user):
    return InboxItem.objects.visible_to(user)


def refuse(request):
    return render(
        request,
        "advocacy/inbox/refused.html",
        {"page_title": _("Inbox"), "header_icon": "warning"},
        status=403,
    )


def requires(check):
    """A view decorator: ``check(user)`` or a 403."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                return refuse(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
