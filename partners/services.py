"""Writes with side effects: inviting representatives, submitting profile edits, reminders, documents."""

import datetime
import hashlib
import io
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    PageViewRestriction,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from site_project import outbox, pagecache
from site_project.submissions import Submission, announce

from .models import (
    CONTACT_FIELDS,
    Invitation,
    MemberDocument,
    PartnerContacts,
    PartnerIndexPage,
    PartnerPage,
    RenewalReminder,
    Representative,
    ServiceArea,
    hash_token,
)

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Partner profile review"
MODERATORS_GROUP = "Moderators"
REMINDER_DAYS_BEFORE = 30


# --- Moderation workflow --------------------------------------------------------------------------------------


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


# --- Profile edits --------------------------------------------------------------------------------------------


def representative_for(user) -> Representative | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Representative.objects.select_related("partner").filter(user=user).first()


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


# --- Safety: hiding contacts and leaving the directory at once ---------------------------------------------------

HIDE_CONTACTS_LOG_ACTION = "partners.hide_contacts"
UNLIST_LOG_ACTION = "partners.unlist"
RESTORE_LOG_ACTION = "partners.restore_visibility"


def _purge_public_pages() -> None:
    """Every cached copy of a public page (and the chrome) is dropped: the next reader gets a fresh one. Now,
    and again once the change is committed, so that no reader caches the old page in between."""
    pagecache.content_changed()
    transaction.on_commit(pagecache.content_changed)


def _restrict(pages: list[PartnerPage]) -> None:
    """A view restriction takes the pages out of every public listing: the directory, search and sitemaps."""
    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    for page in pages:
        if not PageViewRestriction.objects.filter(
            page=page, restriction_type=PageViewRestriction.GROUPS
        ).exists():
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set([moderators])


def _unrestrict(pages: list[PartnerPage]) -> None:
    PageViewRestriction.objects.filter(
        page__in=pages, restriction_type=PageViewRestriction.GROUPS, groups__name=MODERATORS_GROUP
    ).delete()


@transaction.atomic
def apply_safety_measure(
    *, representative: Representative, partner: PartnerPage, hide_contacts: bool = False, unlist: bool = False
) -> PartnerContacts:
    """Hide the organisation's contacts and/or take it out of the public directory, in every language, now.

    No review: a partner in danger cannot wait for one. Undoing it is reviewed (an approved edit that asks
    for it) or done by staff. Written to each translation's history in the audit log.
    """
    if not representative.represents(partner) or not representative.user.is_active:
        raise PermissionDenied
    if not hide_contacts and not unlist:
        raise ValueError("Choose at least one safety measure.")
    record = PartnerContacts.for_page(partner)
    record = PartnerContacts.objects.select_for_update().get(pk=record.pk)
    user = representative.user
    changes = {"safety_changed_at": timezone.now(), "safety_changed_by": user}
    if hide_contacts:
        changes["contacts_hidden"] = True
    if unlist:
        changes["unlisted"] = True
    PartnerContacts.objects.filter(pk=record.pk).update(**changes)
    translations = list(PartnerPage.objects.filter(translation_key=partner.translation_key))
    if unlist:
        _restrict(translations)
    for page in translations:
        if hide_contacts:
            log(instance=page, action=HIDE_CONTACTS_LOG_ACTION, user=user)
        if unlist:
            log(instance=page, action=UNLIST_LOG_ACTION, user=user)
    _purge_public_pages()
    record.refresh_from_db()
    return record


def restore_visibility(*, record: PartnerContacts, user=None) -> bool:
    """Show the contacts and list the organisation again. Called when an approved revision asks for it."""
    if not record.is_protected:
        return False
    PartnerContacts.objects.filter(pk=record.pk).update(
        contacts_hidden=False, unlisted=False, restore_visibility=False, safety_changed_at=timezone.now()
    )
    translations = list(PartnerPage.objects.filter(translation_key=record.translation_key))
    _unrestrict(translations)
    for page in translations:
        log(instance=page, action=RESTORE_LOG_ACTION, user=user)
    _purge_public_pages()
    return True


def contacts_published(*, record: PartnerContacts, revision, user=None) -> None:
    """After a contacts revision goes live: show the new details everywhere, and lift the safety measures if
    the revision asked for it and was written after they were taken (an older revision cannot undo them)."""
    if record.restore_visibility:
        taken_at = record.safety_changed_at
        if taken_at is None or (revision is not None and revision.created_at > taken_at):
            restore_visibility(record=record, user=user)
        else:
            PartnerContacts.objects.filter(pk=record.pk).update(restore_visibility=False)
    _purge_public_pages()


