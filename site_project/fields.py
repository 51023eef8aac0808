"""Fields that models in several apps declare alike: an optional image and its description, who did something,
and the social accounts an organisation is reached by.

Each function returns a new field, so a model reads ``logo = image_field(_("logo"), help_text=_("…"))``. The
arguments that make the column are the ones the models always had, so the migrations do not change.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model


def image_field(verbose_name, *, help_text) -> models.ForeignKey:
    """An optional picture from the image library; deleting the picture leaves the row without one."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


def with_image(queryset, field: str):
    """``queryset`` with the image in ``field`` joined and its renditions prefetched: one query for the
    renditions however many rows, instead of one for the images and one for their renditions."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related(field).prefetch_related(
        models.Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def image_alt_field(verbose_name) -> models.CharField:
    """What an ``image_field`` shows, in words, for people who cannot see it."""
    return models.CharField(
        verbose_name,
        max_length=200,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it."),
    )


def recorded_user_field() -> models.ForeignKey:
    """The account that did something to the row (invited, uploaded, withdrew): set by code, never in a form,
    and left empty if the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class SocialAccounts(models.Model):
    """The LINE official account and Facebook page people reach an organisation by: the site's, a partner's."""

    line_official_account = models.CharField(
        _("LINE official account"),
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^@?[A-Za-z0-9._-]+$", _("Enter a LINE ID such as @phakhi."))],
        help_text=_("The LINE ID, starting with @."),
    )
    facebook_url = models.URLField(
        _("Facebook page"), blank=True, help_text=_("The full address of the page.")
    )

    class Meta:
        abstract = True

    @property
    def line_url(self) -> str:
        if not self.line_official_account:
            return ""
        account = self.line_official_account
        return f"https://line.me/R/ti/p/{account if account.startswith('@') else '@' + account}"
