"""Profile edits by a partner's representative: saved as revisions and sent for review, never live at once."""

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow, WorkflowState

from site_project.submissions import Submission, announce

from ..models import CONTACT_FIELDS, PartnerContacts, PartnerPage, Representative, ServiceArea
from .review import ensure_review_workflow


def editable_partner(*, representative: Representative, page_id: int) -> PartnerPage:
    """The partner page ``page_id`` if this representative may edit it; otherwise ``PermissionDenied``."""
    page = PartnerPage.objects.filter(pk=page_id).first()
    if page is None or not representative.represents(page) or not representative.user.is_active:
        raise PermissionDenied
    return page


def _save_logo(*, partner: PartnerPage, logo: tuple[bytes, str], user):
    data, extension = logo
    collection = Collection.get_first_root_node()
    image = get_image_model()(
        title=f"{partner.title} logo",
        collection=collection,
        uploaded_by_user=user,
    )
    image.file.save(
        f"partner-logo-{partner.translation_key.hex[:12]}.{extension}", ContentFile(data), save=False
    )
    with PillowImage.open(io.BytesIO(data)) as pixels:
        image.width, image.height = pixels.size
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def submit_profile_edit(
    *, partner: PartnerPage, representative: Representative, data: dict, files: dict | None = None
):
    """Save the representative's changes as a new revision and send it for review. Nothing goes live.

    ``data`` is a cleaned ``PartnerProfileForm``: model fields, ``provinces`` and an optional clean logo
    (``logo_upload`` as bytes and extension). Returns the new ``WorkflowState``.
    """
    if not representative.represents(partner) or not representative.user.is_active:
        raise PermissionDenied
    user = representative.user
    workflow = ensure_review_workflow(index_page=partner.get_parent().specific)
    contacts_state = _submit_contacts_edit(partner=partner, user=user, data=data, workflow=workflow)

    draft = partner.get_latest_revision_as_object()
    before = _page_snapshot(draft)
    for field in PAGE_FIELDS:
        if field in data:
            setattr(draft, field, data[field])
    for field in ("pillars", "services", "working_languages"):
        if field in data:
            setattr(draft, field, list(data[field]))
    if "provinces" in data:
        draft.areas = [ServiceArea(province=code, sort_order=i) for i, code in enumerate(data["provinces"])]
    logo = data.get("logo_upload") or (files or {}).get("logo_upload")
    if logo:
        draft.logo = _save_logo(partner=partner, logo=logo, user=user)
    if contacts_state is not None and not logo and _page_snapshot(draft) == before:
        announce(profile_edit_submission(state=contacts_state, partner=partner))
        return contacts_state  # only the shared contacts changed: one review, not two
    draft.save_revision(user=user, log_action=True)

    current = WorkflowState.objects.for_instance(partner).active().first()
    if current is not None:
        current.cancel(user=user)
    state = workflow.start(partner, user)
    announce(profile_edit_submission(state=state, partner=partner))
    return state


def profile_edit_submission(*, state: WorkflowState, partner: PartnerPage, language: str = "") -> Submission:
    """The inbox's view of a profile edit sent for review: its workflow state, which links to the review task."""
    return Submission(
        instance=state,
        form_key="partners.profile_edit",
        form_label=gettext_lazy("Partner profile edits"),
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        partner_id=partner.pk,
        summary=partner.title,
    )


PAGE_FIELDS = ("title", "abbreviation", "kind", "description", "districts")


def _page_snapshot(page: PartnerPage) -> tuple:
    def keys(related) -> list:
        values = related.all() if hasattr(related, "all") else related
        return sorted(getattr(value, "pk", value) for value in values)

    return (
        tuple(getattr(page, field) for field in PAGE_FIELDS),
        tuple(keys(getattr(page, field)) for field in ("pillars", "services", "working_languages")),
        tuple(area.province for area in page.areas.all()),
    )


def _submit_contacts_edit(
    *, partner: PartnerPage, user, data: dict, workflow: Workflow
) -> WorkflowState | None:
    """Send changed contact details (or a request to be shown again) for review, once for every language."""
    record = PartnerContacts.for_page(partner)
    draft = record.get_latest_revision_as_object()
    changed = {
        name: data[name] for name in CONTACT_FIELDS if name in data and data[name] != getattr(draft, name)
    }
    restore = bool(data.get("restore_visibility")) and record.is_protected
    if not changed and not restore and not draft.restore_visibility:
        return None
    for name, value in changed.items():
        setattr(draft, name, value)
    draft.restore_visibility = restore
    draft.save_revision(user=user, log_action=True)
    current = WorkflowState.objects.for_instance(record).active().first()
    if current is not None:
        current.cancel(user=user)
    return workflow.start(record, user)
