"""Admin wiring: the menu, footer and help lines as translatable snippets under one 'Site chrome' group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Footer, HelpLine, MainMenu


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
