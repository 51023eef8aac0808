"""Moderation: staff invalidate or release signatures, and approve organisations' co-signatures."""

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from site_project.submissions import Submission, announce

from .. import selectors
from ..models import CoSignatureStatus, OrganisationCoSignature, Signature, SignatureStatus
from ..selectors import Criteria
from . import audit
from .counting import schedule_aggregation
from .signing import owe_confirmation


def _invalidate(rows, *, user) -> int:
    """Invalidate ``rows`` petition by petition, so that each audit entry has its exact count."""
    with transaction.atomic():
        petition_ids = sorted(set(rows.values_list("petition_id", flat=True).distinct()))
        counts = {
            petition_id: rows.filter(petition_id=petition_id).update(
                status=SignatureStatus.INVALIDATED, token_hash=""
            )
            for petition_id in petition_ids
        }
        audit.record(action=audit.INVALIDATE_LOG_ACTION, user=user, counts=counts)
        transaction.on_commit(schedule_aggregation)
    for petition_id in petition_ids:
        selectors.forget_public_totals(petition_id)
    return sum(counts.values())


def invalidate_signatures(*, criteria: Criteria, user=None) -> int:
    """Invalidate every matching signature. Counted ones leave the public count at once (see ``totals_by``).

    ``user`` is the member of staff who asked (``None``: the system); the audit log records them.
    """
    return _invalidate(selectors.signatures_matching(criteria), user=user)


def invalidate_quarantined(*, signature_ids: list[int], user=None) -> int:
    """Staff found these quarantined signatures fake: they are invalidated and never counted."""
    return _invalidate(
        Signature.objects.filter(pk__in=signature_ids, status=SignatureStatus.QUARANTINED), user=user
    )


def release_quarantined(*, signature_ids: list[int], user=None) -> int:
    """Staff found these quarantined signatures genuine: they become pending and get a confirmation e-mail."""
    with transaction.atomic():
        rows = list(
            Signature.objects.filter(pk__in=signature_ids, status=SignatureStatus.QUARANTINED).values_list(
                "pk", "petition_id"
            )
        )
        ids = [pk for pk, _petition_id in rows]
        Signature.objects.filter(pk__in=ids).update(status=SignatureStatus.PENDING, quarantine_reason="")
        audit.record(
            action=audit.RELEASE_LOG_ACTION,
            user=user,
            counts=Counter(petition_id for _pk, petition_id in rows),
        )
        for pk, email in Signature.objects.filter(pk__in=ids).values_list("pk", "email"):
            owe_confirmation(signature_id=pk, email=email)
    return len(ids)


@transaction.atomic
def cosign_petition(*, petition_id: int, partner, user, statement: str):
    """Record an organisation's co-signature, waiting for staff approval. Signing again updates the statement."""
    cosignature, _created = OrganisationCoSignature.objects.update_or_create(
        petition_id=selectors.canonical_petition_id(petition_id),
        partner=partner,
        defaults={"statement": statement, "submitted_by": user, "status": CoSignatureStatus.PENDING},
    )
    announce(cosignature_submission(cosignature, language=translation.get_language()))
    return cosignature


def cosignature_submission(cosignature: OrganisationCoSignature, *, language: str = "") -> Submission:
    """The inbox's view of a co-signature: one form per petition (its count's id), from the partner."""
    return Submission(
        instance=cosignature,
        form_key=f"petitions.cosignature:{cosignature.petition_id}",
        form_label=gettext("Co-signatures: %(petition)s") % {"petition": cosignature.petition.title},
        language=language or settings.LANGUAGE_CODE,
        partner_id=cosignature.partner_id,
        summary=cosignature.partner.title,
    )


def decide_cosignature(*, cosignature_id: int, approve: bool) -> None:
    """Approve or reject a co-signature. The petition page shows the change within a minute (content cache)."""
    OrganisationCoSignature.objects.filter(pk=cosignature_id).update(
        status=CoSignatureStatus.APPROVED if approve else CoSignatureStatus.REJECTED,
        decided_at=timezone.now(),
    )
