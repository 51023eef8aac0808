"""A delivery dossier: what a petition's support stood at when the Secretariat made it, and the PDFs made from it.

The row is made at once (status "being made") and filled in by the background task (``services.build_dossier``):
the totals it states, the digest of the signatures behind them, and the PDF. The files are private: kept outside
the media folder and handed out only by ``views.dossier_file``, which checks the reader may see dossiers.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import PrivateFileField

# Lower-case letters and digits without look-alikes (0/o, 1/l/i): read aloud or typed from paper without doubt.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 12  # 31^12 ≈ 2^59: not guessable, still short enough to type
STALLED_AFTER = datetime.timedelta(minutes=30)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def verify_cache_key(code: str) -> str:
    """Where the verify page's answer for dossier ``code`` is cached (cleared when the dossier is made)."""
    return f"dossiers:verify:{code}"


class DossierFileField(PrivateFileField):
    def __init__(self, *args, kind: str = "pdf", **kwargs):
        self.kind = kind
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def download_url(self, instance) -> str:
        return reverse("advocacy_dossiers:file", args=[instance.pk, self.kind])


class DossierStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("dossier status", "being made")
    READY = "ready", pgettext_lazy("dossier status", "ready")
    FAILED = "failed", pgettext_lazy("dossier status", "failed")


class DossierQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("created_by", "petition").order_by("-created_at", "-pk")


class Dossier(models.Model):
    """One snapshot of a petition's support, for one push or none."""

    petition = models.ForeignKey(
        "petitions.PetitionPage",
        on_delete=models.CASCADE,
        related_name="dossiers",
        verbose_name=_("petition"),
        help_text=_(
            "The petition whose signatures the dossier counts (its original: every translation counts)."
        ),
    )
    push = models.ForeignKey(
        "advocacy.PolicyPush",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("policy push"),
        help_text=_("The push the dossier was made for, if any."),
    )
    code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=new_code, editable=False
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    status = models.CharField(
        pgettext_lazy("dossier", "status"),
        max_length=8,
        choices=DossierStatus.choices,
        default=DossierStatus.PENDING,
    )
    error = models.TextField(_("what went wrong"), blank=True)
    languages = models.JSONField(_("languages"), default=list)
    with_annex = models.BooleanField(_("with the signer annex"), default=False)
    titles = models.JSONField(_("titles"), default=dict, help_text="The petition's title in each language.")
    totals = models.JSONField(_("totals"), default=dict)
    signature_count = models.IntegerField(_("online signatures in the digest"), null=True, blank=True)
    digest = models.CharField(_("digest"), max_length=64, blank=True)
    counted_at = models.DateTimeField(_("counted at"), null=True, blank=True)
    pdf = DossierFileField(_("dossier (PDF)"), upload_to="dossiers/%Y/%m/", blank=True, kind="pdf")
    annex = DossierFileField(_("signer annex (PDF)"), upload_to="dossiers/%Y/%m/", blank=True, kind="annex")
    annex_pages = models.IntegerField(_("annex pages"), null=True, blank=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery dossier")
        verbose_name_plural = _("delivery dossiers")

    def __str__(self):
        return f"{self.titles.get(settings.LANGUAGE_CODE) or self.petition_id} · {self.code}"

    @property
    def title(self) -> str:
        return self.titles.get(settings.LANGUAGE_CODE) or next(iter(self.titles.values()), "")

    def verify_path(self, language: str | None = None) -> str:
        return f"/{language or settings.LANGUAGE_CODE}/verify/{self.code}/"

    @property
    def is_ready(self) -> bool:
        return self.status == DossierStatus.READY

    @property
    def is_stalled(self) -> bool:
        """Still "being made" long after any dossier takes: the worker stopped on it (restarted, killed)."""
        return self.status == DossierStatus.PENDING and timezone.now() - self.created_at > STALLED_AFTER
