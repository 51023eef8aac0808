"""The public JSON API: open and recent petitions with their live counts, goals and per-province totals."""

import gzip
import json

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from site_project.pagecache import content_version
from site_project.pagecache.middleware import accepts_gzip
from site_project.public_url import absolute_url

from . import selectors
from .models import PetitionPage
from .models.pages import effective_goal
from .views import live_petition


def _api_entry(petition: PetitionPage, request) -> dict:
    """What the API says of a petition that changes only when editors publish: cached with the content."""
    updated = petition.last_published_at or petition.latest_revision_created_at
    return {
        "id": petition.pk,
        "title": petition.title,
        "url": absolute_url(petition.get_url(request)),
        "locale": petition.locale.language_code,
        "status": petition.status,
        "opens_at": petition.opens_at.isoformat() if petition.opens_at else None,
        "closes_at": petition.closes_at.isoformat() if petition.closes_at else None,
        "updated_at": updated.isoformat() if updated else None,
        "_goal": (petition.goal, petition.raise_goal_automatically),
    }


def _with_totals(entry: dict, totals: selectors.PublicTotals) -> dict:
    """The cached entry with the live count, goal and provinces."""
    goal, automatic = entry["_goal"]
    public = {key: value for key, value in entry.items() if not key.startswith("_")}
    public["signature_count"] = totals.count  # online and on paper together
    public["online_count"] = totals.online
    public["paper_count"] = totals.paper
    public["goal"] = effective_goal(totals.count, goal=goal, automatic=automatic)
    public["provinces"] = totals.by_province
    return public


def _api_cache_key(request, *parts) -> str:
    return ":".join(["petitions:api", content_version(), request.get_host(), *map(str, parts)])


# The whole list, counts included, is kept this long: at full size it is 100 petitions with their
# per-province totals (190 KB). Building it is one query (``selectors.read_public_totals``: the province
# totals the aggregator keeps, plus the confirmed rows it has not reached), so the counts are exact when it
# is built and at most this old when served. It is kept gzipped too: compressing 190 KB for every reader
# (the compression middleware) cost 7 ms of CPU a request, six times the rest. A shared cache in front
# (``s-maxage``) may keep it as long.
API_LIST_SECONDS = 2


@require_GET
@cache_control(public=True, max_age=15, s_maxage=API_LIST_SECONDS)
def api_list(request):
    body_key = _api_cache_key(request, "list-body")
    bodies = cache.get(body_key)
    if bodies is None:
        entries = _api_entries(request)
        totals = selectors.read_public_totals(entry["_count_id"] for entry in entries)
        body = json.dumps(
            {"petitions": [_with_totals(entry, totals[entry["_count_id"]]) for entry in entries]}
        ).encode()
        bodies = (body, gzip.compress(body, compresslevel=6, mtime=0))
        cache.set(body_key, bodies, API_LIST_SECONDS)
    body, compressed = bodies
    if accepts_gzip(request.META):
        response = HttpResponse(compressed, content_type="application/json")
        response["Content-Encoding"] = "gzip"  # the compression middleware leaves it as it is
    else:
        response = HttpResponse(body, content_type="application/json")
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _api_entries(request) -> list[dict]:
    """The list's entries as the content has them, each with the id its translation group counts under."""
    key = _api_cache_key(request, "list-entries")  # with the count ids: not the older "list" entries
    entries = cache.get(key)
    if entries is None:
        petitions = (
            PetitionPage.objects.live()
            .public()
            .open_or_recent()
            .select_related("locale")
            .order_by("-opens_at")
        )
        entries = [_api_entry(petition, request) for petition in petitions[:100]]
        count_ids = selectors.canonical_petition_ids([entry["id"] for entry in entries])
        for entry in entries:
            entry["_count_id"] = count_ids[entry["id"]]
        cache.set(key, entries, selectors.CONTENT_CACHE_SECONDS)
    return entries


@require_GET
@cache_control(public=True, max_age=10, s_maxage=API_LIST_SECONDS)
def api_detail(request, petition_id: int):
    key = _api_cache_key(request, petition_id)
    entry = cache.get(key)
    if entry is None:
        entry = _api_entry(live_petition(petition_id), request)
        cache.set(key, entry, selectors.CONTENT_CACHE_SECONDS)
    return JsonResponse(_with_totals(entry, selectors.public_totals(entry["id"])))
