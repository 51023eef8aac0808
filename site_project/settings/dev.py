"""Laptop settings for ``make run``: debug on, plain HTTP, e-mail written to files under ``var/mail``."""

import os
from pathlib import Path

for _name, _value in {
    "DEBUG": "true",
    "SECRET_KEY": "dev-only-insecure-key-never-used-in-production-0123456789abcdef",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "HTTPS": "false",
    "SERVE_MEDIA": "true",
    "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    # Where `make run` serves, on whatever PORT it was given: the links in e-mails must open there.
    "PUBLIC_URL": f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}",
    # Shared by the two gunicorn workers and the task worker, so a 10/minute limit is 10, not 20.
    "CACHE_URL": f"file://{Path(__file__).resolve().parents[2] / 'var' / 'cache'}",
}.items():
    os.environ.setdefault(_name, _value)

from .base import *  # noqa: E402,F403  (settings modules are the one place a star import reads best)

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405

Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns about a missing one)
