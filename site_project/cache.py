"""The cache backends ``CACHE_URL`` selects: a Redis cache that fails soft, and a file cache shared by processes.

``FailSoftRedisCache``: a cache outage costs speed, not the site. Django's Redis backend raises on every
call while Redis is away, so every page, the API and every sign POST answered 500 although the database was
fine. This one catches connection errors and timeouts, logs one warning per outage (not per call), and
answers from a per-process memory cache until Redis is back. A circuit breaker keeps requests from waiting on
Redis meanwhile: after a failure, calls go straight to memory for ``BREAKER_SECONDS``, then one call tries
Redis again. Connect and read timeouts are short, so a Redis that hangs costs a request a fraction of a
second, once per breaker period. While it is open, rate-limit counters (``petitions.abuse``) count per
process: weaker limits for a while, never a failed signature.

``SharedFileBasedCache``: Django's file cache, with ``add`` and ``incr`` made atomic across processes by a
lock file, so that the gunicorn workers of ``make run`` share one rate-limit counter.

``incr_counters``: count one more under several counters at once (the rate limits of one request), in one
round trip to Redis, under one lock of the file cache, and key by key in memory.
"""

import fcntl
import logging
import os
import pickle
import threading
import time
import zlib
from contextlib import contextmanager
from urllib.parse import urlsplit

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 0.25
READ_TIMEOUT_SECONDS = 0.5
FALLBACK_MAX_ENTRIES = 2000
# What a Redis that is away, restarting, failing over or full looks like. Anything else (a bad key, a value
# that is not a number) is a bug and still raises.
OUTAGE_ERRORS = (
    redis.exceptions.ConnectionError,  # also BusyLoadingError and AuthenticationError
    redis.exceptions.TimeoutError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.OutOfMemoryError,
)


def redacted(location: str) -> str:
    """The server address without user name or password, fit for a log line."""
    parts = urlsplit(location)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"


class Breaker:
    """Whether Redis is known to be away, shared by every thread's instance of one cache in this process."""

    def __init__(self, location: str):
        self.location = location
        self._lock = threading.Lock()
        self._open_until = 0.0  # time.monotonic(); 0 while closed
        self.outage_started: float | None = None  # time.monotonic() of the first failure of this outage

    @property
    def is_down(self) -> bool:
        return self.outage_started is not None

    def allows_call(self) -> bool:
        """False while the breaker is open; once it has run out, exactly one caller gets to try Redis again."""
        if not self._open_until:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._open_until:
                return False
            self._open_until = now + BREAKER_SECONDS  # the others keep to memory while this one tries
            return True

    def failed(self, error: BaseException) -> None:
        with self._lock:
            first = self.outage_started is None
            now = time.monotonic()
            if first:
                self.outage_started = now
            self._open_until = now + BREAKER_SECONDS
        if first:
            logger.warning(
                "Cache %s unreachable (%s: %s); this process serves from its own memory until it answers.",
                redacted(self.location),
                type(error).__name__,
                error,
            )

    def succeeded(self) -> bool:
        """Close the breaker; True if this ended an outage."""
        if self.outage_started is None:
            return False
        with self._lock:
            started, self.outage_started, self._open_until = self.outage_started, None, 0.0
        if started is None:
            return False
        logger.warning("Cache %s is back after %.0f s.", redacted(self.location), time.monotonic() - started)
        return True


