"""The field by which a row of a floor above says which partner organisation it came from or through."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def partner_field(**options) -> models.ForeignKey:
    """An optional link to a partner organisation; the row is kept, without it, when the partner is deleted.

    ``options`` adds ``blank`` or ``help_text``; the column is the one the models always had, so no migration.
    """
    return models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("partner"),
        **options,
    )
