"""Whether a dossier still matches today's signatures: what the public verify page says.

Cheap first: if today's public count differs from the dossier's total, the count has moved on and nothing is
recomputed. Only when the totals agree is the digest recomputed (streaming the signatures), and the answer is
cached for a few minutes, so reloading the page never streams a large petition twice.
"""

import enum
from dataclasses import dataclass

from django.core.cache import cache

from petitions.selectors import public_totals

from .digest import compute_digest
from .models import Dossier
from .services import verify_cache_key
from .totals import petition_totals

VERIFY_CACHE_SECONDS = 10 * 60


class Verdict(enum.Enum):
    MATCHES = "matches"  # same totals, same digest: the signatures are the ones the dossier counted
    MOVED_ON = "moved_on"  # the count has changed since (new signatures, or some withdrawn)
    CHANGED = "changed"  # same count, different digest: some signatures were replaced or corrected


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    count_now: int


def check_dossier(dossier: Dossier) -> Check:
    key = verify_cache_key(dossier.code)
    found = cache.get(key)
    if found is not None:
        return found
    count_now = public_totals(dossier.petition_id).count
    if count_now != dossier.totals.get("total"):
        found = Check(Verdict.MOVED_ON, count_now)
    else:
        totals = petition_totals(dossier.petition_id)
        same = totals == dossier.totals and (
            compute_digest(petition_id=dossier.petition_id, totals=totals).hex == dossier.digest
        )
        found = Check(Verdict.MATCHES if same else Verdict.CHANGED, count_now)
    cache.set(key, found, VERIFY_CACHE_SECONDS)
    return found
