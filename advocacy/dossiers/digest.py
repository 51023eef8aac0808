"""The dossier's digest: one keyed hash over every signature it counts, the paper batches and the totals.

Each confirmed signature becomes HMAC-SHA256(key, "id|canonical e-mail|confirmed time"), so the digest says
nothing about a signer to whoever reads it and cannot be recomputed without the key; the per-signature hashes
are fed in the order of their ids, streamed from the database (never all in memory), then the confirmed paper
batches (id and count), then the totals as canonical JSON. Changing, adding or removing one signature changes
the digest. The key is ``DOSSIER_DIGEST_KEY``, or one derived from ``SECRET_KEY`` when that is empty: keep it
for as long as dossiers must be verifiable.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings

from petitions.models import PaperBatch, Signature

VERSION = b"phakhi.dossier.v1"
CHUNK_SIZE = 2000


def digest_key() -> bytes:
    configured = getattr(settings, "DOSSIER_DIGEST_KEY", "")
    if configured:
        return configured.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"phakhi.dossiers.digest-key", hashlib.sha256).digest()


def signature_hash(key: bytes, *, pk: int, email_canonical: str, confirmed_at) -> bytes:
    """One signature's keyed hash: its id, its one mailbox, the moment it was confirmed."""
    confirmed = confirmed_at.isoformat() if confirmed_at else ""
    return hmac.new(key, f"{pk}|{email_canonical}|{confirmed}".encode(), hashlib.sha256).digest()


def paper_batches(petition_id: int) -> list[tuple[int, int]]:
    """(id, number of signatures) of the petition's confirmed paper batches, the ones the paper tallies count."""
    rows = PaperBatch.objects.confirmed().filter(petition_id=petition_id).order_by("pk")
    return list(rows.values_list("pk", "count"))


@dataclass(frozen=True)
class Digest:
    hex: str
    signatures: int  # online signatures fed in


def compute_digest(*, petition_id: int, totals: dict) -> Digest:
    """Stream the petition's confirmed signatures in id order and fold their keyed hashes with the totals."""
    key = digest_key()
    running = hashlib.sha256(VERSION)
    signatures = 0
    rows = (
        Signature.objects.confirmed()
        .filter(petition_id=petition_id)
        .order_by("pk")
        .values_list("pk", "email_canonical", "confirmed_at")
    )
    for pk, email_canonical, confirmed_at in rows.iterator(chunk_size=CHUNK_SIZE):
        running.update(signature_hash(key, pk=pk, email_canonical=email_canonical, confirmed_at=confirmed_at))
        signatures += 1
    running.update(b"|paper|")
    for pk, count in paper_batches(petition_id):
        running.update(f"{pk}:{count};".encode())
    running.update(b"|totals|")
    running.update(json.dumps(totals, sort_keys=True, separators=(",", ":")).encode())
    return Digest(hex=hmac.new(key, running.digest(), hashlib.sha256).hexdigest(), signatures=signatures)


def grouped(hex_digest: str, *, size: int = 4) -> str:
    """``3f9a1c…`` as ``3F9A 1C…``: four characters at a time, to read aloud or compare by eye."""
    upper = hex_digest.upper()
    return " ".join(upper[i : i + size] for i in range(0, len(upper), size))
