"""Admin wiring: the menu, footer and help lines as translatable snippets under one 'Site chrome' group."""

from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, logins, operations
from .models import Footer, HelpLine, MainMenu
from .untranslated import is_untranslated_copy


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    list_display = ["__str__", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "doc-full"
    list_display = ["organisation_name", "locale"]


class HelpLineViewSet(SnippetViewSet):
    model = HelpLine
    icon = "help"
    list_display = ["number", "name", "hours", "locale"]
    search_fields = ["name", "number"]


class SiteChromeGroup(SnippetViewSetGroup):
    items = (MainMenuViewSet, FooterViewSet, HelpLineViewSet)
    menu_icon = "site"
    menu_label = _("Site chrome")
    menu_name = "site-chrome"


register_snippet(SiteChromeGroup)


class PermissionMenuItem(MenuItem):
    """A menu item shown only to those who hold ``permission``."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


# --- Locked sign-ins -------------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_locked_sign_ins_url():
    return [path("locked-sign-ins/", admin_views.locked_sign_ins, name="locked_sign_ins")]


@hooks.register("register_settings_menu_item")
def register_locked_sign_ins_menu_item():
    return PermissionMenuItem(
        _("Locked sign-ins"),
        reverse("locked_sign_ins"),
        permission=logins.UNLOCK_PERMISSION,
        name="locked-sign-ins",
        icon_name="lock",
        order=900,
    )


@hooks.register("register_permissions")
def register_unlock_permission():
    """Lets an administrator give a group the right to unlock sign-ins (Settings › Groups)."""
    app_label, codename = logins.UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_log_actions")
def register_unlock_log_action(actions):
    actions.register_action(logins.UNLOCK_LOG_ACTION, _("Unlock sign-in"), _("Signing in unlocked"))


# --- Outbox and jobs -------------------------------------------------------------------------------------------
@hooks.register("register_admin_urls")
def register_operations_url():
    return [path("operations/", operations.operations, name="site_operations")]


@hooks.register("register_settings_menu_item")
def register_operations_menu_item():
    return PermissionMenuItem(
        _("Outbox and jobs"),
        reverse("site_operations"),
        permission=operations.VIEW_PERMISSION,
        name="site-operations",
        icon_name="mail",
        order=910,
    )


@hooks.register("before_serve_page")
def refuse_untranslated_copies(page, request, serve_args, serve_kwargs):
    """A parent "Translate" copied into a language as an alias of the original is not served until translated."""
    if is_untranslated_copy(page):
        raise Http404
