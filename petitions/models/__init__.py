"""The petitions app's models, split by concern: pages and snippets, signatures and their counting."""

from .pages import (
    DecisionMaker,
    PetitionIndexPage,
    PetitionPage,
    PetitionQuerySet,
    PetitionStatus,
    PetitionUpdate,
)
from .paper import MAX_PAPER_BATCH, PaperBatch, PaperBatchQuerySet, PaperBatchScan, PaperBatchState
from .signatures import (
    PROVINCE_CHOICES,
    CoSignatureStatus,
    OrganisationCoSignature,
    QuarantineReason,
    Signature,
    SignatureDailyTotal,
    SignatureProvinceTotal,
    SignatureQuerySet,
    SignatureStatus,
    SignatureStatusCount,
    SignatureTally,
    TallyDimension,
    UpdatesConsent,
)

__all__ = [
    "MAX_PAPER_BATCH",
    "PROVINCE_CHOICES",
    "CoSignatureStatus",
    "DecisionMaker",
    "OrganisationCoSignature",
    "PaperBatch",
    "PaperBatchQuerySet",
    "PaperBatchScan",
    "PaperBatchState",
    "PetitionIndexPage",
    "PetitionPage",
    "PetitionQuerySet",
    "PetitionStatus",
    "PetitionUpdate",
    "QuarantineReason",
    "Signature",
    "SignatureDailyTotal",
    "SignatureProvinceTotal",
    "SignatureQuerySet",
    "SignatureStatus",
    "SignatureStatusCount",
    "SignatureTally",
    "TallyDimension",
    "UpdatesConsent",
]
