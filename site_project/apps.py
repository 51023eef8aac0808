from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteProjectConfig(AppConfig):
    name = "site_project"
    verbose_name = _("Site")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
