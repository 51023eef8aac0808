"""Paper signatures: a batch collected at an event, counted once a second person has checked it.

Staff, or a partner's representative for their own organisation, enter a batch (``services.enter_paper_batch``);
someone else confirms it (``services.confirm_paper_batch``), and only then does it count: the confirmation adds
the batch to ``SignatureTally`` and the daily totals as ``count`` signatures with the source ``PAPER_SOURCE``,
on the event's day, so every reader of the count includes it. The scans are private files.
"""

from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import PrivateFileField
from site_project.fields import recorded_user_field

from .signatures import PROVINCE_CHOICES

MAX_PAPER_BATCH = 100_000
SCAN_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff"]


class PaperBatchState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("paper batch state", "waiting for a second person's check")
    CONFIRMED = "confirmed", pgettext_lazy("paper batch state", "confirmed and counted")
    REJECTED = "rejected", pgettext_lazy("paper batch state", "rejected")


class PaperBatchQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(state=PaperBatchState.CONFIRMED)

    def pending(self):
        return self.filter(state=PaperBatchState.PENDING)


class PaperBatch(models.Model):
    """Signatures collected on paper at one event, for one petition, in one province."""

    petition = models.ForeignKey(
        "petitions.PetitionPage",
        on_delete=models.CASCADE,
        related_name="paper_batches",
        verbose_name=_("petition"),
        help_text=_("The petition, in its original language: every translation counts together."),
    )
    event_name = models.CharField(
        _("event"), max_length=200, help_text=_("Where the signatures were collected, e.g. a market stall.")
    )
    event_date = models.DateField(_("event date"), help_text=_("The day the signatures were collected."))
    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("collecting partner"),
        help_text=_("The organisation that collected the signatures. Empty when the Secretariat did."),
    )
    province = models.CharField(
        _("province"), max_length=32, choices=PROVINCE_CHOICES, help_text=_("Where the signers live.")
    )
    count = models.PositiveIntegerField(
        _("number of signatures"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PAPER_BATCH)],
        help_text=_("The signatures on the sheets, counted by hand: from 1 to 100,000."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PaperBatchState.choices, default=PaperBatchState.PENDING
    )
    entered_by = recorded_user_field()
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    confirmed_by = recorded_user_field()
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    rejected_by = recorded_user_field()
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True, editable=False)
    rejection_reason = models.TextField(_("reason for rejecting"), max_length=600, blank=True)

    objects = PaperBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-entered_at", "-pk"]
        verbose_name = _("paper batch")
        verbose_name_plural = _("paper batches")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count__gte=1, count__lte=MAX_PAPER_BATCH),
                name="petitions_paper_count_range",
            )
        ]
        indexes = [models.Index(fields=["petition", "state"], name="petitions_paper_state")]

    def __str__(self):
        return f"{self.event_name} ({self.event_date}): {self.count}"

    @property
    def is_pending(self) -> bool:
        return self.state == PaperBatchState.PENDING


class PaperScanField(PrivateFileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [FileExtensionValidator(SCAN_EXTENSIONS)])
        super().__init__(*args, **kwargs)

    def download_url(self, instance) -> str:
        return reverse("petitions_admin:paper_scan", args=[instance.pk])


class PaperBatchScan(models.Model):
    """One scanned or photographed sheet of a batch (a batch may have several)."""

    batch = models.ForeignKey(PaperBatch, on_delete=models.CASCADE, related_name="scans")
    file = PaperScanField(
        _("scan"),
        upload_to="paper-batches/%Y/%m/",
        help_text=_("A scan or photo of the sheets: PDF or image. Only the Secretariat can open it."),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("paper batch scan")
        verbose_name_plural = _("paper batch scans")

    def __str__(self):
        return self.file.name.rsplit("/", 1)[-1]
