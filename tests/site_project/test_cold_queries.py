"""Every public page type is drawn in at most twelve queries with every cache off (``dummy://``, as the cold
rows of ``make bench``), on the demo site: campaigns with several related stories, petitions and partners, images
everywhere. What stays is the per-process memo (``site_project.memo``), warm after a page's first view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..conftest import queries_of_a_view

BUDGET = 12
PAGES = {
    "home": "/th/",
    "about (standard page)": "/th/about/",
    "campaign": "/th/campaigns/25-november-2024/",
    "campaign with a petition to sign": "/th/campaigns/25-november-2025/",
    "campaign index": "/th/campaigns/",
    "petition": "/th/petitions/nightlife-4am/",
    "petition index": "/th/petitions/",
    "story": "/th/stories/dont-tell-me-how-to-dress/",
    "story index": "/th/stories/",
    "partners directory": "/th/partners/",
    "partner profile": "/th/partners/world-vision-foundation-of-thailand/",
    "policy push": "/th/pushes/nightlife-4am/",
    "policy push index": "/th/pushes/",
    "survey": "/th/membership-renewal/",
    "search": "/th/search/?q=%E0%B8%AA%E0%B8%B8%E0%B8%A3%E0%B8%B2",
    "home in English": "/en/",
}


@pytest.fixture
def every_cache_off(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_every_public_page_type_is_drawn_cold_in_at_most_twelve_queries(client, demo, every_cache_off):
    counts = {name: queries_of_a_view(client, url) for name, url in PAGES.items()}
    assert {name: count for name, count in counts.items() if count > BUDGET} == {}, counts
    assert counts["about (standard page)"] <= 3  # the version, the page, nothing the chrome needs


def test_a_cold_page_reads_the_content_version_once_and_routes_in_one_query(client, demo, every_cache_off):
    client.get("/th/campaigns/25-november-2024/")  # makes the renditions and the site settings row
    client.get("/th/campaigns/25-november-2024/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/th/campaigns/25-november-2024/").status_code == 200
    sql = [query["sql"] for query in captured]
    assert sum("site_project_contentversion" in query for query in sql) == 1
    read_from = [query.split(" FROM ", 1)[1].split(" ", 1)[0] for query in sql if " FROM " in query]
    assert not {'"wagtailcore_site"', '"wagtailcore_locale"', '"wagtailcore_pageviewrestriction"'} & set(
        read_from
    )


def test_the_home_page_reads_every_petition_cards_count_in_one_statement(client, demo, every_cache_off):
    client.get("/th/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/th/")
    assert response.status_code == 200
    totals = [query["sql"] for query in captured if "petitions_signatureprovincetotal" in query["sql"]]
    assert len(totals) == 1
    body = response.content.decode()
    assert 'class="home-action"' in body and body.count('<li class="home-petition">') >= 1  # both sections
