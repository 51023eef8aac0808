"""What the policy-push ledger adds to a petition's public timeline (``petitions.timeline``): each delivery of a
public push that carries the petition (to whom, when, the receipt number, and how it stands: awaiting, overdue),
each answer (its classification and summary) and each promise (and whether it was kept).

Only pushes with a live public page count: a push the Secretariat keeps private shows nowhere. One query for
a petition no public push carries, else four or five whatever the number of pushes and entries; targets are
named in the reader's language where translated (a fifth query, only when a target is not in it already).
"""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from petitions.models import DecisionMaker
from petitions.timeline import TimelineEntry

from .models import Commitment, Delivery, Kept, PolicyPush, Response
from .selectors import state_in_words


def _names(targets, locale_id: int) -> dict:
    """Each target's name in ``locale_id`` where translated, by the target's pk. One query, none when every target
    is in that language already."""
    if all(target.locale_id == locale_id for target in targets):
        return {target.pk: str(target) for target in targets}
    keys = {target.translation_key for target in targets}
    translated = {
        target.translation_key: str(target)
        for target in DecisionMaker.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return {target.pk: translated.get(target.translation_key, str(target)) for target in targets}


def _delivery_text(delivery: Delivery) -> str:
    text = delivery.what
    if delivery.receipt_number:
        text = _("%(what)s Receipt number: %(number)s.") % {"what": text, "number": delivery.receipt_number}
    return text


def ledger_entries(*, petition, today: datetime.date) -> list[TimelineEntry]:
    """The ledger of every public push that carries ``petition`` (in any of its translations)."""
    # The pushes first: most petitions have none, and then that is all (each of the three lists below, with
    # the pushes as a subquery, took PostgreSQL 3 ms to plan).
    pushes = set(
        PolicyPush.objects.filter(
            pages__live=True, petitions__translation_key=petition.translation_key
        ).values_list("pk", flat=True)
    )
    if not pushes:
        return []
    deliveries = list(Delivery.objects.filter(push_id__in=pushes).select_related("target"))
    responses = list(Response.objects.filter(push_id__in=pushes).select_related("target"))
    commitments = list(Commitment.objects.filter(push_id__in=pushes).select_related("target"))
    if not (deliveries or responses or commitments):
        return []
    names = _names([row.target for row in (*deliveries, *responses, *commitments)], petition.locale_id)
    answers_of = defaultdict(list)
    for response in responses:
        answers_of[response.push_id].append(response)
    entries = []
    for delivery in deliveries:
        state, words = state_in_words(delivery, answers_of[delivery.push_id], today=today)
        entries.append(
            TimelineEntry(
                date=delivery.delivered_on,
                kind="delivered",
                label=_("Delivered to %(target)s") % {"target": names[delivery.target_id]},
                text=_delivery_text(delivery),
                state=state.value,
                state_words=words,
            )
        )
    for response in responses:
        entries.append(
            TimelineEntry(
                date=response.received_on,
                kind="response",
                label=_("Answer from %(target)s (%(classification)s)")
                % {
                    "target": names[response.target_id],
                    "classification": response.get_classification_display(),
                },
                text=response.summary,
            )
        )
    for commitment in commitments:
        answered = [
            r.received_on for r in answers_of[commitment.push_id] if r.target_id == commitment.target_id
        ]
        date = commitment.due_on or max(answered, default=None)
        if date is None:
            continue  # a promise with no date and no answer to date it by has no place on a timeline
        entries.append(
            TimelineEntry(
                date=date,
                kind="commitment",
                label=_("Promise by %(target)s") % {"target": names[commitment.target_id]},
                text=commitment.promise,
                state="kept"
                if commitment.kept == Kept.YES
                else ("broken" if commitment.kept == Kept.NO else ""),
                state_words=_("Kept: %(kept)s") % {"kept": commitment.get_kept_display()},
            )
        )
    return entries
