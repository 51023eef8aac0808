"""Background work for stories: telling staff a story has come in, and the daily consent check."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from wagtail.models import Site

from site_project.models import SiteSettings


def _staff_addresses() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = SiteSettings.for_site(site).contact_email
        if contact:
            return [contact]
    users = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return list(users.values_list("email", flat=True))


@task()
def notify_staff_of_submission(submission_id: int) -> int:
    """E-mail staff that a story is waiting. The story itself stays in the admin, never in the e-mail."""
    from .models import StorySubmission

    submission = StorySubmission.objects.filter(pk=submission_id).first()
    recipients = _staff_addresses()
    if submission is None or not recipients:
        return 0
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_stories_storysubmission:edit", args=[submission.pk]
    )
    context = {"submission": submission, "admin_url": admin_url}
    return send_mail(
        subject=render_to_string("emails/stories/submission_subject.txt", context).strip(),
        message=render_to_string("emails/stories/submission.txt", context),
        from_email=None,
        recipient_list=recipients,
    )


@task()
def expire_consents() -> int:
    from .services import expire_story_consents

    return len(expire_story_consents())
