"""Admin wiring for the top floor, one section per screen."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .inbox import access
from .inbox import urls as inbox_urls

# --- The inbox: /admin/advocacy/inbox/ ----------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("advocacy/inbox/", include(inbox_urls, namespace="advocacy_inbox"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return access.may_read(request.user)


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Inbox"), reverse("advocacy_inbox:index"), icon_name="mail", order=150)


# --- The dashboard: /admin/advocacy/ and the Secretariat's admin home ----------------------------------------
# (advocacy/dashboard/; this section belongs to the dashboard)
from .dashboard import urls as dashboard_urls  # noqa: E402  (kept with the section that uses it)
from .dashboard import views as dashboard_views  # noqa: E402


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return dashboard_urls.urlpatterns


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return dashboard_views.is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Advocacy dashboard"),
        reverse("advocacy_dashboard"),
        name="advocacy-dashboard",
        icon_name="view",
        order=140,
    )


@hooks.register("construct_homepage_panels")
def add_dashboard_panel(request, panels):
    """The Secretariat's admin home opens on the dashboard's headline figures and signatures over time."""
    if dashboard_views.is_secretariat(request.user):
        panels.append(dashboard_views.DashboardPanel())


# --- Forms editors build: /admin/advocacy/surveys/<page id>/ ---------------------------------------------------
# (advocacy/surveys/; this section belongs to the surveys)
from wagtail.admin.admin_url_finder import ModelAdminURLFinder, register_admin_url_finder  # noqa: E402
from wagtail.admin.widgets import Button  # noqa: E402  (kept with the section that uses it)
from wagtail.contrib.forms.utils import get_forms_for_user  # noqa: E402
from wagtail.models import Page  # noqa: E402

from .surveys import urls as survey_urls  # noqa: E402
from .surveys.models import SurveyAnswer, SurveyPage  # noqa: E402


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("advocacy/surveys/", include(survey_urls, namespace="advocacy_surveys"))]


def _survey_chart_button(page, user, priority):
    if (
        issubclass(page.specific_class or Page, SurveyPage)
        and get_forms_for_user(user).filter(pk=page.pk).exists()
    ):
        yield Button(
            _("Answers as charts"),
            reverse("advocacy_surveys:summary", args=[page.pk]),
            icon_name="form",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def survey_chart_listing_button(page, user, next_url=None):
    yield from _survey_chart_button(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def survey_chart_header_button(page, user, view_name, next_url=None):
    yield from _survey_chart_button(page, user, priority=40)


class SurveyAnswerURLFinder(ModelAdminURLFinder):
    """An answer opens in its page's list of answers (the inbox's "Open the submission"), for who may read them."""

    def get_edit_url(self, instance):
        if self.user is not None and not get_forms_for_user(self.user).filter(pk=instance.page_id).exists():
            return None
        return reverse("wagtailforms:list_submissions", args=[instance.page_id])


register_admin_url_finder(SurveyAnswer, SurveyAnswerURLFinder)


# --- Partners' reach: the data-sharing log, read-only (/admin/advocacy/data-sharing-log/) -----------------
from wagtail.permissions import register_permission_policy  # noqa: E402

from .reach.admin import DataSharingViewSet, ReadOnlyPolicy  # noqa: E402
from .reach.models import DataSharingRecord  # noqa: E402

# Before the viewset asks for a policy, so that Wagtail never makes its read-write default for the model.
register_permission_policy(DataSharingRecord, ReadOnlyPolicy(DataSharingRecord))


@hooks.register("register_admin_viewset")
def register_data_sharing_log():
    return DataSharingViewSet("data_sharing_log")


# --- Policy pushes: the ledger of deliveries, responses and commitments (/admin/snippets/advocacy/policypush/) --
# (advocacy/pushes/; this section belongs to the pushes)
from wagtail.snippets.models import register_snippet  # noqa: E402

from .pushes import urls as push_urls  # noqa: E402
from .pushes.admin import PolicyPushViewSet  # noqa: E402


@hooks.register("register_admin_urls")
def register_push_urls():
    return [path("advocacy/pushes/", include(push_urls, namespace="advocacy_pushes"))]


register_snippet(PolicyPushViewSet)


# --- Delivery dossiers: "Make the delivery dossier" on a push and on a petition (/admin/advocacy/dossiers/) ----
# (advocacy/dossiers/; this section belongs to the dossiers)
from django.contrib.auth.models import Permission  # noqa: E402
from wagtail.snippets.action_menu import ActionMenuItem  # noqa: E402

from petitions.models import PetitionPage  # noqa: E402

from .dossiers import urls as dossier_urls  # noqa: E402
from .dossiers.views import MAKE_PERMISSION, VIEW_PERMISSION  # noqa: E402
from .pushes.models import PolicyPush  # noqa: E402


@hooks.register("register_permissions")
def register_dossier_permissions():
    """Lets an administrator give another group the right to make and download dossiers (Settings › Groups)."""
    codenames = [permission.split(".")[1] for permission in (MAKE_PERMISSION, VIEW_PERMISSION)]
    return Permission.objects.filter(content_type__app_label="advocacy", codename__in=codenames)


@hooks.register("register_admin_urls")
def register_dossier_urls():
    return [path("advocacy/dossiers/", include(dossier_urls, namespace="advocacy_dossiers"))]


class DossierMenuItem(ActionMenuItem):
    """In a push's save menu: the page that makes its dossier and lists those made."""

    name = "action-dossier"
    label = _("Make the delivery dossier")
    icon_name = "doc-full"
    order = 90

    def is_shown(self, context):
        return context.get("view") == "edit" and context["request"].user.has_perm(VIEW_PERMISSION)

    def get_url(self, parent_context):
        return reverse("advocacy_dossiers:push", args=[parent_context["instance"].pk])


@hooks.register("register_snippet_action_menu_item")
def register_dossier_menu_item(model):
    return DossierMenuItem() if model is PolicyPush else None


@hooks.register("register_snippet_listing_buttons")
def dossier_push_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, PolicyPush) and user.has_perm(VIEW_PERMISSION):
        yield Button(
            _("Make the delivery dossier"),
            reverse("advocacy_dossiers:push", args=[snippet.pk]),
            icon_name="doc-full",
            priority=50,
        )


def _dossier_petition_button(page, user, priority):
    if issubclass(page.specific_class or Page, PetitionPage) and user.has_perm(VIEW_PERMISSION):
        yield Button(
            _("Make the delivery dossier"),
            reverse("advocacy_dossiers:petition", args=[page.pk]),
            icon_name="doc-full",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def dossier_petition_listing_button(page, user, next_url=None):
    yield from _dossier_petition_button(page, user, priority=50)


@hooks.register("register_page_header_buttons")
def dossier_petition_header_button(page, user, view_name, next_url=None):
    yield from _dossier_petition_button(page, user, priority=45)
