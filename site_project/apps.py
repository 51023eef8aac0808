from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteProjectConfig(AppConfig):
    name = "site_project"
    verbose_name = _("Site")

    def ready(self):
        # Modules that register or connect on import, which needs the app registry ready.
        from . import checks, converters, memo_signals, pagecache, signals  # noqa: F401

        converters.register()  # <id:…> in every URLconf; they are imported after this
        # Pagination, on every index and the search, and the site search's words.
        pagecache.declare_query_parameters("page", "q")
