"""The directory's vocabularies: the fixed kinds and coalition roles, and the terms editors add to (pillars,
services, working languages), labelled in Thai and English."""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

KIND_CHOICES = [
    ("community_network", pgettext_lazy("kind of organisation", "Community network")),
    ("ngo", pgettext_lazy("kind of organisation", "NGO")),
    ("international_ngo", pgettext_lazy("kind of organisation", "International NGO")),
    ("government", pgettext_lazy("kind of organisation", "Government")),
    ("private_company", pgettext_lazy("kind of organisation", "Private company")),
    ("media", pgettext_lazy("kind of organisation", "Media")),
    ("academic", pgettext_lazy("kind of organisation", "Academic institution")),
    ("influencer", pgettext_lazy("kind of organisation", "Influencer")),
    ("individual", pgettext_lazy("kind of organisation", "Individual")),
]
ROLE_CHOICES = [
    ("chair", pgettext_lazy("coalition role", "Chair")),
    ("vice_chair", pgettext_lazy("coalition role", "Vice-chair")),
    # Translators: the elected committee secretary; in Thai เลขานุการ, as the Chiang Rai committee calls the post.
    ("secretary", pgettext_lazy("coalition role", "Secretary")),
    ("deputy_secretary", pgettext_lazy("coalition role", "Deputy secretary")),
    ("steering_committee", pgettext_lazy("coalition role", "Steering committee")),
    ("member", pgettext_lazy("coalition role", "Member")),
]


class Term(models.Model):
    """A term editors can add to: a pillar, a service or a working language. Labelled in Thai and English."""

    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("A short code used in addresses, e.g. legal_aid.")
    )
    name = models.CharField(_("name (Thai)"), max_length=120, help_text=_("The label shown in Thai."))
    name_en = models.CharField(
        _("name (English)"), max_length=120, help_text=_("The label shown in English and other languages.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first in lists and filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.name if (get_language() or "th").startswith("th") else self.name_en

    @property
    def label_lang(self) -> str:
        """The language of ``label`` when it is not the reader's (English stands in for Khmer and Burmese)."""
        reading = get_language() or "th"
        written = "th" if reading.startswith("th") else "en"
        return "" if reading.startswith(written) else written


class Pillar(Term):
    """A thematic pillar: anti-trafficking, stateless persons, child protection, …"""

    class Meta(Term.Meta):
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")


class Service(Term):
    """A service a partner offers: shelter, legal aid, counselling, …"""

    class Meta(Term.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class WorkingLanguage(Term):
    """A language a partner works in: Thai, English, Burmese, Akha, Shan, …"""

    class Meta(Term.Meta):
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")
