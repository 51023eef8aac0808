"""A policy push and its ledger: each delivery to a target, each response, each commitment.

A push is a plain model the Secretariat edits as a snippet (its form and panels: ``admin``); its deliveries,
responses and commitments are edited inline on it. Scanned receipts and response letters are private files: kept with the members' documents, outside
the media folder, and handed out only by a view that checks the reader may see pushes.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from .files import ScanField
from .states import DeliveryState, delivery_state, worst_state


class Stage(models.TextChoices):
    PREPARING = "preparing", pgettext_lazy("push stage", "preparing")
    COLLECTING = "collecting", pgettext_lazy("push stage", "collecting support")
    DELIVERED = "delivered", pgettext_lazy("push stage", "delivered")
    AWAITING = "awaiting", pgettext_lazy("push stage", "awaiting response")
    RESPONDED = "responded", pgettext_lazy("push stage", "response received")
    NEGOTIATING = "negotiating", pgettext_lazy("push stage", "negotiating")
    WON = "won", pgettext_lazy("push stage", "won")
    PARTLY_WON = "partly_won", pgettext_lazy("push stage", "partly won")
    LOST = "lost", pgettext_lazy("push stage", "lost")
    DROPPED = "dropped", pgettext_lazy("push stage", "dropped")


CLOSED_STAGES = (Stage.WON, Stage.PARTLY_WON, Stage.LOST, Stage.DROPPED)
WON_STAGES = (Stage.WON, Stage.PARTLY_WON)


class PolicyPushQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("owner").prefetch_related("deliveries", "responses")

    def open(self):
        return self.exclude(stage__in=CLOSED_STAGES)


class PolicyPush(ClusterableModel):
    """One demand carried to one or more decision makers, with the petitions, campaigns and stories behind it."""

    title = models.CharField(
        _("demand"),
        max_length=255,
        help_text=_("The demand in one line, e.g. “No alcohol sales after midnight”."),
    )
    demand = models.TextField(
        _("the demand in full"),
        help_text=_("What we ask the decision makers to do, in the words we hand over to them."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        limit_choices_to={"is_staff": True},
        related_name="+",
        verbose_name=pgettext_lazy("policy push", "owner"),
        help_text=_("The member of staff who follows this push. Reminders about deadlines go to them."),
    )
    stage = models.CharField(
        pgettext_lazy("policy push", "stage"),
        max_length=12,
        choices=Stage.choices,
        default=Stage.PREPARING,
        db_index=True,
        help_text=_("Where the push stands now."),
    )
    targets = ParentalManyToManyField(
        "petitions.DecisionMaker",
        related_name="pushes",
        verbose_name=pgettext_lazy("policy push", "targets"),
        help_text=_("The decision makers we want an answer from. Add them under Snippets › Decision makers."),
    )
    petitions = ParentalManyToManyField(
        "petitions.PetitionPage",
        blank=True,
        related_name="pushes",
        verbose_name=pgettext_lazy("policy push", "petitions"),
        help_text=_("The petitions that collect support for this demand."),
    )
    campaigns = ParentalManyToManyField(
        "campaigns.CampaignPage",
        blank=True,
        related_name="pushes",
        verbose_name=pgettext_lazy("policy push", "campaigns"),
        help_text=_("The campaigns that carry this demand."),
    )
    stories = ParentalManyToManyField(
        "stories.StoryPage",
        blank=True,
        related_name="pushes",
        verbose_name=pgettext_lazy("policy push", "stories"),
        help_text=_("Published stories that show why the demand matters."),
    )
    partners = ParentalManyToManyField(
        "partners.PartnerPage",
        blank=True,
        related_name="pushes",
        verbose_name=_("coalition"),
        help_text=_("The partner organisations that stand behind this demand."),
    )
    won_on = models.DateField(
        _("won on"),
        null=True,
        blank=True,
        help_text=_(
            "For a push won or partly won: the day the decision was made, e.g. the day the order was signed."
        ),
    )
    in_force_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_(
            "The day the decision takes effect, if it is not the day it was won. Leave empty if none."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PolicyPushQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("policy push")
        verbose_name_plural = _("policy pushes")

    def __str__(self):
        return self.title

    def clean(self):
        won = self.stage in WON_STAGES
        errors = {}
        if won and not self.won_on:
            errors["won_on"] = _("Say the day the push was won: the day the decision was made.")
        elif not won and (self.won_on or self.in_force_from):
            field = "won_on" if self.won_on else "in_force_from"
            errors[field] = _(
                "Only a push won or partly won has these dates: empty them or change the stage."
            )
        elif self.won_on and self.won_on > timezone.localdate():
            errors["won_on"] = _("A push cannot be won in the future: check the date.")
        if errors:
            raise ValidationError(errors)

    def delivery_states(self, *, today: datetime.date | None = None) -> list[DeliveryState]:
        """Each delivery's state, read from the prefetched deliveries and responses where there are some."""
        today = today or timezone.localdate()
        responses = list(self.responses.all())
        return [delivery.state_among(responses, today=today) for delivery in self.deliveries.all()]

    def ledger_summary(self) -> str:
        """For the list of pushes: the worst state of its deliveries, and how many are overdue."""
        states = self.delivery_states()
        worst = worst_state(states)
        if worst is None:
            return str(_("nothing delivered yet"))
        late = sum(state in (DeliveryState.OVERDUE, DeliveryState.VERY_OVERDUE) for state in states)
        if not late:
            return str(worst.label)
        return ngettext("%(state)s (%(count)d overdue)", "%(state)s (%(count)d overdue)", late) % {
            "state": worst.label,
            "count": late,
        }

    ledger_summary.short_description = pgettext_lazy("policy push", "deliveries")


