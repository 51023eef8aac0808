"""Logging filters that keep the log worth reading (wired in the LOGGING setting).

A refused attack (a bad Host header, too many fields, too much data, a path that climbs out of a directory:
Django's ``SuspiciousOperation`` family, logged on ``django.security.<name>``) is answered 400 and is not
a fault of the site: one WARNING line, not an ERROR with a traceback that wakes whoever watches the logs.
A request that found the database away is answered 503 and logged as one line with the cause, too.
"""

import logging

from django.db import InterfaceError, OperationalError

MAX_MESSAGE = 300


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _shorten(record: logging.LogRecord, message: str, *, level: int | None = None) -> None:
    record.msg, record.args = message, ()
    record.exc_info = record.exc_text = record.stack_info = None
    if level is not None and record.levelno > level:
        record.levelno, record.levelname = level, logging.getLevelName(level)


class RefusedRequestFilter(logging.Filter):
    """``django.security.*`` records become one WARNING line: what was refused, on which request."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("django.security.") or getattr(record, "refused_request", False):
            return True  # not ours, or already shortened by the logger's filter before reaching a handler
        record.refused_request = True
        request = getattr(record, "request", None)
        where = f" ({request.method} {request.path[:120]})" if request is not None else ""
        kind = record.name.removeprefix("django.security.")
        _shorten(record, f"Refused {kind}{where}: {_one_line(record.getMessage())}", level=logging.WARNING)
        return True


class DatabaseOutageFilter(logging.Filter):
    """A request that failed because the database was away: its log line without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, OperationalError | InterfaceError):
            cause = _one_line(f"{type(error).__name__}: {error}")
            _shorten(record, f"{_one_line(record.getMessage())} (database unavailable: {cause})")
        return True
