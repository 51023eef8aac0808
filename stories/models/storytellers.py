"""The people stories are about or told by, who may appear under an alias."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from site_project.fields import image_field


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