# --- Invitations ----------------------------------------------------------------------------------------------


INVITATION_EMAIL = "partners.invitation"


def translated_name(partner: PartnerPage, language: str) -> str:
    """The organisation's name in ``language``, or in its own language when it has no such translation."""
    translated = PartnerPage.objects.filter(
        translation_key=partner.translation_key, locale__language_code=language
    ).first()
    return (translated or partner).title


def _known_language(code: str) -> str:
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@transaction.atomic
def invite_representative(*, email: str, partner: PartnerPage, language: str, invited_by=None) -> Invitation:
    invitation = Invitation.objects.create(
        email=email, partner=partner, language=language, invited_by=invited_by
    )
    return send_invitation(invitation=invitation)


@transaction.atomic
def send_invitation(*, invitation: Invitation) -> Invitation:
    """E-mail ``invitation`` through the outbox and revoke every older link to the same person for the same
    organisation (any translation of it): only the newest e-mail works, an older link answers 410."""
    Invitation.objects.filter(
        email__iexact=invitation.email,
        partner__translation_key=invitation.partner.translation_key,
        accepted_at=None,
        revoked_at=None,
    ).exclude(pk=invitation.pk).update(revoked_at=timezone.now())
    token = issue_invitation_token(invitation=invitation)
    language = _known_language(invitation.language)
    with translation.override(language):
        path = reverse("partners:accept_invitation", kwargs={"invitation_id": invitation.pk, "token": token})
        context = {
            "partner_name": translated_name(invitation.partner, language),
            "accept_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "valid_days": Invitation.VALID_FOR.days,
        }
        subject = " ".join(render_to_string("emails/partners/invitation_subject.txt", context).split())
        body = render_to_string("emails/partners/invitation_body.txt", context)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    outbox.enqueue_email(message=message, kind=INVITATION_EMAIL)
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, invited_by) -> Invitation:
    """A new invitation to the same person, for the same organisation, in the same language; the old link
    stops working. An invitation already accepted is not sent again."""
    invitation = Invitation.objects.select_for_update().select_related("partner").get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid
    return invite_representative(
        email=invitation.email,
        partner=invitation.partner,
        language=invitation.language,
        invited_by=invited_by,
    )


def issue_invitation_token(*, invitation: Invitation) -> str:
    """Make a fresh token for ``invitation``, store only its hash, and return it for the e-mail."""
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_hash", "sent_at"])
    return token


class InvitationInvalid(Exception):
    pass


class InvitationRevoked(InvitationInvalid):
    """The link is genuine but a newer invitation to the same person replaced it."""


def find_invitation(*, invitation_id: int, token: str) -> Invitation:
    invitation = Invitation.objects.select_related("partner").filter(pk=invitation_id).first()
    if invitation is None or not invitation.matches(token):
        raise InvitationInvalid
    if invitation.revoked_at is not None and invitation.accepted_at is None:
        raise InvitationRevoked
    if not invitation.is_usable:
        raise InvitationInvalid
    return invitation


