from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners import portal
from site_project import home, pagecache
from site_project.search.registry import register_page_type


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        register_page_type(
            self.get_model("PetitionPage"),
            kind_words=pgettext_lazy(
                "words that find petition pages in the site search", "petition petitions signatures"
            ),
        )
        # The sign form keeps where its reader came from (``identity.source_from_query``).
        pagecache.declare_query_parameters("src", "utm_source", "utm_medium", "utm_campaign")
        # The home page's call to action and open petitions, with live counts (by path: the module imports models).
        home.register_section(
            key="petitions.call_to_action",
            template="petitions/home/_call_to_action.html",
            provider="petitions.home.call_to_action",
            order=10,
            script="js/petitions.js",
        )
        home.register_section(
            key="petitions.open",
            template="petitions/home/_open_petitions.html",
            provider="petitions.home.open_petitions",
            order=30,
            script="js/petitions.js",
        )
        # Paper signatures in the partner portal: a representative enters their organisation's batches.
        portal.register_section(
            key="petitions.paper",
            template="petitions/portal/_paper.html",
            context="petitions.portal_views.portal_section",  # by its path: the views import models
            order=25,
        )
