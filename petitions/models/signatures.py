"""Signatures, the consents they carry, the tallies that count them, and organisations' co-signatures.

Counting never updates a shared row from a request: a confirmed signature is counted by the aggregator
(``services.aggregate_signatures``), which folds confirmed, not-yet-counted rows into ``SignatureTally``
rows, and the province totals beside them (``SignatureProvinceTotal``), in one transaction. The public count is
the province totals plus the rows still waiting, read in one statement, so it is right even while the aggregator
is behind or down.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from site_project import provinces

PROVINCE_CHOICES = provinces.model_choices()


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    QUARANTINED = "quarantined", _("Quarantined for review")
    INVALIDATED = "invalidated", _("Invalidated")


class QuarantineReason(models.TextChoices):
    HONEYPOT = "honeypot", _("Filled in the hidden field")
    TOO_FAST = "too_fast", _("Sent faster than a person can type")
    NO_FORM_TOKEN = "no_form_token", _("Sent without a valid form token")
    RATE_BURST = "rate_burst", _("Too many signatures from one address in a minute")
    RATE_SUSTAINED = "rate_sustained", _("Too many signatures from one address in an hour")


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SignatureStatus.CONFIRMED)

    def uncounted(self):
        """Confirmed signatures the aggregator has not yet folded into the tallies."""
        return self.filter(status=SignatureStatus.CONFIRMED, counted=False)

    def counted_but_withdrawn(self):
        """Signatures in the tallies that no longer count (invalidated): the aggregator subtracts them."""
        return self.filter(counted=True).exclude(status=SignatureStatus.CONFIRMED)

    def public_signers(self):
        return self.confirmed().filter(show_name=True).exclude(name="")


class Signature(models.Model):
    petition = models.ForeignKey(
        "petitions.PetitionPage",
        on_delete=models.CASCADE,
        related_name="signatures",
        help_text=_("The petition, in its original language: every translation counts together."),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.CharField(_("e-mail address as typed"), max_length=254)
    email_canonical = models.CharField(
        _("canonical e-mail address"),
        max_length=254,
        help_text=_("Lower case; for Gmail without dots; without +tags. One signature per address."),
    )
    province = models.CharField(_("province"), max_length=32, choices=PROVINCE_CHOICES)
    show_name = models.BooleanField(_("show name in public"), default=False)
    locale = models.CharField(_("language"), max_length=8, help_text=_("The language the signer used."))
    source = models.CharField(_("source"), max_length=64, blank=True, help_text=_("From ?src= or UTM tags."))
    consent_notice_version = models.CharField(_("privacy notice version"), max_length=32)
    consented_at = models.DateTimeField(_("consented at"))
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    quarantine_reason = models.CharField(
        _("quarantine reason"), max_length=16, choices=QuarantineReason.choices, blank=True
    )
    counted = models.BooleanField(_("in the tallies"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    token_hash = models.CharField(_("confirmation token hash"), max_length=64, blank=True)
    token_expires_at = models.DateTimeField(_("token expires"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()
    # Registered as a snippet for the staff listing, but never a "reference" worth indexing: indexing it
    # would add five queries to every sign request.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email_canonical"], name="petitions_one_signature_per_address"
            )
        ]
        indexes = [
            models.Index(
                fields=["petition"],
                name="petitions_sig_uncounted",
                condition=models.Q(status="confirmed", counted=False),
            ),
            models.Index(
                fields=["petition"],
                name="petitions_sig_withdrawn",
                condition=models.Q(counted=True) & ~models.Q(status="confirmed"),
            ),
            models.Index(fields=["petition", "status", "confirmed_at"], name="petitions_sig_recent"),
            models.Index(fields=["token_hash"], name="petitions_sig_token"),
            models.Index(fields=["email_canonical"], name="petitions_sig_email"),
        ]

    def __str__(self):
        return f"{self.petition_id}: {self.name or '—'} ({self.get_status_display()})"


class UpdatesConsent(models.Model):
    """One signer's consent to hear from one organisation: the organiser (partner empty) or a co-sponsor."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="update_consents")
    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=32)
    consented_at = models.DateTimeField(_("consented at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent to updates")
        verbose_name_plural = _("consents to updates")

    def __str__(self):
        return f"{self.signature_id} → {self.partner_id or 'organiser'}"


class SignatureTally(models.Model):
    """Counted signatures per petition, day, province, source and language. Only the aggregator writes here."""

    petition = models.ForeignKey("petitions.PetitionPage", on_delete=models.CASCADE, related_name="tallies")
    day = models.DateField()
    province = models.CharField(max_length=32)
    source = models.CharField(max_length=64, blank=True)
    locale = models.CharField(max_length=8)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("signature tally")
        verbose_name_plural = _("signature tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "day", "province", "source", "locale"], name="petitions_one_tally_per_key"
            )
        ]
        # A partner's referrals (its slug as the source) read without scanning every tally.
        indexes = [models.Index(fields=["source", "day"], name="petitions_tally_source")]

    def __str__(self):
        return f"{self.petition_id} {self.day} {self.province} {self.source} {self.locale}: {self.count}"


