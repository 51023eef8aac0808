"""The story pages: the filtered list of stories with its share form, and one person's story."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_project.blocks import BodyBlock
from site_project.fields import image_alt_field, image_field
from site_project.filtered_index import FilteredIndexMixin, by_translation_key
from site_project.models import BasePage
from site_project.video import allow_players, video_for

from .consent import ConsentRequiredError, StoryConsent
from .storytellers import Storyteller


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

    def shows_quick_exit(self) -> bool:
        """Always: the list leads to survivors' stories, and the "share your story" form (drawn in this page's
        chrome) is where a survivor types hers."""
        return True

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
        context["share_url"] = reverse("stories:share")
        return context


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

    def shows_quick_exit(self) -> bool:
        """On a sensitive story, and on any story with a content warning, whoever tells it."""
        return self.is_sensitive or bool(self.content_warning.strip())

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
        # The few stories that match first, each way by its own index, then the listing. Joined into one
        # query with DISTINCT over every column, the campaign, theme, storyteller and petition tables took
        # PostgreSQL 17 ms to plan; with the two ways as one OR it read every story (5 ms at 1,000).
        condition = Q(
            related_campaign_id__in=Page.objects.filter(translation_key=campaign.translation_key).values("pk")
        )
        if campaign.theme_id:
            themed = cls.themes.through.objects.filter(
                campaigntheme__translation_key=campaign.theme.translation_key
            )
            condition |= Q(pk__in=themed.values("storypage_id"))
        matching = list(cls.objects.filter(condition).order_by().values_list("pk", flat=True))
        if not matching:
            return []
        return list(
            cls.objects.live()
            .public()
            .filter(pk__in=matching, locale_id=campaign.locale_id)
            .select_related("storyteller", "related_petition")
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
