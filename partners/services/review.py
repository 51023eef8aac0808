"""The moderation workflow every profile edit goes through, and what a representative sees of its outcome."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from ..models import PartnerContacts, PartnerIndexPage, PartnerPage

WORKFLOW_NAME = "Partner profile review"
MODERATORS_GROUP = "Moderators"


def ensure_review_workflow(*, index_page: PartnerIndexPage | None = None) -> Workflow:
    """The "Partner profile review" workflow, with one Moderators approval task, on every partner directory."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
        task = GroupApprovalTask.objects.filter(name="Partner profile approval").first()
        if task is None:
            task = GroupApprovalTask.objects.create(name="Partner profile approval")
            task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    indexes = [index_page] if index_page is not None else PartnerIndexPage.objects.all()
    for page in indexes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    # The shared contact records go through the same review, once for every language.
    contacts_type = ContentType.objects.get_for_model(PartnerContacts, for_concrete_model=False)
    WorkflowContentType.objects.update_or_create(content_type=contacts_type, defaults={"workflow": workflow})
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type=contacts_type, codename__in=["change_partnercontacts", "publish_partnercontacts"]
        )
    )
    return workflow


@dataclass(frozen=True)
class ReviewStatus:
    """What a representative sees about their latest submission."""

    status: str  # one of WorkflowState.STATUS_* or "" when nothing was ever submitted
    label: str
    comment: str
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None

    @property
    def is_pending(self) -> bool:
        return self.status == WorkflowState.STATUS_IN_PROGRESS

    @property
    def needs_changes(self) -> bool:
        return self.status == WorkflowState.STATUS_NEEDS_CHANGES


def review_status(*, partner: PartnerPage) -> ReviewStatus:
    """The latest submission about this organisation: its page in this language, or its shared contacts."""
    states = [WorkflowState.objects.for_instance(partner).order_by("-created_at", "-pk").first()]
    contacts = partner.contacts_record
    if contacts is not None:
        states.append(WorkflowState.objects.for_instance(contacts).order_by("-created_at", "-pk").first())
    states = [state for state in states if state is not None]
    state = max(states, key=lambda state: (state.created_at, state.pk)) if states else None
    if state is None:
        return ReviewStatus("", "", "", None, None)
    decided = (
        TaskState.objects.filter(workflow_state=state)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .exclude(status=TaskState.STATUS_CANCELLED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return ReviewStatus(
        status=state.status,
        label=str(state.get_status_display()),
        comment=decided.comment if decided else "",
        submitted_at=state.created_at,
        decided_at=decided.finished_at if decided else None,
    )
