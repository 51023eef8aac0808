"""The dashboard's board of policy pushes: how many stand at each stage, the answers due this week, the answers
overdue, and the year's wins (by the day each was won), each linking to its push in the admin.

Three queries whatever the number of pushes and deliveries. Days are counted in the site's time zone (Bangkok),
as the delivery states are. The dashboard's filters (period, petitions, campaigns, partner) do not apply here.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from site_project.dates import display_year

from ..charts import display_day
from ..pushes.models import CLOSED_STAGES, Delivery, PolicyPush, Response, Stage
from ..pushes.states import DeliveryState, delivery_state

WEEK_DAYS = 7  # today and the six days after it
WINS = (Stage.WON, Stage.PARTLY_WON)


@dataclass(frozen=True)
class StageCount:
    label: str
    count: int
    url: str  # the admin's list of pushes at this stage


@dataclass(frozen=True)
class AwaitedAnswer:
    """An unanswered delivery of an open push: due this week, or overdue by ``days_overdue`` days."""

    push_title: str
    url: str  # the push's edit page in the admin
    target: str
    deadline: datetime.date
    state: DeliveryState
    days_overdue: int = 0

    @property
    def very_overdue(self) -> bool:
        return self.state == DeliveryState.VERY_OVERDUE

    @property
    def due_on(self) -> str:
        return display_day(self.deadline)

    @property
    def late_by(self) -> str:
        return ngettext("overdue by %(days)d day", "overdue by %(days)d days", self.days_overdue) % {
            "days": self.days_overdue
        }


@dataclass(frozen=True)
class Win:
    push_title: str
    url: str
    stage: str
    on: datetime.date  # the day it was won; for a push won before the model kept that day, its last update
    in_force_from: datetime.date | None = None
    dated: bool = True  # False: ``on`` is the last update, not the day it was won

    @property
    def won_on(self) -> str:
        return display_day(self.on)

    @property
    def in_force(self) -> str:
        return display_day(self.in_force_from) if self.in_force_from else ""


@dataclass(frozen=True)
class PushesBoard:
    stages: list[StageCount]
    due_this_week: list[AwaitedAnswer]
    overdue: list[AwaitedAnswer]
    wins: list[Win]
    total: int
    today: datetime.date
    week_end: datetime.date
    year: int

    @property
    def year_shown(self) -> str:
        return display_year(self.year)

    @property
    def week(self) -> str:
        return _("From %(since)s to %(until)s") % {
            "since": display_day(self.today),
            "until": display_day(self.week_end),
        }


def edit_url(push_id: int) -> str:
    return reverse("wagtailsnippets_advocacy_policypush:edit", args=[push_id])


def _stage_counts() -> tuple[list[StageCount], int]:
    """Every stage in its order, with how many pushes stand there (none too) and a link to them. One query."""
    counts = dict(PolicyPush.objects.values_list("stage").annotate(n=Count("pk")).order_by())
    listing = reverse("wagtailsnippets_advocacy_policypush:list")
    stages = [
        StageCount(str(stage.label), counts.get(stage.value, 0), f"{listing}?stage={stage.value}")
        for stage in Stage
    ]
    return stages, sum(counts.values())


def _awaited(today: datetime.date, week_end: datetime.date) -> list[AwaitedAnswer]:
    """Unanswered deliveries of open pushes whose answer was due by ``week_end``, each with its state. One query.

    Answered and closed ones are left out by the database, with the reminders' rule (an answer from the delivery's
    target on or after the day it was delivered; a won, lost or dropped push awaits nothing), so that years of
    answered deliveries are never read; the state (awaiting, overdue, very overdue) is the ledger's own."""
    answered = Response.objects.filter(
        push=OuterRef("push"), target=OuterRef("target"), received_on__gte=OuterRef("delivered_on")
    )
    deliveries = (
        Delivery.objects.filter(response_deadline__lte=week_end)
        .exclude(push__stage__in=CLOSED_STAGES)
        .filter(~Exists(answered))
        .select_related("push", "target")
        .order_by("response_deadline", "pk")
    )
    return [
        AwaitedAnswer(
            push_title=delivery.push.title,
            url=edit_url(delivery.push_id),
            target=str(delivery.target),
            deadline=delivery.response_deadline,
            state=delivery_state(
                deadline=delivery.response_deadline,
                answered=False,
                today=today,
                very_overdue_days=settings.POLICY_VERY_OVERDUE_DAYS,
            ),
            days_overdue=max(0, (today - delivery.response_deadline).days),
        )
        for delivery in deliveries
    ]


def _wins(year: int) -> list[Win]:
    """The pushes won or partly won this calendar year, the latest first. One query.

    A win is dated by the day editors record it was won (``won_on``). A push won before that day was kept has
    none: it counts as won this year when it was last updated this year (in Bangkok time), and says so."""
    start = datetime.date(year, 1, 1)
    updated_since = timezone.make_aware(datetime.datetime(year, 1, 1), timezone.get_default_timezone())
    pushes = PolicyPush.objects.filter(stage__in=WINS).filter(
        Q(won_on__gte=start, won_on__lte=datetime.date(year, 12, 31))
        | Q(won_on__isnull=True, updated_at__gte=updated_since)
    )
    wins = [
        Win(
            push_title=push.title,
            url=edit_url(push.pk),
            stage=push.get_stage_display(),
            on=push.won_on or timezone.localtime(push.updated_at, timezone.get_default_timezone()).date(),
            in_force_from=push.in_force_from,
            dated=push.won_on is not None,
        )
        for push in pushes.only("pk", "title", "stage", "won_on", "in_force_from", "updated_at")
    ]
    return sorted(wins, key=lambda win: (win.on, win.push_title), reverse=True)


def pushes_board(*, today: datetime.date | None = None) -> PushesBoard:
    """The board for ``today`` (Bangkok's today by default). Three queries.

    Days and years are the site's time zone's (Bangkok), not the reader's: the admin switches to a member's own
    time zone where they chose one."""
    today = today or timezone.localdate(timezone=timezone.get_default_timezone())
    week_end = today + datetime.timedelta(days=WEEK_DAYS - 1)
    stages, total = _stage_counts()
    awaited = _awaited(today, week_end)
    return PushesBoard(
        stages=stages,
        due_this_week=[answer for answer in awaited if answer.state == DeliveryState.AWAITING],
        overdue=sorted(
            (answer for answer in awaited if answer.state != DeliveryState.AWAITING),
            key=lambda answer: (-answer.days_overdue, answer.push_title),
        ),
        wins=_wins(today.year),
        total=total,
        today=today,
        week_end=week_end,
        year=today.year,
    )
