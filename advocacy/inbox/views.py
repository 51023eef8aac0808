"""The inbox's admin views: the list (filters, search, bulk changes, export) and one item (fields, notes).

Thin views: a form, one service call, a redirect or a render. Who may do what is in ``access``; an item the
user may not see is a 404 wherever its id turns up (a detail URL, a ticked box in a crafted POST).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, WorkflowState

from petitions.models import OrganisationCoSignature

from . import services
from .access import may_change, may_read, refuse, requires, visible_items
from .export import InboxExportMixin
from .forms import BulkForm, InboxFilterForm, ItemForm, NoteForm

PER_PAGE = 50


def submission_link(item, user) -> tuple[str, str] | None:
    """Where the submission itself is in the admin, and what the link says; ``None`` if it has no page there."""
    target = item.submission
    if target is None:
        return None
    if isinstance(target, WorkflowState):
        subject = target.content_object
        if isinstance(subject, Page):
            url = reverse("wagtailadmin_pages:workflow_history_detail", args=[subject.pk, target.pk])
        elif getattr(type(subject), "snippet_viewset", None) is not None:
            name = type(subject).snippet_viewset.get_url_name("workflow_history_detail")
            url = reverse(name, args=[quote(subject.pk), target.pk])
        else:
            return None
        return url, _("Open the review task")
    if isinstance(target, OrganisationCoSignature):
        return reverse("petitions_admin:cosignatures"), _("Open the co-signatures to approve")
    viewset = getattr(type(target), "snippet_viewset", None)
    if viewset is not None and viewset.inspect_view_enabled:
        if not viewset.permission_policy.user_has_any_permission(user, ["view", "change"]):
            return None
        return reverse(viewset.get_url_name("inspect"), args=[quote(target.pk)]), _("Open the submission")
    url = AdminURLFinder(user).get_edit_url(target)
    return (url, _("Open the submission")) if url else None


@method_decorator(requires(may_read), name="dispatch")
class InboxView(InboxExportMixin, View):
    def get(self, request):
        items = visible_items(request.user)
        filters = InboxFilterForm(request.GET or None, items=items)
        if filters.is_bound and not filters.is_valid():
            return self.render_list(filters, items.none(), BulkForm(), status=400)
        if filters.is_bound:
            items = filters.filter(items)
        items = items.for_listing()
        if self.is_export:
            return self.as_spreadsheet(items, request.GET["export"])
        return self.render_list(filters, items, BulkForm())

    def post(self, request):
        if not may_change(request.user):
            return refuse(request)
        bulk = BulkForm(request.POST)
        if not bulk.is_valid():
            messages.error(request, _("Nothing was changed: see the message under the list."))
            filters = InboxFilterForm(None, items=visible_items(request.user))
            return self.render_list(filters, visible_items(request.user).for_listing(), bulk, status=400)
        ids = bulk.cleaned_data["item"]
        chosen = visible_items(request.user).filter(pk__in=ids)
        if chosen.count() != len(ids):
            raise Http404  # an id that does not exist, or that this user may not see: change nothing
        if bulk.cleaned_data["action"] == "status":
            changed = services.change_items(items=chosen, status=bulk.cleaned_data["status"])
        else:
            assignee = bulk.assignee_user()
            changed = services.change_items(items=chosen, assignee=assignee, unassign=assignee is None)
        messages.success(
            request,
            ngettext("%(count)d submission changed.", "%(count)d submissions changed.", changed)
            % {"count": changed},
        )
        query = QueryDict(request.POST.get("query", "")).dict()
        query.pop("export", None)
        return redirect(reverse("advocacy_inbox:index") + ("?" + urlencode(query) if query else ""))

    def render_list(self, filters, items, bulk, status=200):
        page = Paginator(items, PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("export", None)
        return render(
            self.request,
            "advocacy/inbox/index.html",
            {
                "page_title": _("Inbox"),
                "header_icon": "mail",
                "filters": filters,
                "bulk": bulk,
                "page_obj": page,
                "query": query.urlencode(),
                "csv_url": self.csv_export_url if status == 200 else "",
                "xlsx_url": self.xlsx_export_url if status == 200 else "",
                "may_change": may_change(self.request.user),
            },
            status=status,
        )


@requires(may_read)
def item_detail(request, item_id: int):
    item = get_object_or_404(
        visible_items(request.user).select_related("form", "partner", "assignee", "content_type"), pk=item_id
    )
    item_form = ItemForm(instance=item)
    note_form = NoteForm()
    if request.method == "POST":
        if not may_change(request.user):
            return refuse(request)
        if request.POST.get("action") == "note":
            note_form = NoteForm(request.POST)
            if note_form.is_valid():
                services.add_note(item=item, author=request.user, text=note_form.cleaned_data["text"])
                messages.success(request, _("Note added."))
                return redirect("advocacy_inbox:item", item_id=item.pk)
        else:
            item_form = ItemForm(request.POST, instance=item)
            if item_form.is_valid():
                item_form.save()
                messages.success(request, _("Saved."))
                return redirect("advocacy_inbox:item", item_id=item.pk)
        status = 400
    else:
        status = 200
    return render(
        request,
        "advocacy/inbox/item.html",
        {
            "page_title": _("Submission %(number)d") % {"number": item.pk},
            "header_icon": "mail",
            "item": item,
            "link": submission_link(item, request.user),
            "notes": item.notes.select_related("author"),
            "item_form": item_form,
            "note_form": note_form,
            "may_change": may_change(request.user),
        },
        status=status,
    )
