"""Holes: the few per-visitor bits of a page that is otherwise the same for every anonymous reader.

A petition page, or a campaign with a sign or RSVP form, differs between two anonymous readers only in
its CSRF token, the sign form's time-stamped token and the live count. So that such pages can still be
served from the shared page cache (``middleware.AnonymousPageCacheMiddleware``) without ever sharing a
token between readers, a render made for the cache prints a marker in place of each of those values,
the cache stores the page with its markers, and every response (the first and each later hit) gets the
markers replaced with fresh values for the visitor at hand.

A marker reads ``@@hole:<key>:<name>:<argument>@@``. ``key`` is derived from ``SECRET_KEY``, so text that
an editor types into a page can never be taken for a marker. Apps register a filler per name::

    @holes.filler("form_token")
    def fill_form_token(request, argument: str) -> str: ...

A filler returns text that is already safe to print in HTML. It must not run SQL on the common path:
that is the point of a cache hit.
"""

import re
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.utils.crypto import salted_hmac

CSRF = "csrf"
ATTRIBUTE = "_page_cache_holes"
ARGUMENT = re.compile(r"^[A-Za-z0-9_.-]*$")

_fillers: dict[str, Callable] = {}


@cache
def _key() -> str:
    return salted_hmac("phakhi.holes", "marker", secret=settings.SECRET_KEY).hexdigest()[:16]


@cache
def _pattern() -> re.Pattern:
    return re.compile(rb"@@hole:" + _key().encode() + rb":([a-z_]+):([A-Za-z0-9_.-]*)@@")


def filler(name: str):
    """Register the function that fills the holes called ``name``."""

    def register(function: Callable[[object, str], str]) -> Callable[[object, str], str]:
        _fillers[name] = function
        return function

    return register


def open_for(request) -> None:
    """This request renders for the shared cache: per-visitor values become markers."""
    setattr(request, ATTRIBUTE, True)


def is_open(request) -> bool:
    return bool(getattr(request, ATTRIBUTE, False))


def marker(request, name: str, argument: object = "") -> str | None:
    """The marker to print instead of a per-visitor value, or None when the request renders for one visitor."""
    if request is None or not is_open(request):
        return None
    argument = str(argument)
    if name not in _fillers and name != CSRF:
        raise ValueError(f"no filler registered for hole {name!r}")
    if not ARGUMENT.match(argument):
        raise ValueError(f"hole arguments are letters, digits, '.', '_' and '-' only, not {argument!r}")
    return f"@@hole:{_key()}:{name}:{argument}@@"


def has_holes(content: bytes) -> bool:
    return b"@@hole:" in content and _pattern().search(content) is not None


def fill(request, content: bytes, *, csrf_token: Callable[[], str], fail_soft: bool = False) -> bytes:
    """``content`` with every marker replaced by its value for this request.

    ``fail_soft``: a filler that raises leaves its hole empty (a last good copy served while the database
    is away still gets its CSRF and form tokens, and no count).
    """
    values: dict[tuple[bytes, bytes], bytes] = {}

    def value(match: re.Match) -> bytes:
        name, argument = match.group(1), match.group(2)
        if (name, argument) not in values:
            if name == CSRF.encode():
                text = csrf_token()
            else:
                function = _fillers.get(name.decode())
                try:
                    text = function(request, argument.decode()) if function else ""
                except Exception:
                    if not fail_soft:
                        raise
                    text = ""
            values[(name, argument)] = str(text).encode()
        return values[(name, argument)]

    return _pattern().sub(value, content)
