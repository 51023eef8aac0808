"""Background work for stories: the e-mail telling staff a story has come in, and the daily consent check."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from wagtail.models import Site

from site_project import outbox
from site_project.models import SiteSettings

SUBMISSION_EMAIL = "stories.submission"


def staff_addresses() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = SiteSettings.for_site(site).contact_email
        if contact:
            return [contact]
    users = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return list(users.values_list("email", flat=True))


@outbox.renderer(SUBMISSION_EMAIL)
def render_submission_notice(payload: dict) -> EmailMessage | None:
    """Tell staff a story is waiting. The story itself stays in the admin, never in the e-mail."""
    from .models import StorySubmission

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
    from .services import expire_story_consents

    return len(expire_story_consents())
