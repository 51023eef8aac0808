"""Per-address rate limits for the public forms, counted in the shared cache, never in the database.

A rate is written ``"count/seconds"`` (``"10/60"``: ten in a minute), as in the settings that configure them.
Windows are fixed: the count starts again at each multiple of ``seconds``. While the cache is away the
counters count per process (``site_project.cache``): weaker limits for a while, never a refused form.
"""

import time

from django.core.cache import cache


def parse_rate(rate: str) -> tuple[int, int]:
    count, _slash, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


def exceeded(key: str, rate: str) -> bool:
    """Count one more attempt under ``key``; True once more than the rate allows fall in this window."""
    limit, seconds = parse_rate(rate)
    window_key = f"{key}:{seconds}:{int(time.time() // seconds)}"
    cache.add(window_key, 0, seconds + 1)
    try:
        attempts = cache.incr(window_key)
    except ValueError:  # expired between add and incr
        cache.set(window_key, 1, seconds + 1)
        attempts = 1
    return attempts > limit
