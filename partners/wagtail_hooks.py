"""Admin wiring: partner taxonomies, invitations, representatives and members' documents as snippets under one
'Partners' group; a 'Renewals due' report; invitations are e-mailed by the worker when staff create them."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from site_project.admin_columns import ThaiDateColumn

from . import admin_views, services
from .forms import PartnerContactsAdminForm
from .models import (
    Invitation,
    MemberDocument,
    PartnerContacts,
    PartnerPage,
    Pillar,
    Representative,
    Service,
    WorkingLanguage,
)

RENEWAL_WINDOW_DAYS = 60


class TermViewSet(SnippetViewSet):
    """A taxonomy editors add to (a ``Term``): both labels, the slug and the order in the list."""

    icon = "tag"
    list_display = ["name", "name_en", "slug", "sort_order"]


class PillarViewSet(TermViewSet):
    model = Pillar


class ServiceViewSet(TermViewSet):
    model = Service


class WorkingLanguageViewSet(TermViewSet):
    model = WorkingLanguage
    icon = "globe"


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    list_display = [
        "email",
        "partner",
        "language",
        ThaiDateColumn("sent_at", model=Invitation),
        ThaiDateColumn("accepted_at", model=Invitation),
        ThaiDateColumn("revoked_at", model=Invitation),
    ]
    search_fields = ["email"]


class RepresentativeViewSet(SnippetViewSet):
    model = Representative
    icon = "user"
    list_display = ["user", "partner", "preferred_language"]


class SharedRecordPermissionPolicy(ModelPermissionPolicy):
    """Contact records are made with their organisation, one per organisation: staff edit them, never add or
    delete one by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in ("add", "delete")])


class PartnerContactsViewSet(SnippetViewSet):
    model = PartnerContacts
    icon = "mail"
    menu_label = _("Partner contacts")
    list_display = [
        "partner_name",
        "contacts_hidden",
        "unlisted",
        ThaiDateColumn("safety_changed_at", model=PartnerContacts),
        "live",
    ]
    list_filter = ["contacts_hidden", "unlisted"]
    edit_handler = ObjectList(PartnerContacts.panels, base_form_class=PartnerContactsAdminForm)


register_permission_policy(PartnerContacts, SharedRecordPermissionPolicy(PartnerContacts))


class MemberDocumentViewSet(SnippetViewSet):
    model = MemberDocument
    icon = "doc-full"
    list_display = ["title", "language", "pillar", ThaiDateColumn("published_on", model=MemberDocument)]
    search_fields = ["title", "summary"]


class PartnersGroup(SnippetViewSetGroup):
    items = (
        InvitationViewSet,
        RepresentativeViewSet,
        PartnerContactsViewSet,
        MemberDocumentViewSet,
        PillarViewSet,
        ServiceViewSet,
        WorkingLanguageViewSet,
    )
    menu_icon = "group"
    menu_label = _("Partners")
    menu_name = "partners"


register_snippet(PartnersGroup)


@hooks.register("after_create_snippet")
def send_new_invitation(request, instance):
    """An invitation created in the admin goes out through the outbox and replaces older ones to that person."""
    if isinstance(instance, Invitation):
        instance.invited_by = request.user
        instance.save(update_fields=["invited_by"])
        services.send_invitation(invitation=instance)


@hooks.register("register_snippet_listing_buttons")
def resend_invitation_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, Invitation)
        and snippet.accepted_at is None
        and user.has_perm(admin_views.INVITE_PERMISSION)
    ):
        yield Button(
            _("Resend invitation"),
            reverse("partners_resend_invitation", args=[snippet.pk]),
            icon_name="mail",
            priority=15,
        )


@hooks.register("after_create_snippet")
def record_document_uploader(request, instance):
    if isinstance(instance, MemberDocument):
        instance.uploaded_by = request.user
        instance.save(update_fields=["uploaded_by"])


class RenewalsDueView(ReportView):
    """Active members whose yearly renewal falls due in the next 60 days, soonest first."""

    page_title = _("Renewals due in 60 days")
    header_icon = "date"
    index_url_name = "partners_renewals"
    index_results_url_name = "partners_renewals_results"
    list_export = ["title", "coalition_role", "renewal_due_on"]
    columns = [
        TitleColumn("title", label=_("Organisation"), url_name="wagtailadmin_pages:edit"),
        Column("get_coalition_role_display", label=_("Coalition role")),
        ThaiDateColumn("renewal_due_on", model=PartnerPage, label=_("Renewal due")),
    ]

    def get_queryset(self):
        return (
            PartnerPage.objects.filter(locale=Locale.get_default())
            .renewal_due_within(RENEWAL_WINDOW_DAYS)
            .order_by("renewal_due_on", "sort_key")
        )


@hooks.register("register_admin_urls")
def register_renewals_urls():
    return [
        path(
            "partners/invitations/<id:invitation_id>/resend/",
            admin_views.resend_invitation,
            name="partners_resend_invitation",
        ),
        path("partners/renewals/", RenewalsDueView.as_view(), name="partners_renewals"),
        path(
            "partners/documents/<id:document_id>/file/",
            admin_views.member_document_file,
            name="partners_member_document_file",
        ),
        path(
            "partners/renewals/results/",
            RenewalsDueView.as_view(results_only=True),
            name="partners_renewals_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_renewals_menu_item():
    return MenuItem(
        _("Renewals due"), reverse("partners_renewals"), name="partner-renewals", icon_name="date", order=950
    )


# --- Safety: unlisted partners, and the audit log ------------------------------------------------------------


@hooks.register("before_serve_page", order=-1)
def hide_unlisted_partner(page, request, serve_args, serve_kwargs):
    """An organisation that left the directory has no public page, in any language: a plain 404."""
    if (
        isinstance(page, PartnerPage)
        and page.is_unlisted
        and not request.user.has_perm("wagtailadmin.access_admin")
    ):
        raise Http404


@hooks.register("register_log_actions")
def register_safety_log_actions(actions):
    actions.register_action(
        services.HIDE_CONTACTS_LOG_ACTION, _("Hide contacts"), _("Contacts hidden by the organisation")
    )
    actions.register_action(
        services.UNLIST_LOG_ACTION,
        _("Leave the directory"),
        _("Taken out of the directory by the organisation"),
    )
    actions.register_action(
        services.RESTORE_LOG_ACTION, _("Show again"), _("Contacts shown and listed in the directory again")
    )
