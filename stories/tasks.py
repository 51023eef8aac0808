"""Background work for stories: the e-mail telling staff a story has come in, and the daily consent check."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from site_project import outbox

from .models import StorySubmission
from .services import SUBMISSION_EMAIL, expire_story_consents


@outbox.renderer(SUBMISSION_EMAIL)
def render_submission_notice(payload: dict) -> EmailMessage | None:
    """Tell staff a story is waiting. The story itself stays in the admin, never in the e-mail."""
    submission = StorySubmission.objects.filter(pk=payload.get("submission_id")).first()
    if submission is None:  # deleted meanwhile: nothing to tell
        return None
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_stories_storysubmission:edit", args=[submission.pk]
    )
    context = {"submission": submission, "admin_url": admin_url}
    return EmailMessage(
        subject=render_to_string("emails/stories/submission_subject.txt", context).strip(),
        body=render_to_string("emails/stories/submission.txt", context),
    )  # addressed by the outbox to the row's recipient


@task()
def expire_consents() -> int:
    return len(expire_story_consents())
