"""Campaign themes, campaign pages and their index."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from petitions.models import PetitionPage
from site_project import memo, pagecache, provinces, related
from site_project.dates import display_date, display_year
from site_project.fields import image_alt_field, image_field
from site_project.filtered_index import FilteredIndexMixin, by_translation_key
from site_project.models import BasePage
from site_project.pagecache.freshness import fresh_seconds
from site_project.share_cards import ShareCardText
from site_project.video import allow_players

from ..blocks import CampaignBodyBlock


class CampaignTheme(TranslatableMixin, models.Model):
    """A recurring campaign, such as "25 November / 16 Days", so each year's campaign can be compared."""

    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. 25 November / 16 Days of Activism"))
    slug = models.SlugField(
        _("short name for web addresses"),
        max_length=60,
        help_text=_("Lower-case letters, digits and dashes, e.g. 25-november. The same in every language."),
    )
    key_dates = models.CharField(
        _("key dates"),
        max_length=120,
        blank=True,
        help_text=_("When it comes round each year, e.g. 25 November to 10 December."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on what the theme is about.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("key_dates"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("campaign theme")
        verbose_name_plural = _("campaign themes")

    def __str__(self):
        return self.name


@receiver([post_save, post_delete], sender=CampaignTheme, dispatch_uid="campaign-theme-changed")
def theme_changed(sender, **kwargs) -> None:
    """A theme's name shows on every campaign page and in the index's filter, which keep it per content
    version (``themes_by_key``)."""
    memo.content_changed()
    pagecache.content_changed()


def themes_by_key(locale) -> dict:
    """Each theme in ``locale`` (or the default language where it is not translated yet), by translation key."""
    return memo.remember(
        ("campaign-themes", locale.pk),
        lambda: by_translation_key(CampaignTheme.objects.order_by("name"), locale),
    )


class CampaignIndexPage(FilteredIndexMixin, RoutablePageMixin, BasePage):
    """The list of campaigns (slug ``campaigns``), filtered by theme, year and kind, with a feed."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A sentence above the list."))

    content_panels = [*Page.content_panels, FieldPanel("intro"), *BasePage.safety_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["site_project.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1

    listing_name = "campaigns"
    filter_lookups = {"theme": "theme__slug", "year": "year", "kind": "kind"}

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    @property
    def kind_choices(self):
        return CampaignPage.KIND_CHOICES

    def children(self):
        return CampaignPage.objects.child_of(self).live().public()

    def listing(self):
        return (
            self.children()
            .select_related("locale")
            .prefetch_related(
                Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions())
            )
            .order_by("-year", "-key_date", "-pk")
        )

    def filter_themes(self):
        return themes_by_key(self.locale).values()

    def filter_years(self) -> list[int]:
        return list(
            CampaignPage.objects.child_of(self)
            .live()
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )

    def prepare_listing(self, items: list, themes: list) -> None:
        """Each campaign's theme in this page's language, for its card."""
        in_language = {theme.translation_key: theme for theme in themes}
        theme_keys = dict(
            CampaignTheme.objects.filter(pk__in=[c.theme_id for c in items]).values_list(
                "pk", "translation_key"
            )
        )
        for campaign in items:
            campaign.theme_display = in_language.get(theme_keys.get(campaign.theme_id))


class CampaignPage(RoutablePageMixin, BasePage):  # its render(): the page with a form's errors
    """One year's campaign: its dates, partners, and a body of stories, events, petitions and toolkits."""

    select_on_route = ("theme", "hero_image")  # read on every view (site_project.routing)

    KIND_CHOICES = [
        ("national", _("National")),
        ("provincial", _("Provincial")),
        ("community", _("Community")),
        ("online", _("Online")),
    ]

    theme = models.ForeignKey(
        CampaignTheme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        verbose_name=_("theme"),
        help_text=_("The recurring campaign this year's belongs to, so years can be compared."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The campaign year in the Common Era, e.g. 2025 (shown as 2568 in Thai)."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=KIND_CHOICES,
        default="national",
        help_text=_("How far it reaches: the whole country, one province, one community, or online."),
    )
    province = models.CharField(
        _("province"),
        max_length=40,
        blank=True,
        choices=provinces.editor_choices(),
        help_text=_("For a provincial or community campaign: where it happens."),
    )
    key_date = models.DateField(
        _("key date"),
        null=True,
        blank=True,
        help_text=_("The day the campaign is built around, e.g. 25 November."),
    )
    start_date = models.DateField(
        _("starts"), null=True, blank=True, help_text=_("First day of the campaign.")
    )
    end_date = models.DateField(_("ends"), null=True, blank=True, help_text=_("Last day of the campaign."))
    hero_image = image_field(
        _("main image"), help_text=_("Shown at the top of the page and in lists. Wide pictures work best.")
    )
    hero_image_alt = image_alt_field(_("main image description"))
    co_organisers = ParentalManyToManyField(
        "partners.PartnerPage",
        related_name="co_organised_campaigns",
        blank=True,
        verbose_name=_("co-organising partners"),
        help_text=_("Partner organisations that run this campaign with us."),
    )
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences: what the campaign asks for.")
    )
    body = StreamField(
        CampaignBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Text, pictures, facts, videos, petitions, events, toolkits and share messages."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("kind")]),
                FieldPanel("province"),
                FieldRowPanel([FieldPanel("key_date"), FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Main image")),
        FieldPanel("co_organisers"),
        FieldPanel("body"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("theme"),
        SynchronizedField("year"),
        SynchronizedField("kind"),
        SynchronizedField("province"),
        SynchronizedField("key_date"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("hero_image"),
        SynchronizedField("co_organisers"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})
        if self.kind in {"provincial", "community"} and not self.province:
            raise ValidationError(
                {"province": _("Choose the province for a provincial or community campaign.")}
            )

    def province_name(self) -> str:
        return provinces.name(self.province)

    @property
    def feed_published_at(self) -> datetime.datetime | None:
        """In the feed, a campaign is dated by its first day (9 in the morning), not by when it was published."""
        if self.start_date:
            return timezone.make_aware(datetime.datetime.combine(self.start_date, datetime.time(9)))
        return None

    @property
    def has_video(self) -> bool:
        return any(block.block_type == "video" for block in self.body)

    def event_blocks(self):
        return [block for block in self.body if block.block_type == "event"]

    def event_block(self, block_id: str):
        return next((block for block in self.event_blocks() if block.id == block_id), None)

    def next_rsvp_closing(self, now: datetime.datetime) -> datetime.datetime | None:
        """When the next RSVP form on the page closes (its event starts), or None if none is open."""
        return min(
            (block.value.starts_at_moment() for block in self.event_blocks() if block.value.rsvp_open(now)),
            default=None,
        )

    def rsvp_form_closes_within(self, seconds: int) -> bool:
        now = timezone.now()
        closing = self.next_rsvp_closing(now)
        return closing is not None and closing <= now + datetime.timedelta(seconds=seconds)

    def theme_in_language(self):
        if self.theme_id is None:
            return None
        return themes_by_key(self.locale).get(self.theme.translation_key)

    def other_years(self):
        if self.theme_id is None:
            return CampaignPage.objects.none()
        return (
            CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, theme__translation_key=self.theme.translation_key)
            .exclude(pk=self.pk)
            .order_by("-year")
        )

    def localized_co_organisers(self) -> list:
        """Co-organisers in this page's language where translated, live ones only, in one or two queries."""
        chosen = list(self.co_organisers.all())
        if not chosen:
            return []
        if all(partner.locale_id == self.locale_id for partner in chosen):  # already in this language
            return [partner for partner in chosen if partner.live]
        partner_model = type(chosen[0])
        keys = [partner.translation_key for partner in chosen]
        in_language = {
            partner.translation_key: partner
            for partner in partner_model.objects.live().filter(
                translation_key__in=keys, locale_id=self.locale_id
            )
        }
        return [in_language.get(partner.translation_key) or partner for partner in chosen if partner.live]

    def embedded_petition_keys(self) -> set:
        return {
            block.value["petition"].translation_key
            for block in self.body
            if block.block_type == "petition" and block.value.get("petition")
        }

    def related_petitions(self, stories=(), limit: int = 3) -> list:
        """Live petitions in this language linked from this campaign's stories or run by its co-organisers,
        leaving out those already embedded in the page; those a visitor can sign first."""
        condition = Q(
            translation_key__in=[s.related_petition.translation_key for s in stories if s.related_petition]
        )
        partner_keys = [partner.translation_key for partner in self.co_organisers.all()]
        if partner_keys:
            condition |= Q(co_sponsors__translation_key__in=partner_keys)
        return list(
            PetitionPage.objects.live()
            .public()
            .filter(condition, locale_id=self.locale_id)
            .exclude(translation_key__in=self.embedded_petition_keys())
            .distinct()
            .signable_first()[:limit]
        )

    def share_card_text(self) -> ShareCardText:
        """The share card: the title and the count of the campaign's first petition, or else its key date."""
        petition = next(
            (block.value["petition"] for block in self.body if block.block_type == "petition"), None
        )
        if petition is not None and petition.live:
            count = petition.specific.share_card_text()
            return ShareCardText(
                title=self.title,
                line=count.line,
                progress=count.progress,
                freshness=f"{petition.pk}:{count.freshness}",
            )
        when = display_date(self.key_date or self.start_date) if (self.key_date or self.start_date) else ""
        return ShareCardText(title=self.title, line=when or display_year(self.year))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects([self], "co_organisers")  # read by two of the lists below
        contributed = related.collect(self)  # "related_stories" where the stories app is installed
        stories = contributed.get("related_stories", [])
        context.update(
            contributed,
            theme=self.theme_in_language(),
            other_years=self.other_years(),
            related_petitions=self.related_petitions(stories),
            co_organisers=self.localized_co_organisers(),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A copy kept by the page cache (or a shared cache in front) is served for fresh_seconds() after it is
        # made: a page whose RSVP form closes before then is not kept, so no copy offers a form after the event
        # has started. The RSVP view refuses a late reply in any case.
        if self.rsvp_form_closes_within(fresh_seconds()):
            add_never_cache_headers(response)
        return allow_players(response) if self.has_video else response
