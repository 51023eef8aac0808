"""Signed, time-stamped form tokens and the honeypot: how a public form on a cached page defends itself
without CSRF.

A page the page cache (``site_project.pagecache``) shares is the same bytes for every anonymous reader, so
its forms cannot carry a CSRF token, which is one reader's. They carry this token instead: signed with the
site's key, bound to what the form is for (a ``scope`` naming the form, and a ``subject`` such as a
petition's id or an event on a campaign page) and to when the form was made. A token for another form,
another subject, changed by hand or older than ``max_age()`` is refused.

Readers of one copy share its token, and a reader's token is as old as the copy they were served, so its age
is never less than the time the reader has had the form. CSRF protects what a forged request could do with
the reader's session or account; a view that takes this token instead never reads either.

Beside the token such a form carries a honeypot (``honeypot_field``): a field hidden from people that naive
bots fill in.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import pagecache

FORM_OPEN_SECONDS = 60 * 60 * 24  # a form left open for a day must be reloaded


def make(scope: str, subject: int | str) -> str:
    """A token for a form about ``subject`` (a JSON number or string), made now."""
    return signing.dumps([subject, int(time.time())], salt=scope, compress=False)


def max_age() -> int:
    """How long a token is taken: a day of having the form open, after the oldest copy of a page a reader
    may be served (the last good copy, kept for a day while the database is away)."""
    return pagecache.longest_copy_seconds() + FORM_OPEN_SECONDS


def age(token: str, *, scope: str, subject: int | str, now: float | None = None) -> float | None:
    """Seconds from when the form was made to ``now``, or None if the token is missing, forged, too old, or
    for another form or subject."""
    if not token:
        return None
    try:
        token_subject, made_at = signing.loads(token, salt=scope, max_age=max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if token_subject != subject:
        return None
    return (time.time() if now is None else now) - made_at


def honeypot_field() -> forms.CharField:
    """A field to hide from people (CSS, aria-hidden, no tab stop) that naive bots fill in; call it ``website``."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
