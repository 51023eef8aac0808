from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from site_project import home, pagecache, related
from site_project.search.registry import register_page_type


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        story_page = self.get_model("StoryPage")
        register_page_type(
            story_page,
            kind_words=pgettext_lazy("words that find story pages in the site search", "story stories"),
            extra_text=story_page.extra_search_text,  # the storyteller's public name
        )
        # A campaign's page lists the stories tied to it: stories contributes them, campaigns never imports us.
        related.contribute(
            "campaigns.CampaignPage", "related_stories", self.get_model("StoryPage").related_to_campaign
        )
        pagecache.declare_query_parameters("theme", "year", "kind")  # the story index's filters
        # The home page's recent stories (by path: the module imports models).
        home.register_section(
            key="stories.latest",
            template="stories/home/_stories.html",
            provider="stories.home.stories_section",
            order=40,
        )
