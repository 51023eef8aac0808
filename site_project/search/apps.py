from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "site_project.search"
    label = "site_search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # imports the models, which needs the app registry ready

        post_migrate.connect(signals.fill_new_index, sender=self)
