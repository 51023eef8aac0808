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
# (advocacy/dashboard*.py; this section belongs to the dashboard)
from . import dashboard_urls, dashboard_views  # noqa: E402  (kept with the section that uses it)


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
