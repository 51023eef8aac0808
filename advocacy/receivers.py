"""Files each submission a domain announces in the inbox, and forgets it when the domain deletes its row.

Imported by ``apps.py`` before the models exist, so the models are looked up when a signal arrives.
"""

from django.apps import apps
from django.db.models.signals import post_delete

from site_project.submissions import Submission

# The domains' rows the inbox links to; a row deleted there (an erasure, a demo reset) leaves no dangling item.
# A model that starts announcing later is added to these on its first submission.
SUBMISSION_MODELS = (
    "campaigns.EventRSVP",
    "stories.StorySubmission",
    "petitions.OrganisationCoSignature",
    "wagtailcore.WorkflowState",
)


def file_submission(sender, submission: Submission, **kwargs) -> None:
    apps.get_model("advocacy", "InboxItem").objects.file(submission)
    connect_forgetting(sender)


def forget_submission(sender, instance, **kwargs) -> None:
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_for_model(sender)
    apps.get_model("advocacy", "InboxItem").objects.filter(
        content_type=content_type, object_id=instance.pk
    ).delete()


def connect_forgetting(sender) -> None:
    """Delete the inbox item when ``sender`` (a model or an ``"app_label.Model"`` string) loses a row."""
    label = sender if isinstance(sender, str) else sender._meta.label
    post_delete.connect(forget_submission, sender=sender, dispatch_uid=f"advocacy.forget:{label}")
