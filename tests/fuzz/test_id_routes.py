"""Every id route gets hostile ids and wrong methods: never a 5xx, never a logged traceback.

The id routes are read from the URLconf (every route with an ``<id:…>`` in it, in the four language
prefixes), so a route added later is fuzzed too.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from .conftest import LANGUAGES, sign_data
from .corpus import HOSTILE_IDS, WRONG_METHODS, Sweep


def id_routes() -> list[str]:
    """Every route with an ``<id:…>`` in it, as a path template, language-prefixed ones once per language."""
    found = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, LocalePrefixPattern):
                for language in LANGUAGES:
                    walk(entry.url_patterns, f"{prefix}{language}/")
                continue
            if not isinstance(pattern, RoutePattern):
                continue
            route = prefix + str(pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern) and "<id:" in route:
                found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return found


def _fill(route: str, id_value: str) -> str:
    route = re.sub(r"<id:[a-z_]+>", id_value, route)
    return re.sub(r"<(?:[a-z]+:)?[a-z_0-9]+>", "x", route)


def test_the_id_routes_come_from_the_urlconf_and_cover_every_app(db):
    routes = id_routes()
    for expected in [
        "/th/petitions/sign/<id:petition_id>/",
        "/my/petitions/confirmed/<id:petition_id>/",
        "/api/petitions/<id:petition_id>/",
        "/embed/petitions/<id:petition_id>/sign/",
        "/km/account/members/documents/<id:document_id>/withdraw/",
        "/en/account/invitation/<id:invitation_id>/<str:token>/",
        "/admin/petitions/export/<id:petition_id>/",
        "/admin/campaigns/<id:page_id>/copy-to-year/",
        "/km/campaigns/rsvp/<id:campaign_id>/<str:block_id>/",
        "/admin/stories/consents/<id:consent_id>/withdraw/",
    ]:
        assert expected in routes


def test_hostile_ids_and_methods_on_every_id_route_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    real_ids = {str(page.pk) for page in (site.petition, site.partner, site.campaign)} | {
        str(site.document.pk)
    }
    for route in id_routes():
        persona = (
            "staff"
            if route.startswith("/admin/")
            else "representative"
            if "/account/" in route
            else "anonymous"
        )
        for id_value in [*HOSTILE_IDS, *sorted(real_ids)]:
            path = _fill(route, id_value)
            sweep.send(personas[persona], "GET", path)
            sweep.post_form(personas[persona], path, sign_data(site.petition, name="\x00"))
        for method in ["HEAD", *WRONG_METHODS[:3]]:
            sweep.send(personas["anonymous"], method, _fill(route, str(site.petition.pk)))
    sweep.assert_clean(error_log(), at_least=700)
