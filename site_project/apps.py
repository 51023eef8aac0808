from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteProjectConfig(AppConfig):
    name = "site_project"
    verbose_name = _("Site")

    def ready(self):
        from . import converters, signals  # noqa: F401  (signals connects cache invalidation)

        converters.register()  # <id:…> in every URLconf; they are imported after this
