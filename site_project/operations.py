"""Staff view of the site's moving parts: e-mail still owed and why, the scheduled jobs, the processes."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import outbox
from .models import OutboxMessage, OutboxStatus, ProcessHeartbeat, ScheduledJob
from .worker import STALE_AFTER

VIEW_PERMISSION = "site_project.view_outboxmessage"
RETRY_PERMISSION = "site_project.change_outboxmessage"
SHOWN = 50


@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def operations(request):
    if request.method == "POST":
        if not request.user.has_perm(RETRY_PERMISSION):
            messages.error(request, _("You may look at the outbox but not retry e-mail."))
            return redirect("site_operations")
        ids = [int(value) for value in request.POST.getlist("message") if value.isdigit() and len(value) < 19]
        retried = outbox.retry_failed(message_ids=ids)
        messages.success(request, _("%(count)s e-mail(s) will be tried again now.") % {"count": retried})
        return redirect("site_operations")
    now = timezone.now()
    troubled = (
        OutboxMessage.objects.filter(status__in=[OutboxStatus.OWED, OutboxStatus.FAILED])
        .exclude(last_error="")
        .order_by("-status", "next_attempt_at")[:SHOWN]
    )
    processes = [
        {"process": beat, "alive": beat.beat_at >= now - STALE_AFTER}
        for beat in ProcessHeartbeat.objects.order_by("role", "-beat_at")
    ]
    return render(
        request,
        "site_project/admin/operations.html",
        {
            "page_title": _("Outbox and jobs"),
            "header_icon": "mail",
            "backlog": outbox.backlog(),
            "sent_today": OutboxMessage.objects.filter(
                status=OutboxStatus.SENT, sent_at__gte=now - datetime.timedelta(days=1)
            ).count(),
            "troubled": troubled,
            "jobs": ScheduledJob.objects.order_by("name"),
            "processes": processes,
            "may_retry": request.user.has_perm(RETRY_PERMISSION),
        },
    )
