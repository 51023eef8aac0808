"""Petition pages, their index, the decision makers they address and their public timeline."""

import datetime

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from partners.models import PartnerPage
from site_project.blocks import BodyBlock
from site_project.memo import PublicPageQuerySet
from site_project.models import BasePage
from site_project.share_cards import ShareCardText, count_step

from ..page_context import petition_page_context
from ..selectors import public_count


class DecisionMaker(TranslatableMixin, models.Model):
    """Someone a petition is addressed to: an institution, an office in it, and the official who holds it."""

    institution = models.CharField(
        _("institution"), max_length=200, help_text=_("e.g. Ministry of Tourism and Sports")
    )
    office = models.CharField(
        _("office"), max_length=200, blank=True, help_text=_("e.g. Minister, or Permanent Secretary")
    )
    official_name = models.CharField(
        _("named official"),
        max_length=200,
        blank=True,
        help_text=_("The person who holds the office now. Leave empty to address the office."),
    )

    panels = [FieldPanel("institution"), FieldRowPanel([FieldPanel("office"), FieldPanel("official_name")])]

    class Meta(TranslatableMixin.Meta):
        ordering = ["institution", "office"]
        verbose_name = _("decision maker")
        verbose_name_plural = _("decision makers")

    def __str__(self):
        return " · ".join(part for part in (self.official_name, self.office, self.institution) if part)


class PetitionIndexPage(BasePage):
    """The list of petitions in one language: /th/petitions/."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the list.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), *BasePage.safety_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["site_project.HomePage"]
    subpage_types = ["petitions.PetitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("petition index page")
        verbose_name_plural = _("petition index pages")

    def route(self, request, path_components):
        """Find a petition and its specific fields in one query, not Wagtail's two."""
        if not path_components:
            return super().route(request, path_components)
        petition = PetitionPage.objects.child_of(self).filter(slug=path_components[0]).first()
        if petition is None:
            raise Http404
        petition._cached_parent_obj = self
        return petition.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        petitions = list(PetitionPage.objects.child_of(self).live().signable_first())
        context["petitions"] = [(petition, public_count(petition.pk)) for petition in petitions]
        context["open_petitions"] = [(p, count) for p, count in context["petitions"] if p.is_signable]
        context["closed_petitions"] = [(p, count) for p, count in context["petitions"] if not p.is_signable]
        return context


class PetitionStatus(models.TextChoices):
    OPEN = "open", _("Open for signatures")
    CLOSED = "closed", _("Closed")
    DELIVERED = "delivered", _("Delivered")
    RESPONDED = "responded", _("Response received")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")


def _signable(now: datetime.datetime) -> models.Q:
    """What a petition people can sign at ``now`` is: open status, opened, not yet closed."""
    return models.Q(status=PetitionStatus.OPEN, opens_at__lte=now) & (
        models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now)
    )


