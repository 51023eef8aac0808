"""Writes on inbox items: bulk status and assignment, an item's own changes and notes, and filing old rows."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, WorkflowState

from campaigns.models import EventRSVP
from campaigns.services import rsvp_submission
from partners.models import PartnerContacts
from partners.services import WORKFLOW_NAME, profile_edit_submission
from petitions.models import OrganisationCoSignature
from petitions.services.moderation import cosignature_submission
from stories.models import StorySubmission
from stories.services import story_submission

from ..models import InboxItem, InboxNote


@transaction.atomic
def change_items(*, items, status: str = "", assignee=None, unassign: bool = False) -> int:
    """Set the status of ``items`` (a queryset), or their assignee (``unassign``: nobody). Returns how many."""
    values = {}
    if status:
        values["status"] = status
    if assignee is not None or unassign:
        values["assignee"] = assignee
    return items.update(**values) if values else 0


@transaction.atomic
def add_note(*, item: InboxItem, author, text: str) -> InboxNote:
    return InboxNote.objects.create(item=item, author=author, text=text)


def _already_filed(model) -> set[int]:
    content_type = ContentType.objects.get_for_model(model)
    return set(InboxItem.objects.filter(content_type=content_type).values_list("object_id", flat=True))


def _profile_edits():
    """The partner profile edits waiting for review, with the organisation each is about."""
    states = WorkflowState.objects.filter(
        workflow__name=WORKFLOW_NAME, status=WorkflowState.STATUS_IN_PROGRESS
    ).select_related("base_content_type")
    for state in states:
        target = state.content_object
        partner = target.partner if isinstance(target, PartnerContacts) else target
        if isinstance(partner, Page):
            yield state, partner


def file_existing_submissions() -> int:
    """File every RSVP, shared story, co-signature and pending profile edit not in the inbox yet (idempotent).

    For rows saved before the inbox listened (the demo's, an old database's). Labels are written in the site's
    default language; each item is received when its row was.
    """
    sources = [
        (EventRSVP.objects.select_related("campaign"), rsvp_submission),
        (StorySubmission.objects.all(), story_submission),
        (OrganisationCoSignature.objects.select_related("petition", "partner"), cosignature_submission),
    ]
    filed = 0
    with translation.override(settings.LANGUAGE_CODE):
        for rows, submission_for in sources:
            for row in rows.exclude(pk__in=_already_filed(rows.model)):
                InboxItem.objects.file(submission_for(row), received=row.created_at, reopen=False)
                filed += 1
        done = _already_filed(WorkflowState)
        for state, partner in _profile_edits():
            if state.pk not in done:
                submission = profile_edit_submission(state=state, partner=partner)
                InboxItem.objects.file(submission, received=state.created_at, reopen=False)
                filed += 1
    return filed
