"""Policy pushes in the admin: the Secretariat's list (stage, owner, how the deliveries stand) and edit form."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from site_project.admin_columns import ThaiDateColumn

from .models import PolicyPush


class PolicyPushViewSet(SnippetViewSet):
    model = PolicyPush
    icon = "clipboard-list"
    menu_label = _("Policy pushes")
    menu_name = "policy-pushes"
    menu_order = 145
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "title",
        Column(
            "stage",
            label=pgettext_lazy("policy push", "stage"),
            accessor="get_stage_display",
            sort_key="stage",
        ),
        "owner",
        Column("ledger_summary", label=pgettext_lazy("policy push", "deliveries"), accessor="ledger_summary"),
        ThaiDateColumn("updated_at", model=PolicyPush),
    ]
    list_filter = ["stage"]
    search_fields = ["title", "demand"]
    ordering = ["-updated_at"]

    def get_queryset(self, request):
        return PolicyPush.objects.for_listing()
