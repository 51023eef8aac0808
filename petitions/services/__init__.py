"""Everything that writes, one module per concern; the reads are in ``petitions.selectors``.

- ``signing``: a signature, pending its confirmation, and the confirmation e-mail owed in the outbox;
- ``confirmation``: the single-use link that makes a signature count;
- ``counting``: the aggregator that folds confirmed signatures into the tallies and the totals beside them;
- ``reconciliation``: the set-based tally rebuild and the nightly check of every count;
- ``moderation``: staff invalidate and release signatures, approve co-signatures (``audit`` logs it);
- ``privacy``: a signer's export and erasure, anonymisation and the retention rules;
- ``paper``: paper batches, entered by one person and counted once another confirms them;
- ``summaries``: signatures per petition, day and status, for staff's rates without counting rows.

Callers write ``from petitions import services`` and ``services.sign_petition(...)``: the names below are the
app's service API.
"""

from ..exports import export_signatures_csv
from ..identity import canonical_email
from .audit import ERASE_LOG_ACTION, INVALIDATE_LOG_ACTION, RELEASE_LOG_ACTION
from .confirmation import TokenState, confirm_signature, issue_confirmation_token, token_state
from .counting import (
    AGGREGATE_DEBOUNCE_SECONDS,
    aggregate_signatures,
    pending_aggregation,
    schedule_aggregation,
)
from .moderation import (
    cosign_petition,
    decide_cosignature,
    invalidate_quarantined,
    invalidate_signatures,
    release_quarantined,
)
from .paper import PaperBatchRefused, confirm_paper_batch, enter_paper_batch, reject_paper_batch
from .privacy import (
    anonymise_closed_petitions,
    anonymise_open_ended_petitions,
    drop_ip_hashes,
    erase_signer,
    export_signer_data,
    withdraw_update_consents,
)
from .reconciliation import (
    Drift,
    rebuild_tallies,
    reconcile_signature_counts,
    sum_every_petition_totals,
    sum_province_totals,
)
from .signing import CONFIRMATION_EMAIL, PetitionRef, SignResult, owe_confirmation, sign_petition
from .summaries import summarise_signature_statuses

__all__ = [
    "AGGREGATE_DEBOUNCE_SECONDS",
    "CONFIRMATION_EMAIL",
    "ERASE_LOG_ACTION",
    "INVALIDATE_LOG_ACTION",
    "RELEASE_LOG_ACTION",
    "Drift",
    "PaperBatchRefused",
    "PetitionRef",
    "SignResult",
    "TokenState",
    "aggregate_signatures",
    "anonymise_closed_petitions",
    "anonymise_open_ended_petitions",
    "canonical_email",
    "confirm_paper_batch",
    "confirm_signature",
    "cosign_petition",
    "decide_cosignature",
    "drop_ip_hashes",
    "enter_paper_batch",
    "erase_signer",
    "export_signatures_csv",
    "export_signer_data",
    "invalidate_quarantined",
    "invalidate_signatures",
    "issue_confirmation_token",
    "owe_confirmation",
    "pending_aggregation",
    "rebuild_tallies",
    "reconcile_signature_counts",
    "reject_paper_batch",
    "release_quarantined",
    "schedule_aggregation",
    "sign_petition",
    "sum_every_petition_totals",
    "sum_province_totals",
    "summarise_signature_statuses",
    "token_state",
    "withdraw_update_consents",
]