_MISSING = object()
_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str) -> Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, Breaker(location))


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache that falls back to this process's memory while Redis cannot be reached."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", READ_TIMEOUT_SECONDS)
        params["OPTIONS"] = options
        super().__init__(server, params)
        location = server if isinstance(server, str) else ",".join(server)
        self.breaker = breaker_for(location)
        self.fallback = LocMemCache(
            f"phakhi-fallback:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": FALLBACK_MAX_ENTRIES},
            },
        )

    def _call(self, method: str, *args, **kwargs):
        return self._attempt(getattr(super(), method), getattr(self.fallback, method), *args, **kwargs)

    def _attempt(self, on_redis, in_memory, *args, **kwargs):
        if self.breaker.allows_call():
            try:
                result = on_redis(*args, **kwargs)
            except OUTAGE_ERRORS as error:
                self.breaker.failed(error)
            else:
                if self.breaker.succeeded():
                    # What this process kept meanwhile is older than what Redis holds now, or lost to it.
                    self.fallback.clear()
                return result
        return in_memory(*args, **kwargs)

    def incr_counters(self, timeouts: dict[str, int]) -> dict[str, int]:
        """``incr_counters`` in one round trip to Redis; in this process's memory while Redis is away."""
        return self._attempt(
            lambda: redis_incr_counters(self, timeouts), lambda: incr_counters(self.fallback, timeouts)
        )

    def ping(self) -> bool:
        """Ask Redis itself, whatever the breaker says (for /healthz); a failure opens the breaker."""
        try:
            self._cache.get_client(write=True).ping()
        except OUTAGE_ERRORS as error:
            self.breaker.failed(error)
            return False
        if self.breaker.succeeded():
            self.fallback.clear()
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        self.fallback.clear()
        return self._call("clear")


class SharedFileBasedCache(FileBasedCache):
    """Django's file cache, with ``add`` and ``incr`` atomic across the processes that share the directory.

    Django's versions read and then write, so two workers counting the same address at once could both
    read 5 and both write 6. Here both hold an exclusive lock on ``<directory>/.lock`` (``flock``, released
    by the kernel if a process dies) and ``incr`` keeps the key's expiry. ``set`` needs no lock: Django
    writes a temporary file and renames it into place.
    """

    @contextmanager
    def _exclusive(self):
        self._createdir()
        descriptor = os.open(os.path.join(self._dir, ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the lock

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._exclusive():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._exclusive():
            return self._incr_locked(key, delta, version)

    def incr_counters(self, timeouts: dict[str, int]) -> dict[str, int]:
        """``incr_counters`` under one lock of the directory."""
        with self._exclusive():
            counts = {}
            for key, timeout in timeouts.items():
                super().add(key, 0, timeout)
                try:
                    counts[key] = self._incr_locked(key, 1, None)
                except ValueError:  # expired between add and incr
                    self.set(key, 1, timeout)
                    counts[key] = 1
            return counts

    def _incr_locked(self, key, delta, version):
        expiry, value = None, _MISSING
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                # The cache's own files, read as Django's get() reads them.
                expiry = pickle.load(file)  # noqa: S301
                value = pickle.loads(zlib.decompress(file.read()))  # noqa: S301
        except (FileNotFoundError, EOFError):
            pass
        remaining = None if expiry is None else expiry - time.time()
        if value is _MISSING or (remaining is not None and remaining <= 0):
            raise ValueError(f"Key '{key}' not found.")
        new_value = value + delta
        self.set(key, new_value, remaining, version)
        return new_value


def incr_counters(cache, timeouts: dict[str, int]) -> dict[str, int]:
    """Add one to each counter named in ``timeouts`` (key: the seconds it lives), made at 0 if missing; the new
    counts by key.

    One round trip to Redis (this module's cache or Django's), one lock of the shared file cache, whatever the
    number of counters; any other cache (memory, dummy) counts key by key with ``add`` and ``incr``.
    """
    counting = getattr(cache, "incr_counters", None)
    if counting is not None:
        return counting(timeouts)
    if isinstance(cache, RedisCache):
        return redis_incr_counters(cache, timeouts)
    counts = {}
    for key, timeout in timeouts.items():
        cache.add(key, 0, timeout)
        try:
            counts[key] = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
            counts[key] = 1
    return counts


def redis_incr_counters(cache: RedisCache, timeouts: dict[str, int]) -> dict[str, int]:
    """INCR and EXPIRE each counter in one pipeline: one round trip. A counter lives ``timeout`` seconds after its
    last count (a window's counter is named by its window, so that only keeps a finished one a little longer).
    Django's Redis cache stores integers as such, so ``get`` reads these counts."""
    keys = [(cache.make_and_validate_key(key), timeout) for key, timeout in timeouts.items()]
    pipeline = cache._cache.get_client(None, write=True).pipeline(transaction=False)
    for key, timeout in keys:
        pipeline.incr(key)
        pipeline.expire(key, timeout)
    replies = pipeline.execute()
    return {key: replies[2 * number] for number, key in enumerate(timeouts)}