@transaction.atomic
def accept_invitation(*, invitation_id: int, token: str, password: str):
    """Create the representative's account from a valid invitation. The token works once."""
    invitation = find_invitation(invitation_id=invitation_id, token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid
    User = get_user_model()
    user = User.objects.filter(username__iexact=invitation.email).first()
    if user is None:
        user = User(username=invitation.email, email=invitation.email)
    elif user.is_staff or user.is_superuser or hasattr(user, "partner_representative"):
        # Staff keep their admin accounts; a representative belongs to one organisation only.
        raise InvitationInvalid
    user.is_staff = False
    user.set_password(password)
    user.save()
    Representative.objects.create(
        user=user, partner=invitation.partner, preferred_language=invitation.language
    )
    invitation.accepted_at = timezone.now()
    invitation.token_hash = ""
    invitation.save(update_fields=["accepted_at", "token_hash"])
    return user


# --- Password reset -----------------------------------------------------------------------------------------------

RESET_LINK_EMAIL = "partners.password_reset"
PASSWORD_RESET_EMAILS_PER_ADDRESS = 3  # an hour: enough for a person, too few to flood someone's inbox


def _within_limit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one more request under ``key``; False once ``limit`` is passed within ``seconds``.

    The count lives in the shared cache. If the cache cannot be reached the request is let through: a reset
    link is owed to its owner more than a limit is owed to anyone.
    """
    try:
        if cache.add(key, 1, seconds):
            return True
        return cache.incr(key) <= limit
    except ValueError:  # the key expired between add and incr
        return True
    except Exception:  # noqa: BLE001  (any cache backend's outage)
        logger.warning("Password-reset rate limit skipped: the cache is unavailable", exc_info=False)
        return True


def allow_password_reset_request(*, ip: str) -> bool:
    """Whether this address may ask for another reset link (PASSWORD_RESET_RATE_LIMIT, e.g. 5/3600)."""
    count, _, seconds = settings.PASSWORD_RESET_RATE_LIMIT.partition("/")
    return _within_limit(f"partners:pwreset:ip:{ip}", limit=int(count), seconds=int(seconds or 3600))


def _reset_email(*, user, representative: Representative) -> EmailMessage:
    language = _known_language(representative.preferred_language)
    with translation.override(language):
        path = reverse(
            "partners:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {
            "reset_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "username": user.get_username(),
            "partner_name": translated_name(representative.partner, language),
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = " ".join(render_to_string("emails/partners/password_reset_subject.txt", context).split())
        body = render_to_string("emails/partners/password_reset_body.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def request_password_reset(*, email: str) -> int:
    """Owe a reset link to each active representative with this e-mail, in their language. Returns how many.

    The caller answers the same whatever this returns, so no one learns which addresses have accounts. Staff
    reset their passwords in the admin; an address gets at most a few links an hour.
    """
    email = email.strip()
    digest = hashlib.sha256(email.lower().encode()).hexdigest()
    if not _within_limit(
        f"partners:pwreset:email:{digest}", limit=PASSWORD_RESET_EMAILS_PER_ADDRESS, seconds=3600
    ):
        return 0
    representatives = Representative.objects.select_related("user", "partner").filter(
        user__email__iexact=email, user__is_active=True, user__is_staff=False, user__is_superuser=False
    )
    sent = 0
    for representative in representatives:
        user = representative.user
        if not user.has_usable_password():
            continue
        outbox.enqueue_email(
            message=_reset_email(user=user, representative=representative), kind=RESET_LINK_EMAIL
        )
        sent += 1
    return sent


def password_reset_done(*, user) -> None:
    """A new password was set through an e-mailed link: whoever did it reads that mailbox, so a sign-in lock
    on the account is lifted (a lock on the address that failed stays)."""
    from axes.utils import reset

    reset(username=user.get_username().strip().lower())


# --- Renewals -------------------------------------------------------------------------------------------------


def partners_due_for_reminder(*, today: datetime.date | None = None):
    """Active members whose renewal is 30 days away or closer and who have had no reminder for it yet.

    Looking at the whole window, not only day 30, means a day the worker or cron missed is caught up.
    """
    today = today or timezone.localdate()
    return (
        PartnerPage.objects.filter(
            membership_status=PartnerPage.Membership.ACTIVE,
            renewal_due_on__gte=today,
            renewal_due_on__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
            representatives__isnull=False,
        )
        .exclude(renewal_reminders__due_on=models.F("renewal_due_on"))
        .distinct()
    )


def record_reminder(*, partner: PartnerPage) -> bool:
    """Note that the reminder for this renewal went out. False when it already had."""
    _, created = RenewalReminder.objects.get_or_create(partner=partner, due_on=partner.renewal_due_on)
    return created


# --- Members' documents ---------------------------------------------------------------------------------------


def share_document(*, representative: Representative, data: dict) -> MemberDocument:
    if not representative.is_active_member:
        raise PermissionDenied
    return MemberDocument.objects.create(uploaded_by=representative.user, **data)


def withdraw_document(*, document: MemberDocument, user) -> str:
    """The person who shared ``document`` takes it back: the row goes at once, the file once that is committed.

    Anyone else is refused with ``PermissionDenied``. Returns the title, for the message.
    """
    if document.uploaded_by_id is None or document.uploaded_by_id != user.pk:
        raise PermissionDenied
    storage, name = document.file.storage, document.file.name
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: storage.delete(name))
    return document.title
