"""Safety: a partner hides its contacts or leaves the directory at once, in every language, and is shown again."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction

from site_project import pagecache

from ..models import PartnerContacts, PartnerPage, Representative
from .review import MODERATORS_GROUP

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
