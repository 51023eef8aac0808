"""Representatives, the invitations that make them, and the record of renewal reminders sent."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from site_project.fields import recorded_user_field

from .directory import LANGUAGE_PREFERENCE_CHOICES, PartnerPage


class RepresentativeQuerySet(models.QuerySet):
    def active_members(self):
        return self.filter(partner__membership_status=PartnerPage.Membership.ACTIVE, user__is_active=True)


class Representative(models.Model):
    """A person who keeps one organisation's profile current. One organisation per person."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_representative",
        verbose_name=_("user"),
        help_text=_("The account the representative signs in with."),
    )
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name=_("organisation"),
        help_text=_("The organisation this person speaks for. Any translation of it counts as the same."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=LANGUAGE_PREFERENCE_CHOICES,
        default="th",
        help_text=_("E-mails to this person are written in this language."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RepresentativeQuerySet.as_manager()

    panels = [FieldPanel("user"), FieldPanel("partner"), FieldPanel("preferred_language")]

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self):
        return f"{self.user.get_username()} ({self.partner.title})"

    def represents(self, page: Page) -> bool:
        """True when ``page`` is this representative's organisation, in any language."""
        return page.translation_key == self.partner.translation_key

    @property
    def is_active_member(self) -> bool:
        return self.user.is_active and self.partner.is_active_member


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An e-mailed, single-use invitation to become an organisation's representative."""

    VALID_FOR = datetime.timedelta(days=14)

    email = models.EmailField(_("e-mail"), help_text=_("Where the invitation is sent."))
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
        help_text=_("The organisation the person will represent."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=LANGUAGE_PREFERENCE_CHOICES,
        default="th",
        help_text=_("The invitation and later e-mails are written in this language."),
    )
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    invited_by = recorded_user_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("replaced"), null=True, blank=True, editable=False)

    panels = [FieldPanel("email"), FieldPanel("partner"), FieldPanel("language")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.partner.title}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.sent_at is not None
            and bool(self.token_hash)
            and timezone.now() < self.sent_at + self.VALID_FOR
        )

    def matches(self, token: str) -> bool:
        return bool(self.token_hash) and hmac.compare_digest(self.token_hash, hash_token(token))


class RenewalReminder(models.Model):
    """A record that a renewal reminder went out, so the daily task never sends the same one twice."""

    partner = models.ForeignKey(PartnerPage, on_delete=models.CASCADE, related_name="renewal_reminders")
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "due_on"], name="one_reminder_per_renewal")]

    def __str__(self):
        return f"{self.partner_id} {self.due_on}"
