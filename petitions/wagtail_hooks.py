"""Admin wiring: decision makers as a snippet, the signatures listing, the staff tools and the CSV export."""

from django.contrib.auth import get_user_model
from django.urls import include, path, reverse
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from site_project.admin_columns import ProvinceColumn, ThaiDateColumn

from . import admin_urls, admin_views
from .admin_views import EXPORT_LOG_ACTION
from .models import DecisionMaker, PetitionPage, Signature
from .services import ERASE_LOG_ACTION, INVALIDATE_LOG_ACTION, RELEASE_LOG_ACTION


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Signatures are looked at in the admin, never written there: not by staff, not by superusers.

    A raw row added, a status changed or "counted" unticked in a form would make the public count drift from
    the rows. Release, invalidation and erasure go through the staff tools (``admin_views``), whose services
    keep the counts and write the audit log. Whoever may use those tools, or holds "view", may inspect.
    """

    WRITES = frozenset({"add", "change", "delete"})

    def _readable(self, actions) -> list[str]:
        readable = [action for action in actions if action not in self.WRITES]
        return [*readable, "change"] if "view" in readable else readable

    def user_has_permission(self, user, action):
        if action in self.WRITES:
            return False
        if action == "view":
            return user.has_perm(self._get_permission_name("view")) or user.has_perm(
                self._get_permission_name("change")
            )
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        readable = self._readable(actions)
        if not readable:
            return get_user_model().objects.none()
        return super().users_with_any_permission(readable)


# Before the viewset asks for a policy, so that Wagtail never makes its read-write default for the model.
register_permission_policy(Signature, ReadOnlyPermissionPolicy(Signature))


class DecisionMakerViewSet(SnippetViewSet):
    model = DecisionMaker
    icon = "user"
    list_display = ["institution", "office", "official_name", "locale"]
    search_fields = ["institution", "office", "official_name"]


class SignatureViewSet(SnippetViewSet):
    """The signatures, for staff: browse, filter, search and inspect. No add, edit or delete (see the policy):
    changes go through the staff tools."""

    model = Signature
    icon = "form"
    menu_label = _("Signatures")
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["token_hash"]

    # The URLs stay (Wagtail reverses them), but answer 403 whatever the policy would say.
    @property
    def add_view(self):
        return admin_views.read_only

    @property
    def edit_view(self):
        return admin_views.read_only

    @property
    def delete_view(self):
        return admin_views.read_only

    list_display = [
        "name",
        ProvinceColumn("province", model=Signature),
        "status",
        "quarantine_reason",
        "source",
        "locale",
        ThaiDateColumn("created_at", model=Signature),
    ]
    list_filter = ["status", "quarantine_reason", "locale", "petition"]
    search_fields = ["email_canonical", "name", "ip_hash"]
    ordering = ["-created_at"]
    list_per_page = 50


register_snippet(DecisionMakerViewSet)
register_snippet(SignatureViewSet)


@hooks.register("register_admin_urls")
def register_petition_tools():
    return [path("petitions/", include(admin_urls, namespace="petitions_admin"))]


class StaffToolItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("petitions.change_signature")


@hooks.register("register_admin_menu_item")
def register_petition_tools_menu():
    items = [
        StaffToolItem(
            _("Signatures"), reverse("wagtailsnippets_petitions_signature:list"), icon_name="form", order=10
        ),
        StaffToolItem(_("Quarantine"), reverse("petitions_admin:quarantine"), icon_name="warning", order=20),
        StaffToolItem(
            _("Invalidate in bulk"), reverse("petitions_admin:invalidate"), icon_name="cross", order=30
        ),
        StaffToolItem(_("A signer's data"), reverse("petitions_admin:signer"), icon_name="user", order=40),
        StaffToolItem(
            _("Organisation co-signatures"),
            reverse("petitions_admin:cosignatures"),
            icon_name="group",
            order=50,
        ),
        StaffToolItem(
            _("Paper signatures"), reverse("petitions_admin:paper_batches"), icon_name="doc-full", order=60
        ),
    ]
    return SubmenuMenuItem(_("Petition tools"), Menu(items=items), icon_name="form", order=350)


class CountedLogFormatter(LogFormatter):
    """A staff action on a petition's signatures: the message says how many rows it changed, translated
    when the entry is shown, in the reader's language."""

    template = ""

    def format_message(self, log_entry):
        return gettext(self.template) % {"count": (log_entry.data or {}).get("count", 0)}


class ReleaseLogFormatter(CountedLogFormatter):
    label = _("Release signatures from quarantine")
    template = gettext_noop("Signatures released from quarantine: %(count)d")


class InvalidateLogFormatter(CountedLogFormatter):
    label = _("Invalidate signatures")
    template = gettext_noop("Signatures invalidated: %(count)d")


class EraseLogFormatter(CountedLogFormatter):
    label = _("Erase a signer's data")
    template = gettext_noop("Signatures anonymised at a signer's request: %(count)d")


@hooks.register("register_log_actions")
def register_export_log_action(actions):
    actions.register_action(EXPORT_LOG_ACTION, _("Export signatures"), _("Exported the signatures as CSV"))
    actions.register_action(RELEASE_LOG_ACTION)(ReleaseLogFormatter)
    actions.register_action(INVALIDATE_LOG_ACTION)(InvalidateLogFormatter)
    actions.register_action(ERASE_LOG_ACTION)(EraseLogFormatter)


def _export_buttons(*, page, user, priority: int):
    """The "Export signatures (CSV)" button, on petitions, for staff who may handle signatures."""
    model = page.specific_class
    if model is None or not issubclass(model, PetitionPage):
        return
    if not user.has_perm("petitions.change_signature"):
        return
    yield Button(
        _("Export signatures (CSV)"),
        reverse("petitions_admin:export", args=[page.pk]),
        icon_name="download",
        priority=priority,
    )


@hooks.register("register_page_listing_more_buttons")
def petition_listing_export_button(page, user, next_url=None):
    yield from _export_buttons(page=page, user=user, priority=70)


@hooks.register("register_page_header_buttons")
def petition_header_export_button(page, user, view_name, next_url=None):
    yield from _export_buttons(page=page, user=user, priority=75)
