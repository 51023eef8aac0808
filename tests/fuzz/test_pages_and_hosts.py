"""Pages and filters with hostile query strings, path traversal and bad hosts: never a 5xx, never a logged
traceback.
"""

import itertools
from urllib.parse import urlencode

from wagtail.models import Locale

from .conftest import LANGUAGES
from .corpus import BAD_HOSTS, TRAVERSALS, Sweep, fuzz_client


def test_pages_filters_traversal_and_bad_hosts_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    paths = [
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
        "/api/petitions/",
        "/th/search/",
        "/th/account/members/referrals/",
    ]
    for page in site.pages:
        for language in LANGUAGES:
            translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
            if translated is not None and translated.live:
                paths.append(translated.url)
    filters = [
        "q",
        "page",
        "theme",
        "year",
        "kind",
        "pillar",
        "province",
        "service",
        "language",
        "src",
        "utm_source",
    ]
    values = [
        "x" * 10_000,
        "a\x00b",
        "%00",
        "<script>",
        "' OR 1=1 --",
        "😀" * 500,
        "-1",
        "0",
        str(2**64),
        "1e309",
    ]
    for path, value in itertools.product(paths, values):
        sweep.send(personas["anonymous"], "GET", path, QUERY_STRING=urlencode(dict.fromkeys(filters, value)))
    for path in paths:
        sweep.send(personas["representative"], "GET", path, QUERY_STRING="page=99999999999999999999&q=%00")
        for host in BAD_HOSTS:
            sweep.send(fuzz_client(HTTP_HOST=host), "GET", path)
    for path in TRAVERSALS:
        sweep.send(personas["anonymous"], "GET", path)
        sweep.send(personas["staff"], "GET", path)
    sweep.assert_clean(error_log(), at_least=400)


def test_an_empty_post_to_a_rate_limited_password_reset_is_a_429_not_a_500(client, site, settings):
    """Found by the corpus: the refusal was added to a form that was never bound, and raised."""
    settings.PASSWORD_RESET_RATE_LIMIT = "1/3600"
    client.post("/th/account/password-reset/", {"email": "rep@example.org"})
    response = client.post("/th/account/password-reset/", {})
    assert response.status_code == 429
    assert "มีการขอรหัสผ่านใหม่จากการเชื่อมต่อของคุณมากเกินไป" in response.content.decode()
