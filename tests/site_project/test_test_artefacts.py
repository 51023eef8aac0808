"""``make test`` leaves ``var/`` alone: the suite's database, uploads, static files, e-mail and demo passwords
all go to a temporary folder, so a test run never touches the site a person is running beside it."""

from pathlib import Path

import pytest
from django.conf import settings

VAR = (Path(settings.BASE_DIR) / "var").resolve()


def _outside_var(path) -> bool:
    return not Path(path).resolve().is_relative_to(VAR)


def test_every_folder_and_file_the_suite_writes_is_outside_var():
    written = {
        "MEDIA_ROOT": settings.MEDIA_ROOT,
        "PARTNERS_PRIVATE_ROOT": settings.PARTNERS_PRIVATE_ROOT,
        "STATIC_ROOT": settings.STATIC_ROOT,
        "EMAIL_FILE_PATH": settings.EMAIL_FILE_PATH,
        "DEMO_CREDENTIALS_DIR": settings.DEMO_CREDENTIALS_DIR,
        "SQLITE_PATH": settings.SQLITE_PATH,
    }
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        written["test database"] = database["TEST"]["NAME"]
    inside = {name: path for name, path in written.items() if not _outside_var(path)}
    assert not inside, f"test settings write under var/: {inside}"


def test_the_demo_password_files_are_outside_var():
    from partners import demo as partners_demo
    from site_project import demo as site_demo

    assert _outside_var(site_demo.ADMIN_PASSWORD_FILE)
    assert _outside_var(partners_demo.ACCOUNTS_FILE)
    assert site_demo.ADMIN_PASSWORD_FILE.parent == Path(settings.DEMO_CREDENTIALS_DIR)


@pytest.mark.django_db
def test_the_demo_admin_password_is_written_to_the_configured_folder_and_var_is_untouched():
    from site_project import demo as site_demo

    running_site = VAR / "demo-admin.txt"
    before = running_site.read_bytes() if running_site.exists() else None
    password = site_demo.admin_password()
    assert site_demo.ADMIN_PASSWORD_FILE.read_text().strip() == password
    assert site_demo.ADMIN_PASSWORD_FILE.stat().st_mode & 0o777 == 0o600
    assert (running_site.read_bytes() if running_site.exists() else None) == before
