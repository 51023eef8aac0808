"""Stories sent through the public form, for staff to read."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from site_project.dates import display_date


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