class PetitionQuerySet(PublicPageQuerySet):
    def accepting(self):
        """Petitions people can sign now: open status, opened, not yet closed."""
        return self.filter(_signable(timezone.now()))

    def signable_first(self):
        """Petitions a visitor can sign now first, newest first; then the closed ones, whose cards show the
        outcome (won, lost, delivered…). Each carries ``is_signable``."""
        return self.annotate(
            is_signable=models.Case(
                models.When(_signable(timezone.now()), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        ).order_by("-is_signable", "-first_published_at", "-pk")

    def open_or_recent(self, *, days: int = 180):
        """Open petitions and those closed in the last ``days`` days: what the public API lists."""
        since = timezone.now() - datetime.timedelta(days=days)
        return self.filter(
            models.Q(status=PetitionStatus.OPEN)
            | models.Q(closes_at__isnull=True)
            | models.Q(closes_at__gte=since)
        )


PetitionManager = PageManager.from_queryset(PetitionQuerySet)


def effective_goal(count: int, *, goal: int, automatic: bool) -> int:
    """The goal shown beside ``count``: the editor's goal, doubled until above the count if they chose so."""
    goal = max(goal, 1)
    if automatic:
        while count >= goal:
            goal *= 2
    return goal


class PetitionPage(BasePage):
    """One petition: what it demands, of whom, and the form to sign it."""

    summary = models.CharField(
        _("short summary"),
        max_length=280,
        help_text=_("One or two sentences, shown in lists and when the petition is shared."),
    )
    demand = models.TextField(
        _("the demand"), help_text=_("What the petition asks the decision makers to do, in plain words.")
    )
    background = StreamField(
        BodyBlock(), blank=True, verbose_name=_("background"), help_text=_("Why it matters: facts, stories.")
    )
    targets = ParentalManyToManyField(
        DecisionMaker,
        related_name="petitions",
        verbose_name=_("addressed to"),
        help_text=_("The decision makers the petition is addressed to. Choose one or more."),
    )
    co_sponsors = ParentalManyToManyField(
        "partners.PartnerPage",
        related_name="co_sponsored_petitions",
        blank=True,
        verbose_name=_("co-sponsoring partners"),
        help_text=_(
            "Partner organisations that run this petition with us. Signers may opt in to their news."
        ),
    )
    goal = models.PositiveIntegerField(
        _("signature goal"), default=1000, help_text=_("How many signatures the petition aims for.")
    )
    raise_goal_automatically = models.BooleanField(
        _("raise the goal when reached"),
        default=True,
        help_text=_("When the count passes the goal, show the next goal (twice as high) instead."),
    )
    opens_at = models.DateTimeField(
        _("opens"), default=timezone.now, help_text=_("Signing starts at this date and time.")
    )
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Signing ends at this date and time. Empty: no end date."),
    )
    status = models.CharField(
        _("public status"),
        max_length=12,
        choices=PetitionStatus.choices,
        default=PetitionStatus.OPEN,
        help_text=_("Shown on the page. Only open petitions accept signatures."),
    )
    organiser_name = models.CharField(
        _("organiser"),
        max_length=200,
        default="ภาคี",
        help_text=_("Who runs the petition, as signers see it when they choose whose news to receive."),
    )

    objects = PetitionManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("demand"),
        FieldPanel("background"),
        MultiFieldPanel(
            [FieldPanel("targets"), FieldPanel("organiser_name"), FieldPanel("co_sponsors")],
            heading=_("Who it is addressed to and who runs it"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("goal"), FieldPanel("raise_goal_automatically")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("status"),
            ],
            heading=_("Signing"),
        ),
        InlinePanel("updates", label=_("Timeline"), heading=_("Public timeline")),
        *BasePage.safety_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("demand"),
        index.SearchField("background"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("targets"),
        SynchronizedField("co_sponsors"),
        SynchronizedField("goal"),
        SynchronizedField("raise_goal_automatically"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("status"),
    ]

    parent_page_types = ["petitions.PetitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def is_accepting(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.status != PetitionStatus.OPEN or self.opens_at > now:
            return False
        return self.closes_at is None or self.closes_at > now

    def effective_goal(self, count: int) -> int:
        return effective_goal(count, goal=self.goal, automatic=self.raise_goal_automatically)

    def share_card_text(self) -> ShareCardText:
        """The share card: the title, the live count of the goal and its bar; drawn again past each 1% of it."""
        count = public_count(self.pk)
        goal = self.effective_goal(count)
        line = ngettext(  # the words of the count on the page (templates/petitions/_progress.html)
            "<strong>%(shown)s</strong> signature of %(goal)s",
            "<strong>%(shown)s</strong> signatures of %(goal)s",
            count,
        ) % {"shown": f"{count:,}", "goal": f"{goal:,}"}
        return ShareCardText(
            title=self.title,
            line=line,
            progress=count / goal,
            freshness=f"{count // count_step(goal)}/{goal}",
        )

    def localized_targets(self) -> list[DecisionMaker]:
        """The decision makers in the page's language where translated, in one query."""
        return _in_locale(DecisionMaker.objects.filter(petitions=self), DecisionMaker.objects, self.locale_id)

    def localized_co_sponsors(self) -> list:
        chosen = PartnerPage.objects.filter(co_sponsored_petitions=self)
        return _in_locale(chosen, PartnerPage.objects.live(), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(petition_page_context(petition=self, request=request))
        return context


def _in_locale(chosen, candidates, locale_id: int) -> list:
    """Each chosen object in the given locale if a translation exists there, else as chosen. One query."""
    keys = chosen.values("translation_key")
    found = list(
        candidates.filter(translation_key__in=keys)
        .filter(models.Q(locale_id=locale_id) | models.Q(pk__in=chosen.values("pk")))
        .order_by("pk")
    )
    by_key: dict = {}
    for obj in found:
        if obj.translation_key not in by_key or obj.locale_id == locale_id:
            by_key[obj.translation_key] = obj
    return list(by_key.values())


class PetitionUpdate(TranslatableMixin, Orderable):
    """An entry in the petition's public timeline: delivered, response received, outcome."""

    class Kind(models.TextChoices):
        DELIVERED = "delivered", _("Delivered")
        RESPONSE = "response", _("Response received")
        OUTCOME = "outcome", _("Outcome")
        NEWS = "news", _("News")

    page = ParentalKey(PetitionPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), help_text=_("When it happened."))
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWS, help_text=_("What sort of update.")
    )
    text = models.TextField(_("what happened"), help_text=_("One or two sentences for the public timeline."))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]), FieldPanel("text")]
    override_translatable_fields = [SynchronizedField("date"), SynchronizedField("kind")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        unique_together = [("translation_key", "locale")]
