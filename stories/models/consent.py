"""The consent that lets a story be told: who agreed, for which languages and channels, and until when."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel

from site_project.fields import recorded_user_field

WEBSITE = "website"
CHANNEL_CHOICES = [
    (WEBSITE, _("This website and its feeds")),
    ("social", _("Social media (LINE, Facebook, X, TikTok)")),
    ("print", _("Print: leaflets, posters, exhibitions")),
    ("press", _("Press and other media")),
]


class ConsentQuerySet(models.QuerySet):
    def in_force(self, on=None):
        today = on or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True, given_on__lte=today).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )

    def for_story(self, page):
        return self.filter(story__translation_key=page.translation_key)


class StoryConsentForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the story may be published in."),
    )
    channels = forms.MultipleChoiceField(
        label=_("channels"),
        choices=CHANNEL_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where the story may appear. The website needs “This website”."),
    )


class StoryConsent(models.Model):
    """Who agreed to a story being told, in which languages and channels, and until when."""

    story = models.ForeignKey(
        "stories.StoryPage",
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("story"),
        help_text=_("The story, in any language: consent covers its translations in the languages ticked."),
    )
    consented_by = models.CharField(
        _("consent given by"),
        max_length=160,
        help_text=_("The storyteller, or their parent or guardian. Kept private."),
    )
    languages = models.JSONField(_("languages"), default=list)
    channels = models.JSONField(_("channels"), default=list)
    given_on = models.DateField(
        _("given on"), default=timezone.localdate, help_text=_("The day they agreed.")
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The last day the story may be shown. Leave empty if they set no end."),
    )
    record_location = models.CharField(
        _("where the signed form is kept"),
        max_length=200,
        blank=True,
        help_text=_("e.g. the secretariat's locked cabinet, or a file name on the shared drive."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = recorded_user_field()
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ConsentQuerySet.as_manager()
    base_form_class = StoryConsentForm
    panels = [
        FieldPanel("story"),
        FieldPanel("consented_by"),
        FieldRowPanel([FieldPanel("languages"), FieldPanel("channels")]),
        FieldRowPanel([FieldPanel("given_on"), FieldPanel("valid_until")]),
        FieldPanel("record_location"),
        HelpPanel(
            _("To withdraw consent, use “Withdraw consent” in the list: every translation is unpublished.")
        ),
    ]

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("story consent")
        verbose_name_plural = _("story consents")

    def __str__(self):
        return str(_("Consent from {who} for “{story}”")).format(
            who=self.consented_by, story=self.story.title
        )

    def covers(self, language_code: str, channel: str = WEBSITE) -> bool:
        return language_code in (self.languages or []) and channel in (self.channels or [])

    def is_in_force(self, on=None) -> bool:
        today = on or timezone.localdate()
        return (
            self.withdrawn_at is None
            and self.given_on <= today
            and (self.valid_until is None or self.valid_until >= today)
        )

    def clean(self):
        super().clean()
        if self.valid_until and self.given_on and self.valid_until < self.given_on:
            raise ValidationError({"valid_until": _("Consent cannot end before it was given.")})


class ConsentRequiredError(PublishPagePermissionError):
    """A story may not go live without consent covering its language on the website."""
