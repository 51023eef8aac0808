from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteProjectConfig(AppConfig):
    name = "site_project"
    verbose_name = _("Site")

    def ready(self):
        from . import checks, converters, signals  # noqa: F401  (checks registers, signals connects)

        converters.register()  # <id:…> in every URLconf; they are imported after this
