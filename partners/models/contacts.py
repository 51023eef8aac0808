"""A partner's public contact details and its safety switches: one record shared by every translation.

Each translation of a partner page is its own row with its own revisions and its own approval, so a
phone number removed in English used to stay on the Thai page. The contact details live here instead,
keyed by the pages' shared ``translation_key``: one edit, one revision, one approval, shown at once in
every language. The record has its own moderation (a snippet with the "Partner profile review" workflow).

The safety switches (``contacts_hidden``, ``unlisted``) are set by a representative at once, with no
approval (``services.apply_safety_measure``), and are never taken from a revision: publishing an older
revision cannot undo them. They are lifted only by publishing a revision that asks for it
(``restore_visibility``) made after they were set, that is, by an approved edit or by staff.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Page, RevisionMixin, WorkflowMixin

from site_project.fields import SocialAccounts, recorded_user_field

SAFETY_FIELDS = ("contacts_hidden", "unlisted", "safety_changed_at", "safety_changed_by_id")
CONTACT_FIELDS = (
    "public_email",
    "public_phone",
    "address",
    "website",
    "line_official_account",
    "facebook_url",
)


class PartnerContactsQuerySet(models.QuerySet):
    def unlisted_keys(self):
        return self.filter(unlisted=True).values("translation_key")


class PartnerContacts(WorkflowMixin, DraftStateMixin, RevisionMixin, SocialAccounts):
    """How the public reaches one organisation, in every language, and whether it is shown at all."""

    translation_key = models.UUIDField(unique=True, editable=False)
    public_email = models.EmailField(
        _("public e-mail"), blank=True, help_text=_("Shown on the public profile.")
    )
    public_phone = models.CharField(
        _("public phone"),
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^\+?[0-9][0-9 -]{1,38}$", _("Enter digits, spaces or dashes only."))],
        help_text=_("Shown on the public profile, e.g. 053 123 456."),
    )
    address = models.TextField(_("address"), blank=True, help_text=_("The office address, if public."))
    website = models.URLField(_("website"), blank=True, help_text=_("The full address, starting https://"))
    restore_visibility = models.BooleanField(
        _("show the contacts and list the organisation again"),
        default=False,
        help_text=_(
            "The organisation hid its contacts or left the directory for its safety. Tick this and publish "
            "to show them again; check with the organisation first."
        ),
    )
    contacts_hidden = models.BooleanField(_("contacts hidden"), default=False, editable=False)
    unlisted = models.BooleanField(_("left the directory"), default=False, editable=False)
    safety_changed_at = models.DateTimeField(_("safety changed"), null=True, blank=True, editable=False)
    safety_changed_by = recorded_user_field()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner_contacts")

    objects = PartnerContactsQuerySet.as_manager()

    panels = [
        HelpPanel(
            _("One record for every language of the organisation's profile: a change shows everywhere.")
        ),
        MultiFieldPanel(
            [
                FieldPanel("public_email"),
                FieldPanel("public_phone"),
                FieldPanel("address"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("line_official_account"), FieldPanel("facebook_url")]),
            ],
            heading=_("Public contact"),
        ),
        FieldPanel("restore_visibility"),
    ]

    class Meta:
        verbose_name = _("partner contacts")
        verbose_name_plural = _("partner contacts")

    def __str__(self):
        return self.partner_name

    @property
    def revisions(self):
        return self._revisions

    @property
    def partner(self) -> Page | None:
        """The organisation's page in the default language (any translation if it has none).

        Its pages are the only ones that share this record's translation key, so plain pages are enough here.
        """
        pages = Page.objects.filter(translation_key=self.translation_key).select_related("locale")
        found = sorted(pages, key=lambda page: page.locale.language_code != settings.LANGUAGE_CODE)
        return found[0] if found else None

    @property
    def partner_name(self) -> str:
        partner = self.partner
        return partner.title if partner else str(self.translation_key)

    @property
    def is_protected(self) -> bool:
        return self.contacts_hidden or self.unlisted

    @property
    def has_any(self) -> bool:
        return any(getattr(self, name) for name in CONTACT_FIELDS)

    def with_content_json(self, content):
        """A revision carries the contact details, never the safety switches: those stay as they are now."""
        obj = super().with_content_json(content)
        for name in SAFETY_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @classmethod
    def for_page(cls, page: Page) -> "PartnerContacts":
        record, _created = cls.objects.get_or_create(translation_key=page.translation_key)
        return record
