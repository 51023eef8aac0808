"""The audit log of what staff do to signatures: who acted, on which petition, how many rows; never an
address or a name."""

from wagtail.log_actions import log

from ..models import PetitionPage

# The actions (registered with their labels in ``wagtail_hooks``): each entry sits on the petition,
# names who acted and carries ``{"count": <rows changed>}``; never an address or a name.
RELEASE_LOG_ACTION = "petitions.release_quarantined"
INVALIDATE_LOG_ACTION = "petitions.invalidate_signatures"
ERASE_LOG_ACTION = "petitions.erase_signer"


def record(*, action: str, user, counts: dict[int, int]) -> None:
    """One audit-log entry per petition touched, inside the caller's transaction: who, and how many rows."""
    petitions = PetitionPage.objects.in_bulk([petition_id for petition_id, count in counts.items() if count])
    for petition_id, petition in petitions.items():
        log(instance=petition, action=action, user=user, data={"count": counts[petition_id]})
