"""Campaign themes are kept per process with the content version (``site_project.memo``): an editor's rename
or a new theme shows at the next request, with every cache off, in this process and in any other."""

from unittest import mock

import pytest

from site_project import memo


@pytest.fixture
def every_cache_off(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_a_renamed_theme_shows_on_its_campaign_page_at_the_next_request(
    client, campaign, theme, every_cache_off
):
    assert "25 พฤศจิกายน / 16 วัน" in client.get(campaign.url).content.decode()

    with mock.patch.object(memo, "forget"):  # as in another process: this one's memo is not dropped by hand
        theme.name = "ยุติความรุนแรงต่อผู้หญิง"
        theme.save()

    html = client.get(campaign.url).content.decode()
    assert "ยุติความรุนแรงต่อผู้หญิง" in html
    assert "25 พฤศจิกายน / 16 วัน" not in html


def test_the_themes_are_read_once_for_many_views_of_a_campaign(
    client, campaign, every_cache_off, django_assert_max_num_queries
):
    client.get(campaign.url)
    with django_assert_max_num_queries(12):
        assert client.get(campaign.url).status_code == 200
