from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from site_project import home, pagecache
from site_project.search.registry import register_page_type


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from . import signals  # noqa: F401  (connects on import, which needs the app registry ready)

        register_page_type(
            self.get_model("PartnerPage"),
            kind_words=pgettext_lazy(
                "words that find partner pages in the site search", "partner partners member organisation"
            ),
        )

        # The directory's filters.
        pagecache.declare_query_parameters("kind", "pillar", "province", "service", "language")
        # The coalition on the home page (by path: the module imports models).
        home.register_section(
            key="partners.coalition",
            template="partners/home/_partners.html",
            provider="partners.home.partners_section",
            order=60,
        )
