"""Cross-cutting content: the home and standard pages, site settings, menu, footer and help lines."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, PageChooserPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import home, memo  # memo defines the model ContentVersion
from .blocks import BodyBlock, LinkBlock
from .fields import SocialAccounts, image_field


class BasePage(Page):
    """Fields and behaviour every public page shares: the sensitive flag and the sharing image."""

    is_sensitive = models.BooleanField(
        _("sensitive topic"),
        default=False,
        help_text=_(
            "Tick for pages about violence, abuse or trafficking. Readers get a quick-exit button "
            "(and the Escape key pressed twice) that leaves for a neutral site."
        ),
    )
    social_image = image_field(
        _("sharing image"),
        help_text=_("Shown when the page is shared on LINE or Facebook. 1200 × 630 pixels works best."),
    )

    safety_panels = [
        MultiFieldPanel([FieldPanel("is_sensitive")], heading=_("Reader safety")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    override_translatable_fields = [SynchronizedField("is_sensitive"), SynchronizedField("social_image")]

    class Meta:
        abstract = True

    objects = memo.PageManager()  # public() without a query for the view restrictions
    get_view_restrictions = memo.view_restrictions  # no query outside a restricted subtree

    def shows_quick_exit(self) -> bool:
        return self.is_sensitive


class HomePage(BasePage):
    """The root of each language's site: /th/, /en/, /km/, /my/."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences that say who the coalition is.")
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("What follows the intro.")
    )
    # What the page puts first. The page types are named, not imported: they live on the floors above.
    featured_petition = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main petition"),
        help_text=_(
            "The petition at the top of the page, with its count and a sign button. Empty, or once it "
            "closes: the open petition that closes soonest, or else the one with the most signatures."
        ),
    )
    featured_campaign = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("campaign"),
        help_text=_(
            "The campaign shown under the petition. Empty: the one under way now, or else the next one."
        ),
    )
    featured_stories = StreamField(
        [("story", PageChooserBlock(page_type="stories.StoryPage", label=_("story")))],
        blank=True,
        max_num=3,
        verbose_name=_("stories"),
        help_text=_("Up to three stories, in order. Empty: the three latest."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                HelpPanel(_("Choose what the page puts first. Anything left empty is chosen automatically.")),
                PageChooserPanel("featured_petition", page_type="petitions.PetitionPage"),
                PageChooserPanel("featured_campaign", page_type="campaigns.CampaignPage"),
                FieldPanel("featured_stories"),
            ],
            heading=_("On the home page"),
        ),
        FieldPanel("body"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    # Every language's home shows the same choices, each in its own language where it is translated.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("featured_petition"),
        SynchronizedField("featured_campaign"),
        SynchronizedField("featured_stories"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """The sections the floors above contribute (``site_project.home``), read once."""
        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language()  # the page's: set from its address (/th/, /en/…)
        sections, scripts = home.sections_for(page=self, language=language, request=request)
        context.update(home_sections=sections, home_scripts=scripts)
        return context

    def featured_story_ids(self) -> list[int]:
        """The pages chosen as stories, in order, without loading them (each provider reads its own)."""
        return [item["value"] for item in self.featured_stories.raw_data if item.get("value")]


class StandardPage(BasePage):
    """A plain page: about, privacy notice, accessibility statement."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short summary shown under the title.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"), help_text=_("The page's content."))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("For notices and statements: the date the text was last checked. Shown on the page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["site_project.HomePage", "site_project.StandardPage"]
    # A survey may sit under a page about its subject (by name: site_project imports no app above it).
    subpage_types = ["site_project.StandardPage", "advocacy.SurveyPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="cog")
class SiteSettings(SocialAccounts, BaseSiteSetting):
    """What is the same in every language: logo, contact details, social accounts, safety switches."""

    logo = image_field(
        _("logo"), help_text=_("Shown in the header. A wide PNG or SVG-like image works best.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True, help_text=_("Shown in the footer."))
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("e.g. 02 123 4567")
    )
    x_url = models.URLField(_("X (Twitter)"), blank=True, help_text=_("The full address of the profile."))
    youtube_url = models.URLField(_("YouTube"), blank=True, help_text=_("The full address of the channel."))
    tiktok_url = models.URLField(_("TikTok"), blank=True, help_text=_("The full address of the profile."))
    quick_exit_everywhere = models.BooleanField(
        _("quick exit on every page"),
        default=False,
        help_text=_("Show the quick-exit button on every page, not only on pages marked sensitive."),
    )
    quick_exit_url = models.URLField(
        _("quick-exit destination"),
        default="https://www.tmd.go.th/",
        help_text=_("A neutral site the quick-exit button goes to, such as a weather forecast."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("contact_email"), FieldPanel("contact_phone")], _("Identity")
        ),
        MultiFieldPanel(
            [
                FieldPanel("line_official_account"),
                FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("x_url")]),
                FieldRowPanel([FieldPanel("youtube_url"), FieldPanel("tiktok_url")]),
            ],
            _("Social accounts"),
        ),
        MultiFieldPanel(
            [FieldPanel("quick_exit_everywhere"), FieldPanel("quick_exit_url")], _("Reader safety")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    for_request = classmethod(memo.site_setting_for_request)  # read once per content version


class MainMenu(TranslatableMixin, models.Model):
    """The header navigation, one per language."""

    items = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("menu items"),
        help_text=_("The links in the header, in order. Keep it to six or fewer."),
    )

    panels = [HelpPanel(_("One menu per language; translate it from the Thai one.")), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return str(_("Main menu ({language})").format(language=self.locale.get_display_name()))


class Footer(TranslatableMixin, models.Model):
    """The organisation's name, tagline, address and footer links, one per language."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, help_text=_("Shown in the header and footer.")
    )
    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True, help_text=_("A short line under the name.")
    )
    address = models.TextField(_("address"), blank=True, help_text=_("The secretariat's postal address."))
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("e.g. privacy notice and accessibility statement."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("tagline"),
        FieldPanel("address"),
        FieldPanel("links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.organisation_name


class HelpLine(TranslatableMixin, models.Model):
    """A hotline shown in the help panel, such as the 1300 social assistance centre."""

    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. Social Assistance Center"))
    number = models.CharField(
        _("number"),
        max_length=20,
        validators=[RegexValidator(r"^\+?[0-9][0-9 -]{1,18}$", _("Enter digits, spaces or dashes only."))],
        help_text=_("The number to call, e.g. 1300."),
    )
    description = models.CharField(
        _("what it helps with"), max_length=240, blank=True, help_text=_("One line: who should call and why.")
    )
    hours = models.CharField(_("hours"), max_length=80, blank=True, help_text=_("e.g. 24 hours, every day"))
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("hours")]),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [SynchronizedField("number"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "number"]
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def tel_url(self) -> str:
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


# --- Operations: the outbox, the processes' heartbeats and the scheduler's record -----------------------------
class OutboxStatus(models.TextChoices):
    OWED = "owed", _("Owed")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")
    CANCELLED = "cancelled", _("No longer needed")


class OutboxMessageQuerySet(models.QuerySet):
    def owed(self):
        return self.filter(status=OutboxStatus.OWED)

    def claimable(self, now):
        """Owed, due, and not held by a live claim: a claim whose lease ran out is anyone's to take over."""
        return (
            self.owed()
            .filter(next_attempt_at__lte=now)
            .filter(models.Q(lease_until__isnull=True) | models.Q(lease_until__lte=now))
        )


class OutboxMessage(models.Model):
    """One e-mail the site owes someone, stored in the same transaction as what caused it.

    The worker claims rows with an owner and a lease, sends, and records each send; whatever a failed or dead
    run leaves behind is taken over once its lease ends. See ``site_project/outbox.py``.
    """

    kind = models.CharField(_("kind"), max_length=64, help_text=_("What the e-mail is, e.g. a confirmation."))
    recipient = models.CharField(_("recipient"), max_length=254)
    payload = models.JSONField(_("payload"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.OWED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    claimed_by = models.CharField(_("claimed by"), max_length=80, blank=True)
    lease_until = models.DateTimeField(_("lease until"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutboxMessageQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")
        indexes = [
            models.Index(fields=["next_attempt_at"], name="outbox_owed", condition=models.Q(status="owed")),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient} ({self.get_status_display()})"


class ProcessHeartbeat(models.Model):
    """The last sign of life of a worker or scheduler process, for /healthz and to take over dead claims."""

    process_id = models.CharField(_("process"), max_length=80, primary_key=True)
    role = models.CharField(_("role"), max_length=16)
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("process heartbeat")
        verbose_name_plural = _("process heartbeats")

    def __str__(self):
        return f"{self.role} {self.process_id}"


class ScheduledJob(models.Model):
    """When each scheduled job last ran, so that it runs once per slot however many schedulers are started."""

    name = models.CharField(_("job"), max_length=64, primary_key=True)
    last_slot = models.DateTimeField(_("last slot"), null=True, blank=True)
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
