"""Fixtures for the site search tests: a campaign index to publish pages under, and a petition."""

import pytest

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

from ...campaigns.conftest import petition  # noqa: F401  (a fixture: the Thai nightlife petition)


@pytest.fixture
def campaign_index(home):
    return CampaignIndexPageFactory(parent=home)


def publish(index, **fields):
    page = CampaignPageFactory(parent=index, **fields)
    page.save_revision().publish()
    return page


def result_slugs(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [result.page.slug for result in response.context["page_obj"].object_list]
