"""The kept test database (tests/database.py): reused only while it is what the migrations would build."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from tests.database import can_be_reused, migration_digests

APPLIED = {"petitions/0001_initial.py": "a1", "petitions/0002_tally.py": "b2"}


def test_a_kept_database_is_reused_when_migrations_were_only_added():
    assert can_be_reused(APPLIED, {**APPLIED, "petitions/0003_source.py": "c3"})


def test_it_is_built_again_when_a_migration_it_applied_was_edited():
    assert not can_be_reused(APPLIED, {**APPLIED, "petitions/0002_tally.py": "edited"})


def test_it_is_built_again_when_a_migration_it_applied_is_gone():
    assert not can_be_reused(APPLIED, {"petitions/0001_initial.py": "a1", "petitions/0002_squashed.py": "d4"})


def test_it_is_built_again_when_the_last_run_on_it_did_not_finish():
    assert not can_be_reused({}, APPLIED)  # a run removes the record as it starts and writes it as it ends


def test_the_digests_cover_the_projects_own_migrations_and_wagtails():
    digests = migration_digests()
    assert "petitions/0001_initial.py" in digests
    assert "wagtailcore/0001_initial.py" in digests


@pytest.mark.django_db
def test_a_run_starts_with_the_rows_the_migrations_made_even_after_a_live_server_test_emptied_them():
    """A transactional test of an earlier run on this kept database flushed every table; its end put them back."""
    assert Page.get_first_root_node() is not None
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert Workflow.objects.filter(active=True).exists()
