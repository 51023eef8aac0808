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