class SignatureProvinceTotal(models.Model):
    """Counted signatures per petition and province, online and on paper: what the public count and the API read.

    A rollup of ``SignatureTally`` (which has nearly a row per signature at full size): a petition has one row per
    province it has signatures from, at most 78, so every open petition's totals are one short read. The
    aggregator writes it with the tallies, in the same transaction, and the rebuild and the reconciliation sum
    it again from them (``services.counting``).
    """

    # The unique constraint's index leads with the petition: no index of its own.
    petition = models.ForeignKey(
        "petitions.PetitionPage", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    province = models.CharField(max_length=32)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("province total")
        verbose_name_plural = _("province totals")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "province"], name="petitions_one_province_total_per_key"
            )
        ]

    def __str__(self):
        return f"{self.petition_id} {self.province}: {self.count}"


class TallyDimension(models.TextChoices):
    PROVINCE = "province", _("Province")
    SOURCE = "source", _("Source")
    LOCALE = "locale", _("Language")


class PerPetitionSummaryQuerySet(models.QuerySet):
    """Summary rows kept per petition and, without a petition, for every petition together."""

    def of_petitions(self, petition_ids=None):
        """The rows of these petitions, or with ``None`` the every-petition rows (never both: they would count
        each signature twice)."""
        if petition_ids is None:
            return self.filter(petition__isnull=True)
        return self.filter(petition_id__in=petition_ids)


class SignatureDailyTotal(models.Model):
    """Counted signatures per petition and day by one dimension at a time: staff's charts read these.

    ``SignatureTally`` crosses every dimension, so at full size it has nearly a row per signature; these hold a
    petition's day once per province, source and language (a few dozen rows), for the dashboard's totals. The
    aggregator writes them with the tallies, in the same transaction, so they always agree. The rows without a
    petition are every petition's together: the dashboard's unfiltered charts read a few thousand of those
    instead of summing a hundred petitions' rows (``objects.of_petitions``).
    """

    petition = models.ForeignKey(
        "petitions.PetitionPage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    day = models.DateField()
    dimension = models.CharField(max_length=8, choices=TallyDimension.choices)
    value = models.CharField(max_length=64, blank=True)
    count = models.IntegerField(default=0)

    objects = PerPetitionSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily signature total")
        verbose_name_plural = _("daily signature totals")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "day", "dimension", "value"], name="petitions_one_daily_total_per_key"
            ),
            models.UniqueConstraint(
                fields=["day", "dimension", "value"],
                condition=models.Q(petition__isnull=True),
                name="petitions_one_daily_total_of_all_per_key",
            ),
        ]
        # Covering the dashboard's reads: one dimension of every petition's rows (or of some petitions) over days.
        indexes = [
            models.Index(
                fields=["dimension", "petition", "day", "value", "count"], name="petitions_daily_total_read"
            )
        ]

    def __str__(self):
        return f"{self.petition_id} {self.day} {self.dimension}={self.value}: {self.count}"


class SignatureStatusCount(models.Model):
    """Signatures received per petition, day and status: what staff's confirmation and quarantine rates read.

    A summary, rebuilt by ``services.summarise_signature_statuses`` (the recent days every minute, all of them
    nightly), so that no staff screen counts signature rows. ``day`` is the day the signature arrived, in
    Bangkok time; ``status`` is the signature's status when the summary was made. As with the daily totals, the
    rows without a petition are every petition's together.
    """

    petition = models.ForeignKey(
        "petitions.PetitionPage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    day = models.DateField()
    status = models.CharField(max_length=12, choices=SignatureStatus.choices)
    count = models.IntegerField(default=0)

    objects = PerPetitionSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature status count")
        verbose_name_plural = _("signature status counts")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "day", "status"], name="petitions_one_status_count_per_key"
            ),
            models.UniqueConstraint(
                fields=["day", "status"],
                condition=models.Q(petition__isnull=True),
                name="petitions_one_status_count_of_all_per_key",
            ),
        ]
        indexes = [
            models.Index(fields=["petition", "day", "status", "count"], name="petitions_status_count_read")
        ]

    def __str__(self):
        return f"{self.petition_id} {self.day} {self.status}: {self.count}"


class CoSignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class OrganisationCoSignature(models.Model):
    """A partner organisation signing on, through a representative, with a short statement."""

    petition = models.ForeignKey(
        "petitions.PetitionPage", on_delete=models.CASCADE, related_name="organisation_signatures"
    )
    partner = models.ForeignKey("partners.PartnerPage", on_delete=models.CASCADE, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    statement = models.TextField(_("statement"), max_length=600, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CoSignatureStatus.choices, default=CoSignatureStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("organisation co-signature")
        verbose_name_plural = _("organisation co-signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "partner"], name="petitions_one_cosignature_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.partner} → {self.petition}"