class Delivery(ClusterableModel):
    """The demand handed to one target: when, where, what, by whom, to whom, and the answer's deadline."""

    push = ParentalKey(PolicyPush, on_delete=models.CASCADE, related_name="deliveries")
    target = models.ForeignKey(
        "petitions.DecisionMaker",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("delivered to"),
        help_text=_("The decision maker it was handed to."),
    )
    delivered_on = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The day it was handed over.")
    )
    place = models.CharField(
        pgettext_lazy("policy push", "place"),
        max_length=255,
        blank=True,
        help_text=_("Where, e.g. the ministry's front office, Bangkok."),
    )
    what = models.TextField(
        _("what was delivered"),
        help_text=_("What we handed over: the letter, the dossier, the number of signatures."),
    )
    dossier = models.ForeignKey(
        "advocacy.Dossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"status": "ready"},
        related_name="deliveries",
        verbose_name=_("dossier handed over"),
        help_text=_(
            "The delivery dossier that was handed over, if one was made (“Make the delivery dossier” in the save "
            "menu): its totals and digest stay on record."
        ),
    )
    delivered_by_partners = ParentalManyToManyField(
        "partners.PartnerPage",
        blank=True,
        related_name="+",
        verbose_name=_("delivered by (organisations)"),
        help_text=_("The partner organisations that took part in the handover."),
    )
    delivered_by_people = models.TextField(
        _("delivered by (people)"),
        blank=True,
        help_text=_("The people who handed it over, one per line."),
    )
    received_by_name = models.CharField(
        _("received by"), max_length=200, blank=True, help_text=_("The name of the person who took it.")
    )
    received_by_office = models.CharField(
        _("their office"), max_length=200, blank=True, help_text=_("Their position or office.")
    )
    receipt_number = models.CharField(
        _("receipt number"),
        max_length=100,
        blank=True,
        help_text=_("The official registration number the office gave the letter, if any."),
    )
    acknowledgement = ScanField(
        _("scanned acknowledgement"),
        upload_to="pushes/acknowledgements/%Y/%m/",
        blank=True,
        help_text=_(
            "A scan or photo of the stamped receipt: PDF or image. Only the Secretariat can open it."
        ),
    )
    response_deadline = models.DateField(
        _("answer expected by"),
        blank=True,
        help_text=_(
            "Leave empty for the usual time the office has to answer, counted from the delivery date."
        ),
    )
    reminded_before_at = models.DateTimeField(null=True, editable=False)
    reminded_overdue_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["delivered_on", "pk"]
        verbose_name = pgettext_lazy("policy push", "delivery")
        verbose_name_plural = pgettext_lazy("policy push", "deliveries")

    def __str__(self):
        return f"{self.target} · {self.delivered_on}"

    @staticmethod
    def default_deadline(delivered_on: datetime.date) -> datetime.date:
        return delivered_on + datetime.timedelta(days=settings.POLICY_RESPONSE_DAYS)

    def clean(self):
        if self.delivered_on and not self.response_deadline:
            self.response_deadline = self.default_deadline(self.delivered_on)
        if self.delivered_on and self.response_deadline and self.response_deadline < self.delivered_on:
            raise ValidationError(
                {"response_deadline": _("The answer cannot be due before the day the demand was delivered.")}
            )

    def save(self, *args, **kwargs):
        if not self.response_deadline:
            self.response_deadline = self.default_deadline(self.delivered_on)
        super().save(*args, **kwargs)

    def state_among(self, responses, *, today: datetime.date) -> DeliveryState:
        """This delivery's state, given the push's responses (answered by one from its target on or after it)."""
        answered = any(
            response.target_id == self.target_id and response.received_on >= self.delivered_on
            for response in responses
        )
        return delivery_state(
            deadline=self.response_deadline,
            answered=answered,
            today=today,
            very_overdue_days=settings.POLICY_VERY_OVERDUE_DAYS,
        )

    @property
    def state(self) -> DeliveryState:
        return self.state_among(self.push.responses.all(), today=timezone.localdate())


