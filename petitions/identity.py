"""How signers and sources are told apart: one mailbox however it is spelt, attribution as a short slug."""

import re

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}
SOURCE_PATTERN = re.compile(r"[^a-z0-9._:/-]+")
# The source paper signatures are tallied under (confirmed paper batches, ``models.paper``): a link's ?src= never
# gives it, so "M on paper" counts only what staff entered and a second person confirmed.
PAPER_SOURCE = "paper"


def canonical_email(email: str) -> str:
    """Fold the variants of one mailbox: case, +tags everywhere, and dots and googlemail.com for Gmail."""
    local, _at, domain = email.strip().lower().rpartition("@")
    if not local:
        return email.strip().lower()
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def clean_source(value: str) -> str:
    """Attribution as a short slug: what ?src= or the UTM tags said, nothing a spreadsheet would execute."""
    value = SOURCE_PATTERN.sub("-", (value or "").lower()).strip("-._:/")[:64]
    return "" if value == PAPER_SOURCE else value


def source_from_query(query) -> str:
    if query.get("src"):
        return clean_source(query.get("src", ""))
    parts = [query.get(name, "") for name in ("utm_source", "utm_medium", "utm_campaign") if query.get(name)]
    return clean_source("/".join(parts))
