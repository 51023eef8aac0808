"""RSVPs to the events of campaign pages."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from site_project.dates import display_date

from .pages import CampaignPage


class EventRSVP(models.Model):
    """Someone who said they will come to an event on a campaign page."""

    campaign = models.ForeignKey(
        CampaignPage, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("campaign")
    )
    event_block_id = models.CharField(_("event"), max_length=64, db_index=True)
    event_title = models.CharField(_("event title"), max_length=160)
    event_date = models.DateField(_("event date"))
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    people = models.PositiveSmallIntegerField(
        _("number of people"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="th")
    source = models.CharField(
        _("source"),
        max_length=64,
        blank=True,
        help_text=_(
            "Where the person came from: the ?src= or UTM tags of the campaign page they replied on."
        ),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("event RSVP")
        verbose_name_plural = _("event RSVPs")

    def __str__(self):
        return f"{self.name} → {self.event_title} ({display_date(self.event_date, 'short')})"
