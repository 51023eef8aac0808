"""pytest settings: fast hashing, in-process tasks and mail, plain static files.

Every file the suite writes (database, uploads, static files, demo passwords) goes to one temporary folder,
``<tmp>/phakhi-test<PHAKHI_TEST_DB>``, never to ``var/`` of the site a person may be running.
"""

import os
import tempfile
from pathlib import Path

# PHAKHI_TEST_DB gives concurrent runs on one machine their own folder and test database.
_suffix = os.environ.get("PHAKHI_TEST_DB", "")
TEST_ARTEFACTS = Path(tempfile.gettempdir()) / f"phakhi-test{_suffix}"

for _name, _value in {
    "SECRET_KEY": "test-only-insecure-key-never-used-in-production-0123456789abcdef",
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "HTTPS": "false",
    "SERVE_MEDIA": "true",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    "CACHE_URL": "locmem://",
    "LOG_LEVEL": "WARNING",
    "PAGE_CACHE_SECONDS": "0",  # tests that need the anonymous page cache turn it on themselves
    "SQLITE_PATH": str(TEST_ARTEFACTS / "site.sqlite3"),  # base.py makes its folder; the tests use TEST NAME
    "PUBLIC_URL": "http://127.0.0.1",  # the host the test client sends
}.items():
    os.environ.setdefault(_name, _value)

from .base import *  # noqa: E402,F403  (settings modules are the one place a star import reads best)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = str(TEST_ARTEFACTS / "media")
PARTNERS_PRIVATE_ROOT = str(TEST_ARTEFACTS / "private")
STATIC_ROOT = str(TEST_ARTEFACTS / "static")
EMAIL_FILE_PATH = str(TEST_ARTEFACTS / "mail")
DEMO_CREDENTIALS_DIR = str(TEST_ARTEFACTS / "demo")
# A file, not memory: live-server tests share it across threads and processes, and WAL applies.
DATABASES["default"].setdefault("TEST", {})  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"]["NAME"] = str(TEST_ARTEFACTS / "test.sqlite3")  # noqa: F405
elif _suffix:
    DATABASES["default"]["TEST"]["NAME"] = f"test_phakhi{_suffix.replace('-', '_')}"  # noqa: F405

Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # noqa: F405  (WhiteNoise warns about a missing one)
