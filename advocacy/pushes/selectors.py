"""What the public pages of policy pushes show, read in a fixed number of queries whatever the ledger's size.

A push page shows one timeline per target (deliveries, responses, commitments, each delivery's state in words)
and each target's record across every public push; the index shows each public push with its stage and the
worst state of its deliveries. Days are counted in the site's time zone (Bangkok), as the delivery states are.
Private scans (receipts, answer letters) are never read here.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from site_project.dates import display_date

from .models import Commitment, Delivery, PolicyPush, Response
from .states import DeliveryState, worst_state

LATE = (DeliveryState.OVERDUE, DeliveryState.VERY_OVERDUE)


@dataclass
class Entry:
    """One line of a target's timeline: a delivery (with its state in words), a response or a commitment."""

    kind: str  # "delivery", "response" or "commitment"
    date: datetime.date | None
    item: Delivery | Response | Commitment
    state: DeliveryState | None = None
    state_words: str = ""


@dataclass
class TargetTimeline:
    target: object  # a petitions.DecisionMaker, in the reader's language where translated
    entries: list[Entry] = field(default_factory=list)
    record: str = ""


def in_locale(chosen: QuerySet, candidates: QuerySet, locale_id: int) -> list:
    """Each chosen object in the given locale where a translation is among ``candidates``, else as chosen
    (if it is a candidate itself). One query."""
    found = candidates.filter(translation_key__in=chosen.values("translation_key")).filter(
        Q(locale_id=locale_id) | Q(pk__in=chosen.values("pk"))
    )
    by_key: dict = {}
    for obj in found.order_by("pk"):
        if obj.translation_key not in by_key or obj.locale_id == locale_id:
            by_key[obj.translation_key] = obj
    return list(by_key.values())


def answered_on(delivery: Delivery, responses: list[Response]) -> datetime.date | None:
    """The day of the first answer from the delivery's target on or after it was delivered."""
    days = [
        response.received_on
        for response in responses
        if response.target_id == delivery.target_id and response.received_on >= delivery.delivered_on
    ]
    return min(days, default=None)


def state_in_words(delivery: Delivery, responses: list[Response], *, today: datetime.date) -> tuple:
    """The delivery's state and a sentence for it: “overdue by 3 days”, “answered on 2 December 2568”."""
    state = delivery.state_among(responses, today=today)
    late = (today - delivery.response_deadline).days
    if state == DeliveryState.ANSWERED:
        words = _("answered on %(date)s") % {"date": display_date(answered_on(delivery, responses))}
    elif state == DeliveryState.AWAITING:
        words = _("awaiting an answer until %(date)s") % {"date": display_date(delivery.response_deadline)}
    elif state == DeliveryState.OVERDUE:
        words = ngettext("overdue by %(days)d day", "overdue by %(days)d days", late) % {"days": late}
    else:
        words = ngettext("very overdue by %(days)d day", "very overdue by %(days)d days", late) % {
            "days": late
        }
    return state, words


def record_in_words(deliveries: int, answered: int, late_days: list[int]) -> str:
    """A target's record in one line: “2 deliveries, 1 answer overdue by 45 days”."""
    if not deliveries:
        return _("nothing delivered yet")
    parts = [ngettext("%(count)d delivery", "%(count)d deliveries", deliveries) % {"count": deliveries}]
    if answered:
        parts.append(ngettext("%(count)d answered", "%(count)d answered", answered) % {"count": answered})
    if len(late_days) == 1:
        days = late_days[0]
        parts.append(
            ngettext("1 answer overdue by %(days)d day", "1 answer overdue by %(days)d days", days)
            % {"days": days}
        )
    elif late_days:
        days = max(late_days)
        parts.append(
            ngettext(
                "%(count)d answers overdue, the longest by %(days)d day",
                "%(count)d answers overdue, the longest by %(days)d days",
                days,
            )
            % {"count": len(late_days), "days": days}
        )
    return ", ".join(parts)


