"""Per-address rate limits for the public forms, counted in the shared cache, never in the database.

A rate is written ``"count/seconds"`` (``"10/60"``: ten in a minute), as in the settings that configure them.
Windows are fixed: the count starts again at each multiple of ``seconds``. Every limit a request is held to is
counted at once (``exceeded_many``): one round trip to Redis, however many there are. While the cache is away
the counters count per process (``site_project.cache``): weaker limits for a while, never a refused form.
"""

import time
from collections.abc import Sequence

from django.core.cache import cache

from .cache import incr_counters


def parse_rate(rate: str) -> tuple[int, int]:
    count, _slash, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def exceeded(key: str, rate: str) -> bool:
    """Count one more attempt under ``key``; True once more than the rate allows fall in this window."""
    return exceeded_many([(key, rate)])[0]


def exceeded_many(limits: Sequence[tuple[str, str]]) -> list[bool]:
    """Count one more attempt under each ``(key, rate)``; for each, whether it is now over its rate."""
    now = time.time()
    windows = []
    for key, rate in limits:
        limit, seconds = parse_rate(rate)
        windows.append((f"{key}:{seconds}:{int(now // seconds)}", limit, seconds + 1))
    counts = incr_counters(cache, {window: timeout for window, _limit, timeout in windows})
    return [counts[window] > limit for window, limit, _timeout in windows]
