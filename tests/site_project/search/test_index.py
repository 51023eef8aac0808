"""Keeping the index in step: publishing, unpublishing, deleting, the rebuild command, and the move from campaigns."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from site_project.search.models import SearchEntry

from .conftest import publish, result_slugs


def test_publishing_a_change_is_found_at_once_and_the_old_words_are_not(client, campaign_index):
    page = publish(campaign_index, slug="p", title="สงกรานต์", intro="เล่นน้ำ")
    page.intro = "ยุติความรุนแรง"
    page.save_revision().publish()
    assert result_slugs(client, "/th/search/?q=ความรุนแรง") == ["p"]
    assert result_slugs(client, "/th/search/?q=เล่นน้ำ") == []


def test_a_draft_change_is_not_found_until_it_is_published(client, campaign_index):
    page = publish(campaign_index, slug="p", title="สงกรานต์", intro="เล่นน้ำ")
    page.intro = "ยุติความรุนแรง"
    page.save_revision()
    assert result_slugs(client, "/th/search/?q=ความรุนแรง") == []
    assert result_slugs(client, "/th/search/?q=เล่นน้ำ") == ["p"]


def test_a_deleted_page_is_gone_from_the_index(client, campaign_index):
    page = publish(campaign_index, slug="p", title="สงกรานต์", intro="เล่นน้ำ")
    page.delete()
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == []
    assert not SearchEntry.objects.exists()


def test_the_rebuild_command_fills_an_emptied_index(client, campaign_index, petition):
    publish(campaign_index, slug="p", title="สงกรานต์", intro="เล่นน้ำ")
    SearchEntry.objects.all().delete()
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == []
    output = io.StringIO()
    call_command("rebuild_site_search", stdout=output)
    assert "Indexed 2 page(s)." in output.getvalue()
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == ["p"]
    assert result_slugs(client, "/th/search/?q=สถานบันเทิง") == ["nightlife"]


@pytest.fixture
def migrated_rows(transactional_db):
    """The rows the migrations leave (content types, permissions), made again if a transactional test with
    serialized rollback ran before in this worker: its flush skips them, for the next such test to restore."""
    ContentType.objects.clear_cache()
    call_command("migrate", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_moving_the_index_out_of_campaigns_loses_no_page(migrated_rows, client, campaign_index):
    publish(campaign_index, slug="p", title="สงกรานต์", intro="เล่นน้ำ")
    call_command("migrate", "campaigns", "0001", verbosity=0)  # the old index in campaigns is back
    call_command("migrate", "site_search", "zero", verbosity=0)  # and the new one is gone
    call_command("migrate", verbosity=0)
    assert result_slugs(client, "/th/search/?q=สงกรานต์") == ["p"]
