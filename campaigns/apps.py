import functools

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from site_project import home, pagecache, related
from site_project.search.registry import register_page_type

MAX_CARRYING = 2  # campaigns named on the page after confirming a signature


def campaigns_carrying(campaign_model, petition) -> list[dict]:
    """The live campaigns whose body carries ``petition`` (or its other translations) in a petition block, those
    in the petition's language first, then the newest; two queries however many campaigns there are."""
    ids = set(
        type(petition).objects.filter(translation_key=petition.translation_key).values_list("pk", flat=True)
    )
    # A cheap text filter on the stored blocks, then the exact test on their raw JSON (no block is converted).
    candidates = (
        campaign_model.objects.live().filter(body__icontains='"petition"').order_by("-first_published_at")
    )
    carrying = [
        campaign
        for campaign in candidates.select_related("locale")
        if any(
            block.get("type") == "petition" and (block.get("value") or {}).get("petition") in ids
            for block in campaign.body.raw_data
        )
    ]
    carrying.sort(key=lambda campaign: campaign.locale_id != petition.locale_id)
    return [{"title": c.title, "url": c.get_url()} for c in carrying[:MAX_CARRYING]]


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        # The page after confirming a signature points to the campaigns that carry the petition.
        related.contribute(
            "petitions.PetitionPage",
            "carrying_campaigns",
            functools.partial(campaigns_carrying, self.get_model("CampaignPage")),
        )
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
