"""Pure number-crunching shared by the load generators and the report: percentiles and summaries."""

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float | None:
    """The nearest-rank ``q``-th percentile (0 < q <= 100) of ``values``; None when there are none.

    Nearest rank (no interpolation) so that every reported latency is one a client really saw.
    """
    if not values:
        return None
    if not 0 < q <= 100:
        raise ValueError(f"percentile must be in (0, 100], not {q}")
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def summarize(latencies_ms: Sequence[float], *, seconds: float, errors: int = 0) -> dict:
    """Requests per second and p50/p95/p99 (milliseconds) of successful requests, plus the error count."""
    count = len(latencies_ms)
    return {
        "requests": count,
        "errors": errors,
        "seconds": round(seconds, 3),
        "rps": round(count / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": _round(percentile(latencies_ms, 50)),
        "p95_ms": _round(percentile(latencies_ms, 95)),
        "p99_ms": _round(percentile(latencies_ms, 99)),
    }


def ratio(value: float | None, baseline: float | None) -> float | None:
    """``value / baseline`` to two places, or None when either is missing or the baseline is zero."""
    if value is None or not baseline:
        return None
    return round(value / baseline, 2)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
