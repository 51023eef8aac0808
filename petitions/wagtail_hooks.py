"""Admin wiring: decision makers as a snippet, the signatures listing, the staff tools and the CSV export."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .admin_views import EXPORT_LOG_ACTION
from .models import DecisionMaker, PetitionPage, Signature


class DecisionMakerViewSet(SnippetViewSet):
    model = DecisionMaker
    icon = "user"
    list_display = ["institution", "office", "official_name", "locale"]
    search_fields = ["institution", "office", "official_name"]


class SignatureViewSet(SnippetViewSet):
    """The signatures, for staff: browse, filter and search. Changes go through the tools, not this form."""

    model = Signature
    icon = "form"
    menu_label = _("Signatures")
    add_to_admin_menu = False
    list_display = ["name", "province", "status", "quarantine_reason", "source", "locale", "created_at"]
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
    ]
    return SubmenuMenuItem(_("Petition tools"), Menu(items=items), icon_name="form", order=350)


@hooks.register("register_log_actions")
def register_export_log_action(actions):
    actions.register_action(EXPORT_LOG_ACTION, _("Export signatures"), _("Exported the signatures as CSV"))


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
