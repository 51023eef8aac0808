from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from site_project.submissions import submission_received

from . import receivers  # imports no model: safe before the app registry is ready


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = _("Advocacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        submission_received.connect(receivers.file_submission, dispatch_uid="advocacy.file_submission")
        for model in receivers.SUBMISSION_MODELS:
            receivers.connect_forgetting(model)
