"""Admin wiring: themes and RSVPs as snippets, and the "copy to next year" button on campaign pages."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from site_project.admin_columns import ThaiDateColumn

from . import views
from .models import CampaignPage, CampaignTheme, EventRSVP


class CampaignThemeViewSet(SnippetViewSet):
    model = CampaignTheme
    icon = "tag"
    list_display = ["name", "slug", "key_dates", "locale"]
    search_fields = ["name"]


class EventRSVPViewSet(SnippetViewSet):
    model = EventRSVP
    icon = "group"
    list_display = [
        "name",
        "event_title",
        ThaiDateColumn("event_date", model=EventRSVP),
        "people",
        "campaign",
        ThaiDateColumn("created_at", model=EventRSVP),
    ]
    list_filter = ["event_date", "language"]
    list_export = ["name", "email", "phone", "people", "event_title", "event_date", "language", "created_at"]
    export_filename = "event-rsvps"
    search_fields = ["name", "email", "event_title"]
    inspect_view_enabled = True


class CampaignsGroup(SnippetViewSetGroup):
    items = (CampaignThemeViewSet, EventRSVPViewSet)
    menu_icon = "pick"
    menu_label = _("Campaigns")
    menu_name = "campaigns"


register_snippet(CampaignsGroup)


class CopyToYearButton(PageMenuItem):
    label = _("Copy to another year")
    icon_name = "copy"
    priority = 25

    @property
    def url(self):
        return reverse("campaigns_copy_to_year", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.get_parent().permissions_for_user(user).can_add_subpage()


def _is_campaign(page) -> bool:
    return page.specific_class is CampaignPage


@hooks.register("register_page_listing_more_buttons")
def campaign_listing_buttons(page, user, next_url=None):
    if _is_campaign(page):
        yield CopyToYearButton(page=page)


@hooks.register("register_page_header_buttons")
def campaign_header_buttons(page, user, view_name, next_url=None):
    if _is_campaign(page):
        yield CopyToYearButton(page=page)


@hooks.register("register_admin_urls")
def campaign_admin_urls():
    return [path("campaigns/<id:page_id>/copy-to-year/", views.copy_to_year, name="campaigns_copy_to_year")]
