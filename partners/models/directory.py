"""The directory: the directory page and partner pages, with their provinces and referral contacts.

The vocabularies they are filtered by (kinds, roles, pillars, services, languages) are in ``taxonomies``.
"""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_project import provinces
from site_project.fields import image_field
from site_project.memo import PublicPageQuerySet
from site_project.models import BasePage

from ..filters import DirectoryFilterForm
from ..thai_sort import thai_sort_key
from .contacts import PartnerContacts
from .taxonomies import KIND_CHOICES, ROLE_CHOICES, Pillar, Service, WorkingLanguage

PROVINCE_CHOICES = provinces.model_choices()
LANGUAGE_PREFERENCE_CHOICES = settings.LANGUAGES


def directory_filters(data) -> DirectoryFilterForm:
    """The directory's filter form over this site's kinds and terms, bound to ``data`` (a query) if any."""
    return DirectoryFilterForm(
        data or None,
        kinds=KIND_CHOICES,
        pillars=Pillar.objects.all(),
        services=Service.objects.all(),
        languages=WorkingLanguage.objects.all(),
    )


class PartnerIndexPage(BasePage):
    """The public directory of partners, filterable by kind, pillar, province, service and language."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences above the directory.")
    )
    per_page = models.PositiveSmallIntegerField(
        _("partners per page"), default=24, help_text=_("How many partners each page of the directory lists.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("per_page"),
        *BasePage.safety_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    override_translatable_fields = [*BasePage.override_translatable_fields, SynchronizedField("per_page")]

    parent_page_types = ["site_project.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")

    def get_context(self, request, *args, **kwargs):
        """The filter form and one page of partners, in a fixed number of queries."""
        context = super().get_context(request, *args, **kwargs)
        form = directory_filters(request.GET)
        partners = form.filter(PartnerPage.objects.child_of(self).for_directory())
        page_obj = Paginator(partners, self.per_page).get_page(request.GET.get("page"))
        context.update(filter_form=form, partners=page_obj.object_list, page_obj=page_obj)
        return context


class PartnerPageQuerySet(PublicPageQuerySet):
    def for_directory(self):
        """Everything a directory card prints, in a fixed number of queries, in Thai dictionary order."""
        from wagtail.images import get_image_model

        return (
            self.live()
            .public()
            .exclude(translation_key__in=PartnerContacts.objects.unlisted_keys())
            .select_related("logo")
            .prefetch_related(
                "pillars",  # a card names its pillars and provinces; services and languages only filter
                "areas",
                models.Prefetch(
                    "logo__renditions",
                    queryset=get_image_model().get_rendition_model().objects.all(),
                ),
            )
            .order_by("sort_key", "pk")
        )

    def renewal_due_within(self, days: int):
        today = timezone.localdate()
        return self.filter(
            membership_status=PartnerPage.Membership.ACTIVE,
            renewal_due_on__gte=today,
            renewal_due_on__lte=today + datetime.timedelta(days=days),
        )


PartnerPageManager = PageManager.from_queryset(PartnerPageQuerySet)


class PartnerPage(BasePage):
    """One organisation's public profile. Members keep it current through the partner portal."""

    class Membership(models.TextChoices):
        NONE = "none", _("Partner, not a member")
        ACTIVE = "active", _("Active member")
        LAPSED = "lapsed", _("Lapsed member")

    abbreviation = models.CharField(
        _("abbreviation"), max_length=40, blank=True, help_text=_("A short name, e.g. FOCUS or พม.")
    )
    logo = image_field(_("logo"), help_text=_("A square PNG, JPEG or WebP image works best."))
    kind = models.CharField(
        _("kind of organisation"),
        max_length=30,
        choices=KIND_CHOICES,
        default="ngo",
        help_text=_("What sort of partner this is."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the organisation does, for whom and where.")
    )
    pillars = ParentalManyToManyField(
        Pillar,
        blank=True,
        related_name="partners",
        verbose_name=_("pillars"),
        help_text=_("The themes the organisation works on."),
    )
    services = ParentalManyToManyField(
        Service,
        blank=True,
        related_name="partners",
        verbose_name=_("services"),
        help_text=_("What the organisation offers the people it works with."),
    )
    working_languages = ParentalManyToManyField(
        WorkingLanguage,
        blank=True,
        related_name="partners",
        verbose_name=_("languages"),
        help_text=_("Languages the organisation can work in."),
    )
    districts = models.CharField(
        _("districts"),
        max_length=255,
        blank=True,
        help_text=_("Districts served, separated by commas, e.g. Mueang Chiang Rai, Mae Sai."),
    )
    coalition_role = models.CharField(
        _("coalition role"),
        max_length=30,
        choices=ROLE_CHOICES,
        blank=True,
        help_text=_(
            "The organisation's post in the coalition. Leave empty for partners who are not members."
        ),
    )
    membership_status = models.CharField(
        _("membership"),
        max_length=10,
        choices=Membership.choices,
        default=Membership.NONE,
        help_text=_("Active members see the members' space; lapsed members do not."),
    )
    joined_on = models.DateField(
        _("joined"), null=True, blank=True, help_text=_("When the organisation joined.")
    )
    mou_signed_on = models.DateField(
        _("MoU signed"), null=True, blank=True, help_text=_("When it signed the memorandum of understanding.")
    )
    renewal_due_on = models.DateField(
        _("renewal due"),
        null=True,
        blank=True,
        help_text=_(
            "When the yearly membership must be renewed. Representatives get a reminder 30 days before."
        ),
    )
    sort_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = PartnerPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("abbreviation"), FieldPanel("logo"), FieldPanel("kind"), FieldPanel("description")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("pillars"),
                FieldPanel("services"),
                FieldPanel("working_languages"),
                InlinePanel("areas", label=_("Provinces served")),
                FieldPanel("districts"),
            ],
            heading=_("Work"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "The e-mail, phone, address, website, LINE and Facebook shown on the profile are one "
                        "record for every language: edit them under Snippets › Partner contacts."
                    )
                )
            ],
            heading=_("Public contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("coalition_role"),
                FieldPanel("membership_status"),
                FieldRowPanel(
                    [FieldPanel("joined_on"), FieldPanel("mou_signed_on"), FieldPanel("renewal_due_on")]
                ),
            ],
            heading=_("Membership"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(_("Shown only to signed-in members, in the referral directory.")),
                InlinePanel("contacts", label=_("Contact people")),
            ],
            heading=_("Referral contacts"),
        ),
        *BasePage.safety_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("abbreviation"),
        index.FilterField("kind"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("logo"),
        SynchronizedField("kind"),
        SynchronizedField("pillars"),
        SynchronizedField("services"),
        SynchronizedField("working_languages"),
        SynchronizedField("coalition_role"),
        SynchronizedField("membership_status"),
        SynchronizedField("joined_on"),
        SynchronizedField("mou_signed_on"),
        SynchronizedField("renewal_due_on"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def save(self, *args, **kwargs):
        self.sort_key = thai_sort_key(self.title or "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        self.sort_key = thai_sort_key(self.title or "")
        return super().full_clean(*args, **kwargs)

    @property
    def is_member(self) -> bool:
        return self.membership_status != self.Membership.NONE

    @property
    def is_active_member(self) -> bool:
        return self.membership_status == self.Membership.ACTIVE

    @property
    def province_names(self) -> list[str]:
        return [provinces.name(area.province) for area in self.areas.all()]

    @cached_property
    def contacts_record(self) -> PartnerContacts | None:
        """The contact details and safety switches this page shares with its translations."""
        return PartnerContacts.objects.filter(translation_key=self.translation_key).first()

    @property
    def public_contacts(self) -> PartnerContacts | None:
        """What the public profile shows: nothing while the organisation has hidden its contacts."""
        record = self.contacts_record
        return record if record is not None and not record.contacts_hidden and record.has_any else None

    @property
    def is_unlisted(self) -> bool:
        record = self.contacts_record
        return record is not None and record.unlisted

    def get_sitemap_urls(self, request=None):
        return [] if self.is_unlisted else super().get_sitemap_urls(request)

    def co_organised(self) -> dict[str, list]:
        """Petitions and campaigns this partner co-organises, when those apps are installed.

        ``petitions`` and ``campaigns`` point at partners with ``related_name="co_sponsored_petitions"``
        and ``related_name="co_organised_campaigns"``; this app never imports them.
        """
        found = {}
        for key, related_name in (
            ("petitions", "co_sponsored_petitions"),
            ("campaigns", "co_organised_campaigns"),
        ):
            manager = getattr(self, related_name, None)
            if manager is None:
                found[key] = []
                continue
            queryset = manager.all()
            if hasattr(queryset, "live"):
                queryset = queryset.live().public()
            found[key] = list(queryset.order_by("-first_published_at")[:20])
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template reads each of these twice (whether to show it, then each item): once each here.
        prefetch_related_objects([self], "pillars", "services", "working_languages", "areas")
        context["co_organised"] = self.co_organised()
        return context


class ServiceArea(Orderable):
    """A province a partner serves."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="areas")
    province = models.CharField(
        _("province"),
        max_length=30,
        choices=PROVINCE_CHOICES,
        help_text=_("A province the partner works in."),
    )

    panels = [FieldPanel("province")]

    class Meta(Orderable.Meta):
        verbose_name = _("province served")
        verbose_name_plural = _("provinces served")

    def __str__(self):
        return provinces.name(self.province)


class PartnerContact(Orderable):
    """A person other members can contact about referrals. Never shown publicly."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120, help_text=_("The person's name."))
    position = models.CharField(_("position"), max_length=120, blank=True, help_text=_("e.g. Case manager"))
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("A work e-mail address."))
    phone = models.CharField(_("phone"), max_length=40, blank=True, help_text=_("A work phone number."))
    line_id = models.CharField(_("LINE ID"), max_length=40, blank=True, help_text=_("A work LINE ID."))
    handles = models.CharField(
        _("handles referrals about"),
        max_length=255,
        blank=True,
        help_text=_("Which cases to send this person, e.g. legal status, shelter for children."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("line_id")]),
        FieldPanel("handles"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name
