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

from site_project import form_tokens, rate_limits
from site_project.form_tokens import FORM_OPEN_SECONDS  # noqa: F401  (re-exported: the petition tests read it)
from site_project.logins import client_ip  # noqa: F401  (re-exported: the sign views read it here)

from .models.signatures import QuarantineReason  # not the package: the page model imports this module

FORM_TOKEN_SALT = "petitions.sign-form"  # noqa: S105  (a salt, not a secret)


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


def rate_limit_reason(*, petition_id: int, ip_hash: str) -> str:
    """Count this attempt in the burst and sustained windows at once (cache counters, one round trip, never the
    database); the first one it exceeds."""
    if not ip_hash:
        return ""
    key = f"petitions:rate:{petition_id}:{ip_hash[:32]}"
    reasons = (QuarantineReason.RATE_BURST, QuarantineReason.RATE_SUSTAINED)
    over = rate_limits.exceeded_many(
        [(key, settings.PETITION_RATE_LIMIT_BURST), (key, settings.PETITION_RATE_LIMIT_SUSTAINED)]
    )
    return next((reason for reason, exceeded in zip(reasons, over, strict=True) if exceeded), "")


def make_form_token(petition_id: int) -> str:
    """A signed token in every sign form: which petition it was made for and when the form was made
    (``site_project.form_tokens``).

    The form is made once per copy of the page, which the page cache serves to every anonymous reader for
    ``PAGE_CACHE_SECONDS``: readers of one copy share its token, and its age is never less than the time the
    reader has had the form. So a person is never taken for a bot that sends too fast
    (``PETITION_MIN_SECONDS_TO_SUBMIT``), though a bot that reads a copy a few seconds old passes that check
    (the honeypot, the rate limits and the e-mail confirmation still apply).
    """
    return form_tokens.make(FORM_TOKEN_SALT, petition_id)


def form_token_age(token: str, petition_id: int) -> float | None:
    """Seconds since the form was made, or None if the token is missing, forged, too old or for another petition."""
    # Measured by this module's clock, which the tests of a form kept open move forward.
    return form_tokens.age(token, scope=FORM_TOKEN_SALT, subject=petition_id, now=time.time())


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
