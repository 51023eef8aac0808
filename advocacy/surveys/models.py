"""The survey page, its questions and its answers.

A question's label, help text, choices and default are translated; its name (the key its answers are stored
under), type, whether it is required and its place are shared by every translation, so that an answer in
English is counted with the Thai ones: choice by choice, by position.
"""

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Locale, Page, PageManager, PageQuerySet, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from partners.fields import partner_field
from partners.models import KIND_CHOICES, Representative
from partners.services import representative_for
from site_project.models import BasePage

from . import services
from .forms import SurveyFormBuilder

CHOICE_TYPES = ("checkboxes", "dropdown", "multiselect", "radio")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Active members of the coalition only")


class Refusal(models.TextChoices):
    """Why this reader cannot answer now; shown on the page instead of the form."""

    SIGN_IN = "sign_in", _("sign in")
    NOT_A_MEMBER = "not_a_member", _("not an active member")
    NOT_TARGETED = "not_targeted", _("not for this kind of organisation")
    NOT_YET_OPEN = "not_yet_open", _("not open yet")
    CLOSED = "closed", _("closed")


FOR_OTHERS = (Refusal.NOT_A_MEMBER, Refusal.NOT_TARGETED)


class PartnerKindsField(models.JSONField):
    """A list of partner kinds, ticked in the admin; empty means every kind."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=KIND_CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class SurveyPageQuerySet(PageQuerySet):
    def in_portal(self, now=None):
        """Live surveys the partner portal lists that have not closed (those not open yet included)."""
        now = now or timezone.now()
        listed = models.Q(audience=Audience.MEMBERS) | models.Q(show_in_portal=True)
        return self.live().filter(listed).exclude(closes_at__lte=now)


class SurveyPage(FormMixin, BasePage):
    """A survey, feedback form or sign-up sheet, built question by question in the admin."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the form is for, who reads the answers and how long it takes."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown once the answers are sent. Say what happens next."),
    )
    audience = models.CharField(
        _("who may answer"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_("Members-only forms ask for the partner portal's sign-in and are listed in the portal."),
    )
    show_in_portal = models.BooleanField(
        _("list in the partner portal"),
        default=False,
        help_text=_(
            "Members-only forms are always listed there. Tick to list a public form as well, for members to "
            "answer in their organisation's name."
        ),
    )
    target_kinds = PartnerKindsField(
        _("kinds of member organisation"),
        default=list,
        blank=True,
        help_text=_("For a members-only form: tick the kinds it is for. None ticked: every active member."),
    )
    opens_at = models.DateTimeField(
        _("opens"),
        null=True,
        blank=True,
        help_text=_("Answers are taken from then. Empty: from publication."),
    )
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("No answers are taken from then. Empty: never closes."),
    )

    form_builder = SurveyFormBuilder
    template = "advocacy/surveys/survey_page.html"
    landing_page_template = "advocacy/surveys/survey_page_landing.html"

    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
        *BasePage.safety_panels,
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("show_in_portal"),
                FieldPanel("target_kinds"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Who may answer, and when"),
        ),
        *Page.settings_panels,
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("audience"),
        SynchronizedField("show_in_portal"),
        SynchronizedField("target_kinds"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
    ]

    parent_page_types = ["site_project.HomePage", "site_project.StandardPage"]
    subpage_types = []

    objects = PageManager.from_queryset(SurveyPageQuerySet)()

    class Meta:
        verbose_name = _("survey or form")
        verbose_name_plural = _("surveys and forms")

    # --- Who may answer, and when ---------------------------------------------------------------------------

    def is_open(self, now=None) -> bool:
        return self.timing_refusal(now) is None

    def timing_refusal(self, now=None) -> str | None:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return Refusal.NOT_YET_OPEN
        if self.closes_at and now >= self.closes_at:
            return Refusal.CLOSED
        return None

    def targets(self, representative: Representative | None) -> bool:
        """Whether this form is for ``representative``'s organisation, as a member of the coalition."""
        return (
            representative is not None
            and representative.is_active_member
            and (not self.target_kinds or representative.partner.kind in self.target_kinds)
        )

    def audience_refusal(self, user, representative: Representative | None) -> str | None:
        if self.audience == Audience.PUBLIC:
            return None
        if not user.is_authenticated:
            return Refusal.SIGN_IN
        if representative is None or not representative.is_active_member:
            return Refusal.NOT_A_MEMBER
        if not self.targets(representative):
            return Refusal.NOT_TARGETED
        return None

    # --- Serving --------------------------------------------------------------------------------------------

    def get_submission_class(self):
        return SurveyAnswer

    def serve(self, request, *args, **kwargs):
        representative = representative_for(request.user)
        refusal = None
        if not getattr(request, "is_preview", False):
            refusal = self.audience_refusal(request.user, representative) or self.timing_refusal()
        form, status = None, 200
        if refusal:
            # Reading a closed form, or one that asks to sign in, is fine; answering it, or a form for others, is not.
            status = 403 if request.method == "POST" or refusal in FOR_OTHERS else 200
        elif request.method == "POST":
            form = self.get_form(request.POST, page=self, user=request.user)
            if form.is_valid():
                answer = services.answer_survey(
                    page=self, data=form.cleaned_data, representative=representative
                )
                return self.private(self.render_landing_page(request, answer, *args, **kwargs))
            status = 400
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, refusal=refusal, audience=Audience, reasons=Refusal)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        return self.private(response)

    @staticmethod
    def private(response):
        """Each reader's own copy: the form carries their CSRF token, and who may answer depends on them."""
        add_never_cache_headers(response)
        patch_vary_headers(response, ["Cookie"])
        return response

    # --- The partner portal's section ---------------------------------------------------------------------

    @classmethod
    def portal_section(cls, request, representative: Representative) -> dict | None:
        """The forms listed for this representative's organisation, in the reader's language, each with the date
        the organisation last answered it. None when there are none."""
        active = Locale.get_active()
        by_key = {}  # one row per survey, in the reader's language when it is translated
        for page in cls.objects.in_portal().order_by("pk"):
            if page.translation_key not in by_key or page.locale_id == active.pk:
                by_key[page.translation_key] = page
        surveys = [page for page in by_key.values() if page.targets(representative)]
        if not surveys:
            return None
        answered = SurveyAnswer.objects.answered_by(representative.partner, surveys)
        surveys.sort(key=lambda page: (page.closes_at is None, page.closes_at or 0, page.pk))
        rows = [{"page": page, "answered": answered.get(page.translation_key)} for page in surveys]
        return {"surveys": rows}


