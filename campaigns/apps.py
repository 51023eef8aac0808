from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from site_project import home, pagecache
from site_project.search.registry import register_page_type


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        register_page_type(
            self.get_model("CampaignPage"),
            kind_words=pgettext_lazy(
                "words that find campaign pages in the site search", "campaign campaigns"
            ),
        )
        pagecache.declare_query_parameters("theme", "year", "kind")  # the campaign index's filters
        # The home page's key-date campaign and upcoming events (by path: the module imports models).
        home.register_section(
            key="campaigns.campaign",
            template="campaigns/home/_campaign.html",
            provider="campaigns.home.campaign_section",
            order=20,
        )
        home.register_section(
            key="campaigns.events",
            template="campaigns/home/_events.html",
            provider="campaigns.home.events_section",
            order=50,
        )
