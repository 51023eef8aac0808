"""The query parameters that change a page, and a check that a view read no other.

Each app declares, in its ``AppConfig.ready()``, the parameters its pages read (``?page=2``,
``?theme=...``). A cached page is keyed by those alone, sorted, so ``?x=123``, ``?fbclid=...`` or a
reordered query find the same entry as the bare address and never make a new one.

That is only right if no page reads a parameter nobody declared. So while the cache renders a page, the
view sees ``request.GET`` as a ``TrackedQuery`` that notes every name it looks up (and every name present,
when it reads the query whole); a page that read an undeclared name is served but not stored, and the log
says which name to declare. A forgotten declaration costs that page its caching, never a wrong page.
"""

import logging
from urllib.parse import urlencode

from django.http import QueryDict

logger = logging.getLogger(__name__)

_declared: set[str] = set()
_warned: set[str] = set()


def declare_query_parameters(*names: str) -> None:
    """Declare query parameters that change a page: the page cache keys pages by these, and only these."""
    _declared.update(names)


def declared() -> frozenset[str]:
    return frozenset(_declared)


def normalised_query(query: QueryDict) -> str:
    """The declared parameters of ``query``, sorted by name, each with its values in order, URL-encoded."""
    if not query:
        return ""
    pairs = [
        (name, value)
        for name in sorted(name for name in dict.keys(query) if name in _declared)
        for value in dict.__getitem__(query, name)
    ]
    return urlencode(pairs)


class TrackedQuery(QueryDict):
    """``request.GET`` that remembers which parameter names were read (looked up, or present when read whole)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    @classmethod
    def of(cls, query: QueryDict) -> "TrackedQuery":
        tracked = cls(mutable=True, encoding=query.encoding)
        for name, values in dict.items(query):
            dict.__setitem__(tracked, name, list(values))
        tracked._mutable = False
        return tracked

    def _read_all(self) -> None:
        self.read.update(dict.keys(self))

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def __len__(self):
        self._read_all()
        return super().__len__()

    def __iter__(self):
        self._read_all()
        return super().__iter__()

    def keys(self):
        self._read_all()
        return super().keys()

    def items(self):
        self._read_all()
        return super().items()

    def lists(self):
        self._read_all()
        return super().lists()

    def values(self):
        self._read_all()
        return super().values()

    def dict(self):
        self._read_all()
        return super().dict()

    def urlencode(self, safe=None):
        self._read_all()
        return super().urlencode(safe)

    def __copy__(self):
        self._read_all()
        result = super().__copy__()
        result.read = self.read  # what is read from a copy is read from the request
        return result

    def __deepcopy__(self, memo):
        self._read_all()
        result = super().__deepcopy__(memo)
        result.read = self.read
        return result


def track(request) -> None:
    """From now on, note which query parameters the view reads."""
    request.GET = TrackedQuery.of(request.GET)


def undeclared_reads(request) -> set[str]:
    """The parameter names the view read that no app declared (logged once per name)."""
    query = request.GET
    names = (query.read - _declared) if isinstance(query, TrackedQuery) else set()
    for name in names - _warned:
        _warned.add(name)
        logger.warning(
            "Not caching %s: it reads the query parameter %r, which no app declared "
            "(pagecache.declare_query_parameters in the app's AppConfig.ready())",
            request.path,
            name,
        )
    return names