class SurveyField(TranslatableMixin, AbstractFormField):
    """One question of a survey page."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")

    # The name is the key every translation's answers are stored under: never translated, never overridden.
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        unique_together = [("translation_key", "locale")]

    def choice_list(self) -> list[str]:
        """The choices as the form offers them, in order."""
        return [value for value, _label in SurveyFormBuilder([]).get_formatted_field_choices(self)]


class SurveyAnswerQuerySet(models.QuerySet):
    def of_survey(self, page: Page):
        """The answers to ``page`` in every language."""
        return self.filter(page__translation_key=page.translation_key)

    def answered_by(self, partner, surveys) -> dict:
        """When ``partner`` (in any language) last answered each of ``surveys``, by the survey's translation key."""
        found = (
            self.filter(
                partner__translation_key=partner.translation_key,
                page__translation_key__in=[page.translation_key for page in surveys],
            )
            .values("page__translation_key")
            .annotate(last=models.Max("submit_time"))
        )
        return {row["page__translation_key"]: row["last"] for row in found}


class SurveyAnswer(AbstractFormSubmission):
    """What one person sent through a survey page: the answers as the form cleaned them, nothing more."""

    partner = partner_field(
        blank=True, help_text=_("The organisation of the representative who answered, if one did.")
    )

    objects = SurveyAnswerQuerySet.as_manager()

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
