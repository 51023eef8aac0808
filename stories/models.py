"""Stories told by survivors, influencers, activists and partner staff, and the consent that lets us tell them.

A story is only ever live while a consent record covers it: the consent says who agreed, for which languages
and channels, and until when. ``services.py`` unpublishes every translation when consent is withdrawn or ends.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_project.blocks import BodyBlock
from site_project.dates import display_date
from site_project.fields import image_alt_field, image_field, recorded_user_field
from site_project.filtered_index import FilteredIndexMixin, by_translation_key
from site_project.models import BasePage
from site_project.video import allow_players, video_for

WEBSITE = "website"
CHANNEL_CHOICES = [
    (WEBSITE, _("This website and its feeds")),
    ("social", _("Social media (LINE, Facebook, X, TikTok)")),
    ("print", _("Print: leaflets, posters, exhibitions")),
    ("press", _("Press and other media")),
]


class Storyteller(TranslatableMixin, models.Model):
    """The person a story is about or told by. Can appear under an alias, with no photo, to stay safe."""

    KIND_CHOICES = [
        ("survivor", _("Survivor")),
        ("influencer", _("Influencer")),
        ("activist", _("Activist")),
        ("partner_staff", _("Partner staff")),
    ]

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_(
            "The person's name as they want it written. Never shown when they appear under an alias."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=KIND_CHOICES, help_text=_("Who they are in the story.")
    )
    use_alias = models.BooleanField(
        _("appear under an alias"),
        default=False,
        help_text=_(
            "Tick to hide the name and any photo. Use it for every survivor who asks, and when in doubt."
        ),
    )
    alias = models.CharField(
        _("alias"),
        max_length=80,
        blank=True,
        help_text=_("The name shown instead, e.g. “Nok” or “A mother in Chiang Rai”."),
    )
    photo = image_field(_("photo"), help_text=_("Only with their consent. Not allowed with an alias."))
    bio = models.TextField(
        _("about them"), blank=True, help_text=_("One or two sentences, in their words if possible.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        MultiFieldPanel([FieldPanel("use_alias"), FieldPanel("alias")], heading=_("Protection")),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("use_alias"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("storyteller")
        verbose_name_plural = _("storytellers")

    def __str__(self):
        return f"{self.alias} ({_('alias')})" if self.use_alias else self.name

    def clean(self):
        super().clean()
        if self.use_alias and not self.alias:
            raise ValidationError({"alias": _("Enter the alias to show.")})
        if self.use_alias and self.photo_id:
            raise ValidationError({"photo": _("Remove the photo: a person under an alias is never shown.")})

    @property
    def public_name(self) -> str:
        return self.alias if self.use_alias else self.name

    @property
    def public_photo(self):
        return None if self.use_alias else self.photo


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


class StoryIndexPage(FilteredIndexMixin, RoutablePageMixin, BasePage):
    """The list of stories (slug ``stories``), filtered by theme, year and kind, with a feed and a form."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence above the list."))
    share_intro = models.TextField(
        _("share-your-story introduction"),
        blank=True,
        help_text=_("Shown above the “share your story” form: who reads it and what happens next."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("share_intro"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["site_project.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    listing_name = "stories"
    filter_lookups = {"theme": "themes__slug", "year": "story_date__year", "kind": "storyteller__kind"}
    kind_label = _("Told by")
    kind_choices = Storyteller.KIND_CHOICES

    class Meta:
        verbose_name = _("story index")
        verbose_name_plural = _("story indexes")

    def children(self):
        return StoryPage.objects.child_of(self).live().public()

    def listing(self):
        return (
            self.children()
            .select_related("storyteller", "locale")
            .prefetch_related(
                Prefetch("image", queryset=get_image_model().objects.prefetch_renditions()),
                Prefetch("storyteller__photo", queryset=get_image_model().objects.prefetch_renditions()),
            )
            .order_by("-first_published_at", "-pk")
        )

    def filter_themes(self):
        # The recurring themes are the campaigns' (a string relation): reached through the relation, not by import.
        theme_model = StoryPage._meta.get_field("themes").related_model
        return by_translation_key(theme_model.objects.order_by("name"), self.locale).values()

    def filter_years(self) -> list[int]:
        dates = StoryPage.objects.child_of(self).live().values_list("story_date", flat=True)
        return sorted({date.year for date in dates if date}, reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["share_url"] = self.get_url(request) + self.reverse_subpage("share")
        return context

    @path("share/", name="share")
    def share(self, request):
        # A page's route is a view, and views import the models: the page reaches its view only when called.
        from .views import share_your_story

        return share_your_story(request, index=self)

    @path("share/thanks/", name="share_thanks")
    def share_thanks(self, request):
        return self.render(request, template="stories/share_thanks.html")


class StoryPage(BasePage):
    """One person's story, in their words, shown only while their consent is in force."""

    storyteller = models.ForeignKey(
        Storyteller,
        on_delete=models.PROTECT,
        related_name="stories",
        verbose_name=_("storyteller"),
        help_text=_("Who tells the story. Choose or create them under Snippets › Storytellers."),
    )
    story_date = models.DateField(
        _("date of the story"),
        null=True,
        blank=True,
        help_text=_("When it was told or recorded. Used to filter by year."),
    )
    image = image_field(
        _("image"),
        help_text=_("A picture for the story and lists. Never one that identifies someone under an alias."),
    )
    image_alt = image_alt_field(_("image description"))
    content_warning = models.CharField(
        _("content warning"),
        max_length=240,
        blank=True,
        help_text=_(
            "Shown before the story, e.g. “This story describes sexual harassment.” Leave empty if none."
        ),
    )
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences shown in lists and feeds."))
    pull_quote = models.TextField(
        _("pull quote"),
        blank=True,
        help_text=_("A sentence from the story, in the storyteller's words, set large."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("story"), help_text=_("The story itself."))
    video_url = models.URLField(
        _("video"),
        blank=True,
        help_text=_("A YouTube or Vimeo address. Nothing loads until the reader presses play."),
    )
    video_title = models.CharField(
        _("video title"),
        max_length=160,
        blank=True,
        help_text=_("What the video is, for the link and screen readers."),
    )
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("campaign"),
        help_text=_("The campaign this story belongs to, if any."),
    )
    related_petition = models.ForeignKey(
        "petitions.PetitionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("petition"),
        help_text=_("A petition readers can sign after the story, if any."),
    )
    themes = ParentalManyToManyField(
        "campaigns.CampaignTheme",
        blank=True,
        related_name="stories",
        verbose_name=_("themes"),
        help_text=_("The recurring campaigns the story speaks to."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("storyteller"), FieldPanel("story_date")],
            heading=_("Who and when"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_warning"), FieldPanel("is_sensitive")],
            heading=_("Reader safety"),
        ),
        FieldPanel("intro"),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel([FieldPanel("video_url"), FieldPanel("video_title")], heading=_("Video")),
        MultiFieldPanel(
            [
                FieldPanel("related_campaign"),
                FieldPanel("related_petition"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Related"),
        ),
        HelpPanel(
            _(
                "A story can only be published while a consent record covers its language. Add one under "
                "Stories › Story consents after saving a draft."
            )
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("story_date"),
        SynchronizedField("image"),
        SynchronizedField("video_url"),
        SynchronizedField("related_campaign"),
        SynchronizedField("related_petition"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        if self._state.adding and self.storyteller_id and self.storyteller.kind == "survivor":
            self.is_sensitive = True
        return super().save(*args, **kwargs)

    # --- consent ----------------------------------------------------------------------------------------------
    def consent_in_force(self, on=None):
        """The consent record that lets this translation be on the website today, or None."""
        language = self.locale.language_code
        for consent in StoryConsent.objects.for_story(self).in_force(on):
            if consent.covers(language):
                return consent
        return None

    def has_consent(self, on=None) -> bool:
        return self.pk is not None and self.consent_in_force(on) is not None

    def clean(self):
        super().clean()
        if self.live and not self.has_consent():
            raise ValidationError(
                _("This story cannot be live: no consent in force covers %(language)s on the website.")
                % {"language": self.locale.get_display_name()}
            )

    def publish(self, revision, *args, **kwargs):
        """The guard behind every way of publishing (admin, scheduled publishing, translation sync, code)."""
        if not self.has_consent():
            raise ConsentRequiredError(
                _("“%(title)s” cannot be published: record the storyteller's consent for %(language)s first.")
                % {"title": self.title, "language": self.locale.get_display_name()}
            )
        return super().publish(revision, *args, **kwargs)

    # --- what the templates show --------------------------------------------------------------------------------
    def extra_search_text(self) -> str:
        return self.storyteller.public_name if self.storyteller_id else ""

    @property
    def video(self):
        return video_for(self.video_url)

    @classmethod
    def related_to_campaign(cls, campaign, limit: int = 3) -> list:
        """Live stories in the campaign's language tied to the campaign, or to its theme (shown on its page)."""
        condition = Q(related_campaign__translation_key=campaign.translation_key)
        if campaign.theme_id:
            condition |= Q(themes__translation_key=campaign.theme.translation_key)
        return list(
            cls.objects.live()
            .public()
            .filter(condition, locale_id=campaign.locale_id)
            .select_related("storyteller", "related_petition")
            .distinct()
            .order_by("-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        storyteller = self.storyteller.get_translation_or_none(self.locale) or self.storyteller
        context.update(
            storyteller=storyteller,
            campaign=self.related_campaign.localized if self.related_campaign_id else None,
            petition=self.related_petition.localized if self.related_petition_id else None,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return allow_players(response) if self.video_url else response


class StorySubmission(models.Model):
    """A story sent through the public form. Staff read it; nothing is ever published from it automatically."""

    STATUS_CHOICES = [
        ("new", _("New")),
        ("reviewed", _("Reviewed")),
        ("in_progress", _("Working on it with the person")),
        ("declined", _("Not taken forward")),
    ]

    name = models.CharField(
        _("name or alias"), max_length=120, help_text=_("What the person asked to be called.")
    )
    contact = models.CharField(
        _("how to reach them"), max_length=200, blank=True, help_text=_("E-mail, phone or LINE ID they gave.")
    )
    may_contact = models.BooleanField(_("agreed to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="th")
    story = models.TextField(_("their story"))
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default="new", help_text=_("Where the review is.")
    )
    staff_notes = models.TextField(
        _("staff notes"), blank=True, help_text=_("Private notes for the team. Never shown on the site.")
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    panels = [
        FieldPanel("name", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("may_contact", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("story", read_only=True),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("staff_notes")], heading=_("Review")),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")

    def __str__(self):
        return f"{self.name} ({display_date(self.created_at, 'short')})" if self.created_at else self.name
