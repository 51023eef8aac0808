"""Two readers in real browsers get one cached copy of a petition page and both sign from it, one with
JavaScript and one without."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import Signature, SignatureStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def petition(home, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    index = PetitionIndexPageFactory(parent=home, slug="petitions")
    page = PetitionPageFactory(parent=index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.save_revision().publish()
    return page


def sign(browser_page, name: str, email: str) -> None:
    form = browser_page.locator("form.petition-form")
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=email]").fill(email)
    form.locator("select[name=province]").select_option("chiang-rai")
    form.locator("input[name=consent]").check()
    form.locator("[type=submit]").click()
    browser_page.wait_for_load_state()


def test_two_readers_sign_from_one_cached_copy_with_and_without_javascript(
    live_server, page, js_disabled_page, petition
):
    url = live_server.url + petition.url
    earlier = Client(HTTP_HOST=urlsplit(live_server.url).netloc)
    earlier.get(petition.url)  # the site's very first request creates its settings row, a content change
    assert earlier.get(petition.url)["X-Page-Cache"] == "miss"  # an earlier reader's visit stores the copy
    first = page.goto(url)
    second = js_disabled_page.goto(url)
    assert first.headers["x-page-cache"] == second.headers["x-page-cache"] == "hit"
    assert first.body() == second.body()

    sign(page, "สมหญิง ใจดี", "somying@example.org")
    sign(js_disabled_page, "Kanya Srisuk", "kanya@example.org")

    for reader in (page, js_disabled_page):
        assert "/petitions/thanks/" in reader.url
    signatures = Signature.objects.filter(petition=petition)
    assert sorted(signatures.values_list("email", flat=True)) == ["kanya@example.org", "somying@example.org"]
    assert {signature.status for signature in signatures} == {SignatureStatus.PENDING}
