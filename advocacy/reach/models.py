"""The data-sharing log: every list of signers a partner downloaded, who took it and how many rows it held."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.fields import partner_field
from site_project.fields import recorded_user_field


class DataSharingRecord(models.Model):
    """One download of a co-sponsor's list of signers who asked for its news. Written by code, never edited.

    The partner and petition are kept by reference and by name, so the record still says what left the system
    after either page is deleted; the person is kept by account and by the address they signed in with.
    """

    shared_at = models.DateTimeField(_("downloaded"), default=timezone.now, db_index=True)
    user = recorded_user_field()
    user_label = models.CharField(_("downloaded by"), max_length=254)
    partner = partner_field()
    partner_name = models.CharField(_("partner name"), max_length=255)
    petition = models.ForeignKey(
        "petitions.PetitionPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("petition"),
    )
    petition_title = models.CharField(_("petition title"), max_length=255)
    rows = models.PositiveIntegerField(_("signers in the file"))

    class Meta:
        ordering = ["-shared_at", "-pk"]
        verbose_name = _("data-sharing record")
        verbose_name_plural = _("data-sharing log")

    def __str__(self):
        return f"{self.partner_name} · {self.petition_title} · {self.rows}"