def target_records(translation_keys, *, today: datetime.date) -> dict:
    """Each target's record across every push with a live page (a private push counts for nothing), keyed by the
    target's translation key. Two queries."""
    public = PolicyPush.objects.filter(pages__live=True).values("pk")
    deliveries = Delivery.objects.filter(push_id__in=public, target__translation_key__in=translation_keys)
    responses = Response.objects.filter(push_id__in=public, target__translation_key__in=translation_keys)
    by_push = defaultdict(list)
    for response in responses:
        by_push[response.push_id].append(response)
    tally = defaultdict(lambda: {"deliveries": 0, "answered": 0, "late_days": []})
    for delivery in deliveries.annotate(target_key=F("target__translation_key")):
        counts = tally[delivery.target_key]
        state = delivery.state_among(by_push[delivery.push_id], today=today)
        counts["deliveries"] += 1
        counts["answered"] += state == DeliveryState.ANSWERED
        if state in LATE:
            counts["late_days"].append((today - delivery.response_deadline).days)
    return {key: record_in_words(**counts) for key, counts in tally.items()}


def timelines(push: PolicyPush, *, locale_id: int, today: datetime.date) -> list[TargetTimeline]:
    """One timeline per target of ``push``, oldest first, each with the target's record across public pushes."""
    chosen = push.targets.all()
    found = list(  # the targets and their translations into the page's language, in one query
        chosen.model.objects.filter(
            Q(pk__in=chosen.values("pk"))
            | Q(translation_key__in=chosen.values("translation_key"), locale_id=locale_id)
        ).annotate(is_chosen=Exists(chosen.filter(pk=OuterRef("pk"))))
    )
    targets = [target for target in found if target.is_chosen]
    keys = [target.translation_key for target in targets]
    translated = {target.translation_key: target for target in found if target.locale_id == locale_id}
    responses = list(push.responses.select_related("target"))
    lines = {
        target.pk: TargetTimeline(target=translated.get(target.translation_key, target)) for target in targets
    }
    for delivery in push.deliveries.select_related("target"):
        state, words = state_in_words(delivery, responses, today=today)
        entry = Entry("delivery", delivery.delivered_on, delivery, state=state, state_words=words)
        lines.setdefault(delivery.target_id, TargetTimeline(target=delivery.target)).entries.append(entry)
    for response in responses:
        lines.setdefault(response.target_id, TargetTimeline(target=response.target)).entries.append(
            Entry("response", response.received_on, response)
        )
    for commitment in push.commitments.select_related("target"):
        lines.setdefault(commitment.target_id, TargetTimeline(target=commitment.target)).entries.append(
            Entry("commitment", commitment.due_on, commitment)
        )
    records = target_records(keys, today=today)
    for target in targets:
        line = lines[target.pk]
        line.entries.sort(key=lambda entry: entry.date or datetime.date.max)
        line.record = records.get(target.translation_key, _("nothing delivered yet"))
    return list(lines.values())


def push_page_context(*, page) -> dict:
    """What a push page prints: its push, the stage, the coalition, what carries it, and the timelines."""
    push = page.push
    locale_id = page.locale_id
    today = timezone.localdate()

    def live_in_locale(related) -> list:
        return in_locale(related.all(), related.model.objects.live(), locale_id)

    return {
        "push": push,
        "coalition": live_in_locale(push.partners),
        "carried_by": [
            (_("Petitions"), live_in_locale(push.petitions)),
            (_("Campaigns"), live_in_locale(push.campaigns)),
            (_("Stories"), live_in_locale(push.stories)),
        ],
        "timelines": timelines(push, locale_id=locale_id, today=today),
    }


@dataclass
class ListedPush:
    page: object  # a PolicyPushPage
    stage: str
    worst: str


def listed_pushes(pages: QuerySet) -> list[ListedPush]:
    """The index's public pushes, newest first, each with its stage and its deliveries' worst state. Three
    queries."""
    today = timezone.localdate()
    listed = []
    pages = pages.select_related("push").prefetch_related("push__deliveries", "push__responses")
    for page in pages.order_by("-first_published_at", "-pk"):
        worst = worst_state(page.push.delivery_states(today=today))
        listed.append(
            ListedPush(
                page=page,
                stage=page.push.get_stage_display(),
                worst=worst.label if worst is not None else _("nothing delivered yet"),
            )
        )
    return listed
