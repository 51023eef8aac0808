"""The test database: built once, then kept and reused by every local run, as the migrations left it.

``--reuse-db`` (in ``addopts``) keeps each run's database: one per PHAKHI_TEST_DB and xdist worker, in
``<tmp>/phakhi-test<PHAKHI_TEST_DB>/`` on SQLite, ``test_phakhi<PHAKHI_TEST_DB>[_gw<n>]`` on PostgreSQL. The
next run applies only the migrations it has not seen, instead of building the schema from scratch. A kept
database is trusted only if the last run on it finished and no migration it applied has changed or gone
since (an edited or squashed migration, another branch); otherwise it is built again, as ``--create-db``
(CI's choice) always does.

Transactional tests (live server, browser) empty every table when they end, and with them the rows the
migrations made (Wagtail's root page, locales, groups and their permissions, the default workflow). So the
run copies the database as it starts and, if it differs at the end, puts that copy back.
"""

import hashlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


def migration_digests() -> dict[str, str]:
    """Each installed app's migration files and a digest of their content."""
    digests = {}
    for config in apps.get_app_configs():
        for path in sorted((Path(config.path) / "migrations").glob("*.py")):
            digests[f"{config.label}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def can_be_reused(applied: dict[str, str], now: dict[str, str]) -> bool:
    """A database built with the ``applied`` migrations still matches the ``now`` ones: they only grew."""
    return bool(applied) and all(now.get(name) == digest for name, digest in applied.items())


def as_json() -> str:
    """Every row, content types first: putting back a Wagtail task or page looks its content type up, and a
    miss would make a second row for it."""
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


@pytest.fixture(scope="session")
def kept_database_record(django_db_modify_db_settings) -> Path:
    """Where the migrations a kept database was built with are written when a run on it ends cleanly.

    Named before set-up renames the connection, and after ``django_db_modify_db_settings`` (the xdist worker's
    suffix)."""
    test = connection.settings_dict["TEST"].get("NAME") or f"test_{connection.settings_dict['NAME']}"
    return Path(settings.TEST_ARTEFACTS) / f"{Path(str(test)).name}.migrations.json"


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_keepdb, kept_database_record) -> bool:
    """Build afresh when asked (``--create-db``), or when a kept database cannot be trusted."""
    asked = bool(request.config.getvalue("create_db"))
    if asked or not django_db_keepdb:
        return asked
    try:
        applied = json.loads(kept_database_record.read_text())
    except (OSError, ValueError):
        applied = {}
    kept_database_record.unlink(missing_ok=True)  # until this run ends cleanly, its database is not trusted
    return not can_be_reused(applied, migration_digests())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb, kept_database_record):
    """pytest-django's set-up; then, for a kept database, its copy as migrated, put back at the end if changed."""
    if not django_db_keepdb:
        yield
        return
    digests = migration_digests()
    with django_db_blocker.unblock():
        as_migrated = as_json()
    yield
    with django_db_blocker.unblock():
        if as_json() != as_migrated:
            # As TransactionTestCase's serialized rollback does: sequences stay ahead of the ids put back.
            call_command(
                "flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True
            )
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(as_migrated)
    kept_database_record.parent.mkdir(parents=True, exist_ok=True)
    kept_database_record.write_text(json.dumps(digests))
