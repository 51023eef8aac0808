"""Writes with side effects for stories: consent withdrawal and expiry, and stories sent in by the public."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Site

from site_project import outbox
from site_project.models import SiteSettings
from site_project.submissions import Submission, announce

from .models import StoryConsent, StoryPage, StorySubmission

SUBMISSION_EMAIL = "stories.submission"


def staff_addresses() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = SiteSettings.for_site(site).contact_email
        if contact:
            return [contact]
    users = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return list(users.values_list("email", flat=True))


def _unpublish(page: StoryPage, by=None) -> None:
    # Consent overrides page permissions: whoever records a withdrawal takes the story down.
    UnpublishPageAction(page, user=by).execute(skip_permission_checks=True)


def enforce_consent(*, story: StoryPage, by=None) -> list[StoryPage]:
    """Unpublish each live translation of ``story`` that no consent in force covers. Returns those unpublished."""
    unpublished = []
    for translation in story.get_translations(inclusive=True).live().specific():
        if not translation.has_consent():
            _unpublish(translation, by)
            unpublished.append(translation)
    return unpublished


@transaction.atomic
def withdraw_consent(*, consent: StoryConsent, by=None) -> list[StoryPage]:
    """Record that consent is withdrawn and unpublish every translation of the story at once."""
    consent = StoryConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = by
        consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    unpublished = []
    for translation in consent.story.get_translations(inclusive=True).live().specific():
        _unpublish(translation, by)
        unpublished.append(translation)
    return unpublished


def expire_story_consents(*, today=None) -> list[StoryPage]:
    """Unpublish every live story translation whose consent has ended (run daily)."""
    unpublished = []
    for story in StoryPage.objects.live().select_related("locale"):
        if not story.has_consent(on=today):
            with transaction.atomic():
                _unpublish(story)
            unpublished.append(story)
    return unpublished


@transaction.atomic
def submit_story(*, data: dict, language: str) -> StorySubmission:
    submission = StorySubmission.objects.create(
        name=data["name"],
        contact=data.get("contact") or "",
        may_contact=bool(data.get("may_contact")),
        story=data["story"],
        language=language,
    )
    # Owed in the same transaction as the story: a mail outage delays the notice, never loses it.
    for address in staff_addresses():
        outbox.enqueue(kind=SUBMISSION_EMAIL, recipient=address, payload={"submission_id": submission.pk})
    announce(story_submission(submission))
    return submission


def story_submission(submission: StorySubmission) -> Submission:
    """The inbox's view of a shared story: for the Safeguarding group only, under the name the person chose."""
    return Submission(
        instance=submission,
        form_key="stories.share",
        form_label=_("Shared stories"),
        language=submission.language,
        sensitive=True,
        summary=submission.name,
    )
