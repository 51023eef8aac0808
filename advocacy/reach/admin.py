"""The data-sharing log in the admin: staff read it, nobody writes it there (each row is written by a download)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from site_project.admin_columns import ThaiDateColumn

from .models import DataSharingRecord


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Holders of "view" read the log; adding, editing and deleting are refused to everyone, superusers too, so
    the record of what left the system stays as the downloads wrote it."""

    WRITES = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.WRITES and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action not in self.WRITES]
        if not readable:
            return get_user_model().objects.none()
        return super().users_with_any_permission(readable)


class DataSharingViewSet(ModelViewSet):
    model = DataSharingRecord
    url_prefix = "advocacy/data-sharing-log"
    icon = "list-ul"
    menu_label = _("Data-sharing log")
    menu_order = 360
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []  # Wagtail builds the edit form; the policy refuses every edit before it is shown
    list_display = [
        ThaiDateColumn("shared_at", model=DataSharingRecord),
        "partner_name",
        "petition_title",
        "rows",
        "user_label",
    ]
    list_filter = ["partner", "petition"]
    search_fields = ["partner_name", "petition_title", "user_label"]
    ordering = ["-shared_at"]
    list_per_page = 50
