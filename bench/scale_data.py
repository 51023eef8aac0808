"""Fill the database with a realistic volume, in minutes: ``python -m bench.scale_data [options]``.

Defaults (the issue's full size): 100 petitions with 1,000,000 signatures between them, one of them with
500,000 (one every 7 seconds, so over the last 40 days) and the others' spread over the last 365 days; 5,000
partners; 2,000 stories and campaigns (half each) spread over Thai, English, Khmer and Burmese; and what the
Secretariat's dashboard reads besides the tallies: the daily status summary, 3,000 RSVPs to the campaigns' events
and 300 organisations' co-signatures, each filed in the inbox as the site files them. Run with the site's
settings and an existing demo site (``bench/run.py`` does both with ``BENCH_SCALE=1``; the ``BENCH_SCALE_*``
variables override the defaults there).

It is fast because it does not go through Wagtail's page API: page rows get their tree paths computed
here and go in with one multi-row INSERT per table (a page model's own table and each table above it),
signatures go in with ``COPY`` on PostgreSQL and ``executemany`` in large transactions on SQLite, and the
petition tallies and the status summary are rebuilt once at the end by the petitions app's own reconciliation
and scheduled job. A type whose app or parent index page does not exist is skipped and said so. The last
line printed is a JSON summary.

This module is the command; the generators live beside it: ``scale_pages.py`` (partners, campaigns, stories,
petitions), ``scale_signatures.py`` (signatures, tallies, status summary) and ``scale_inbox.py`` (RSVPs and
co-signatures filed in the inbox).
"""

import argparse
import datetime
import json
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from partners.thai_sort import thai_sort_key  # noqa: E402

from .scale_inbox import insert_cosignatures, insert_rsvps  # noqa: E402
from .scale_pages import LANGUAGES, TITLES, log, make_pages, page_model  # noqa: E402
from .scale_signatures import insert_signatures, rebuild_tallies, summarise_statuses  # noqa: E402


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--signatures", type=int, default=int(os.environ.get("BENCH_SCALE_SIGNATURES", 1_000_000))
    )
    parser.add_argument("--largest", type=int, default=int(os.environ.get("BENCH_SCALE_LARGEST", 500_000)))
    parser.add_argument("--petitions", type=int, default=int(os.environ.get("BENCH_SCALE_PETITIONS", 100)))
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_SCALE_PARTNERS", 5_000)))
    parser.add_argument("--stories", type=int, default=int(os.environ.get("BENCH_SCALE_STORIES", 1_000)))
    parser.add_argument("--campaigns", type=int, default=int(os.environ.get("BENCH_SCALE_CAMPAIGNS", 1_000)))
    parser.add_argument("--days", type=int, default=int(os.environ.get("BENCH_SCALE_DAYS", 365)))
    parser.add_argument("--rsvps", type=int, default=int(os.environ.get("BENCH_SCALE_RSVPS", 3_000)))
    parser.add_argument(
        "--cosignatures", type=int, default=int(os.environ.get("BENCH_SCALE_COSIGNATURES", 300))
    )
    options = parser.parse_args(argv)
    summary: dict = {"skipped": {}, "seconds": {}}
    started = time.monotonic()

    def step(name: str, function, *args, **kwargs):
        begun = time.monotonic()
        try:
            result = function(*args, **kwargs)
        except (LookupError, ValueError) as error:
            summary["skipped"][name] = str(error)
            log(f"{name}: skipped ({error})")
            return None
        summary["seconds"][name] = round(time.monotonic() - begun, 1)
        log(f"{name}: done in {summary['seconds'][name]} s")
        return result

    def partner_fields(group: int) -> dict:
        # What saving a partner computes from its title: the directory is ordered by it, and 5,000 equal keys
        # would make the directory read every partner to sort one page of them.
        return {"sort_key": thai_sort_key(f"{TITLES['th']} #{group + 1}")}

    for key, app_label, wanted, count, languages, extra in (
        ("partners", "partners", "partner", options.partners, ("th",), partner_fields),
        ("campaigns", "campaigns", "campaign", options.campaigns, LANGUAGES, None),
        ("stories", "stories", "story", options.stories, LANGUAGES, None),
    ):
        model = page_model(app_label, wanted)
        if model is None:
            summary["skipped"][key] = f"no page model in app '{app_label}'"
            continue
        ids = step(key, make_pages, model, count, languages=languages, extra=extra)
        summary[key] = len(ids or [])

    petition_model = page_model("petitions", "petition")
    if petition_model is None:
        summary["skipped"]["petitions"] = "no petitions.PetitionPage"
        return summary
    existing = list(petition_model.objects.filter(locale__language_code="th").values_list("pk", flat=True))
    wanted_new = max(options.petitions - len(existing), 0)

    def petition_fields(group: int) -> dict:
        now = timezone.now()
        return {"status": "open", "goal": 10_000, "opens_at": now - datetime.timedelta(days=30 + group)}

    new_ids = (
        step("petitions", make_pages, petition_model, wanted_new, languages=("th",), extra=petition_fields)
        or []
    )
    petition_ids = (new_ids + existing)[: options.petitions]
    summary["petitions"] = len(petition_ids)
    if not petition_ids or "petitions" in summary["skipped"]:
        return summary
    largest = min(options.largest, options.signatures)
    summary["signatures"] = step(
        "signatures", insert_signatures, petition_ids, options.signatures, largest, options.days
    )
    summary["largest_petition_pk"] = petition_ids[0]
    summary["largest_petition_url"] = Page.objects.get(pk=petition_ids[0]).specific.get_url()
    summary["largest_petition_signatures"] = largest
    summary["tallies"] = step("tallies", rebuild_tallies)
    summary["status_summary_rows"] = step("status summary", summarise_statuses)
    summary["rsvps"] = step("rsvps", insert_rsvps, options.rsvps, options.days)
    summary["cosignatures"] = step(
        "cosignatures", insert_cosignatures, options.cosignatures, petition_ids, options.days
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics, as a running site would have
    summary["total_seconds"] = round(time.monotonic() - started, 1)
    return summary


if __name__ == "__main__":
    result = main(sys.argv[1:])
    print(json.dumps(result, default=str, ensure_ascii=False))
