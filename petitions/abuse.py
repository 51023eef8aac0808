"""Abuse defences for the sign form: keyed IP hashes, per-IP rate limits, the form token and the honeypot.

Nothing here rejects a request. What trips a defence is returned as a quarantine reason; the signature is
stored, never counted, and staff review it. The signer sees the same thank-you page either way, so a bot
learns nothing from the response.
"""

import hashlib
import hmac
import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from site_project import pagecache
from site_project.logins import client_ip  # noqa: F401  (re-exported: the sign views read it here)

from .models.signatures import QuarantineReason  # not the package: the page model imports this module

FORM_TOKEN_SALT = "petitions.sign-form"  # noqa: S105  (a salt, not a secret)
FORM_OPEN_SECONDS = 60 * 60 * 24  # a form left open for a day must be reloaded


@lru_cache(maxsize=4)
def _ip_key(configured: str, secret_key: str) -> bytes:
    if configured:
        return configured.encode()
    # No dedicated key: derive one from SECRET_KEY, so that the hash is still keyed and not reversible
    # by brute force over the IPv4 space.
    return hmac.new(secret_key.encode(), b"phakhi.petitions.ip-hash", hashlib.sha256).digest()


def hash_ip(ip: str) -> str:
    """HMAC-SHA256 of the IP address: comparable, not reversible without the key, and cheap (not a password hasher)."""
    if not ip:
        return ""
    key = _ip_key(settings.IP_HASH_KEY, settings.SECRET_KEY)
    return hmac.new(key, ip.encode(), hashlib.sha256).hexdigest()


@lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs if cidr.strip())


def is_allowlisted(ip: str) -> bool:
    """Whether the address is in PETITION_RATE_LIMIT_ALLOWLIST (offices behind one address, load tests)."""
    allowlist = settings.PETITION_RATE_LIMIT_ALLOWLIST
    if not ip or not allowlist:
        return False
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(allowlist)))


def _parse_rate(rate: str) -> tuple[int, int]:
    count, _slash, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def rate_limit_reason(*, petition_id: int, ip_hash: str) -> str:
    """Count this attempt in the burst and sustained windows (cache counters, never the database)."""
    if not ip_hash:
        return ""
    now = time.time()
    for rate, reason in (
        (settings.PETITION_RATE_LIMIT_BURST, QuarantineReason.RATE_BURST),
        (settings.PETITION_RATE_LIMIT_SUSTAINED, QuarantineReason.RATE_SUSTAINED),
    ):
        limit, seconds = _parse_rate(rate)
        key = f"petitions:rate:{petition_id}:{ip_hash[:32]}:{seconds}:{int(now // seconds)}"
        cache.add(key, 0, seconds + 1)
        try:
            attempts = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds + 1)
            attempts = 1
        if attempts > limit:
            return reason
    return ""


def make_form_token(petition_id: int) -> str:
    """A signed token in every sign form: which petition it was made for and when the form was made.

    The form is made once per copy of the page, which the page cache (``site_project.pagecache``) serves to
    every anonymous reader for ``PAGE_CACHE_SECONDS``: readers of one copy share its token, and a reader's
    token is as old as the copy they were served. So its age, measured from when it was made, is never less
    than the time the reader has had the form: a person is never taken for a bot that sends too fast
    (``PETITION_MIN_SECONDS_TO_SUBMIT``), though a bot that reads a copy a few seconds old passes that check
    (the honeypot, the rate limits and the e-mail confirmation still apply).
    """
    return signing.dumps([petition_id, int(time.time())], salt=FORM_TOKEN_SALT, compress=False)


def form_token_max_age() -> int:
    """How long a form token is taken: a day of having the form open, after the oldest copy of a page a
    reader may be served (the last good copy, kept for a day while the database is away)."""
    return pagecache.longest_copy_seconds() + FORM_OPEN_SECONDS


def form_token_age(token: str, petition_id: int) -> float | None:
    """Seconds since the form was made, or None if the token is missing, forged, too old or for another petition."""
    if not token:
        return None
    try:
        token_petition, shown_at = signing.loads(token, salt=FORM_TOKEN_SALT, max_age=form_token_max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if token_petition != petition_id:
        return None
    return time.time() - shown_at


def quarantine_reason(
    *, petition_id: int, ip: str, ip_hash: str, honeypot: str, form_token: str, require_form_token: bool
) -> str:
    """The first defence this submission trips, or an empty string."""
    if honeypot:
        return QuarantineReason.HONEYPOT
    if is_allowlisted(ip):
        return ""
    age = form_token_age(form_token, petition_id)
    if age is None:
        if require_form_token or form_token:
            return QuarantineReason.NO_FORM_TOKEN
    elif age < settings.PETITION_MIN_SECONDS_TO_SUBMIT:
        return QuarantineReason.TOO_FAST
    return rate_limit_reason(petition_id=petition_id, ip_hash=ip_hash)
