from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from partners import portal
from petitions import timeline
from site_project.submissions import submission_received

from . import receivers  # imports no model: safe before the app registry is ready
from .pushes import receivers as push_receivers  # imports no model either


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = _("Advocacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        submission_received.connect(receivers.file_submission, dispatch_uid="advocacy.file_submission")
        for model in receivers.SUBMISSION_MODELS:
            receivers.connect_forgetting(model)

        # --- Forms editors build (advocacy/surveys/): members' forms in the partner portal -----------------
        portal.register_section(
            key="advocacy.surveys",
            template="advocacy/surveys/_portal.html",
            context=self.get_model("SurveyPage").portal_section,
            order=30,
        )
        # A deleted survey takes its answers' inbox items with it.
        receivers.connect_forgetting("advocacy.SurveyAnswer")

        # --- Partners' reach (advocacy/reach/): referral links, counts and signers in the partner portal ------
        portal.register_section(
            key="advocacy.reach",
            template="advocacy/portal/_reach.html",
            context="advocacy.reach.views.portal_section",  # by its path: the views import models
            order=20,
        )

        # --- Policy pushes (advocacy/pushes/): a ledger change refreshes cached pages; scans go with their rows --
        push_receivers.connect()
        # The petition page's timeline shows the deliveries, answers and promises of the pushes that carry it.
        timeline.register_provider(key="advocacy.pushes", provider="advocacy.pushes.timeline.ledger_entries")
