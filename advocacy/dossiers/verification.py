"""Whether a dossier still matches today's signatures: what the public verify page says.

Cheap first: if today's public count differs from the dossier's total, the count has moved on and nothing is
recomputed. Only when the totals agree is the digest recomputed, streaming the signatures, and that is background
work (``tasks.check_dossier_task``: seconds for a large petition, never in a visitor's request); the page says the
check is under way until the answer is in the cache, where it stays for ten minutes, so reloading the page never
streams a large petition twice.
"""

import enum
from dataclasses import dataclass

from django.core.cache import cache

from petitions.selectors import public_totals

from . import tasks
from .digest import compute_digest
from .models import Dossier, DossierStatus, verify_cache_key
from .totals import petition_totals

VERIFY_CACHE_SECONDS = 10 * 60
CHECKING_SECONDS = 2 * 60  # one recount at a time per dossier, however many visitors arrive meanwhile


class Verdict(enum.Enum):
    MATCHES = "matches"  # same totals, same digest: the signatures are the ones the dossier counted
    MOVED_ON = "moved_on"  # the count has changed since (new signatures, or some withdrawn)
    CHANGED = "changed"  # same count, different digest: some signatures were replaced or corrected
    CHECKING = "checking"  # the recount is under way


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
        cache.set(key, found, VERIFY_CACHE_SECONDS)
        return found
    if cache.add(f"{key}:checking", 1, CHECKING_SECONDS):
        tasks.check_dossier_task.enqueue(dossier_id=dossier.pk)
        found = cache.get(key)  # a backend that runs tasks at once (tests, a single process) has answered
    return found or Check(Verdict.CHECKING, count_now)


def recheck_dossier(*, dossier_id: int) -> Check | None:
    """Recompute the totals and the digest of today's signatures and cache the answer (the task's work)."""
    dossier = Dossier.objects.filter(pk=dossier_id, status=DossierStatus.READY).first()
    if dossier is None:
        return None
    totals = petition_totals(dossier.petition_id)
    same = totals == dossier.totals and (
        compute_digest(petition_id=dossier.petition_id, totals=totals).hex == dossier.digest
    )
    found = Check(Verdict.MATCHES if same else Verdict.CHANGED, totals["total"])
    key = verify_cache_key(dossier.code)
    cache.set(key, found, VERIFY_CACHE_SECONDS)
    cache.delete(f"{key}:checking")
    return found