class Classification(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("response classification", "accepted")
    PARTLY_ACCEPTED = "partly_accepted", pgettext_lazy("response classification", "partly accepted")
    REJECTED = "rejected", pgettext_lazy("response classification", "rejected")
    REFERRED = "referred", pgettext_lazy("response classification", "referred elsewhere")
    NO_ANSWER = "no_answer", pgettext_lazy("response classification", "no answer")


class Response(models.Model):
    """What a target answered, with the letter if there is one."""

    push = ParentalKey(PolicyPush, on_delete=models.CASCADE, related_name="responses")
    target = models.ForeignKey(
        "petitions.DecisionMaker",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("policy push", "from"),
        help_text=_("The decision maker who answered."),
    )
    received_on = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The date of the answer (the letter's date).")
    )
    document = ScanField(
        pgettext_lazy("policy push", "document"),
        upload_to="pushes/responses/%Y/%m/",
        blank=True,
        help_text=_("The answer itself, scanned: PDF or image. Only the Secretariat can open it."),
    )
    summary = models.TextField(_("summary"), help_text=_("What they said, in two or three sentences."))
    classification = models.CharField(
        _("classification"),
        max_length=16,
        choices=Classification.choices,
        help_text=_("How the answer stands against our demand."),
    )

    class Meta:
        ordering = ["received_on", "pk"]
        verbose_name = pgettext_lazy("policy push", "response")
        verbose_name_plural = pgettext_lazy("policy push", "responses")

    def __str__(self):
        return f"{self.target} · {self.received_on}"

    def clean(self):
        if self.received_on and self.received_on > timezone.localdate():
            raise ValidationError(
                {"received_on": _("An answer cannot come from the future: check the date.")}
            )


class Kept(models.TextChoices):
    NOT_YET = "not_yet", pgettext_lazy("commitment kept", "not yet")
    YES = "yes", pgettext_lazy("commitment kept", "yes")
    NO = "no", pgettext_lazy("commitment kept", "no")


class Commitment(models.Model):
    """A promise a target made, and whether it was kept."""

    push = ParentalKey(PolicyPush, on_delete=models.CASCADE, related_name="commitments")
    promise = models.TextField(
        _("what was promised"), help_text=_("The promise, as close to their words as we can.")
    )
    target = models.ForeignKey(
        "petitions.DecisionMaker",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("promised by"),
        help_text=_("The decision maker who made the promise."),
    )
    due_on = models.DateField(
        _("by when"),
        null=True,
        blank=True,
        help_text=_("The date they promised it for. Leave empty if none."),
    )
    kept = models.CharField(
        pgettext_lazy("policy push", "kept"),
        max_length=8,
        choices=Kept.choices,
        default=Kept.NOT_YET,
        help_text=_("Whether they did what they promised."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Anything worth remembering about it."))

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = pgettext_lazy("policy push", "commitment")
        verbose_name_plural = pgettext_lazy("policy push", "commitments")

    def __str__(self):
        return self.promise[:60]
