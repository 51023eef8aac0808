"""The totals a dossier states, read from the tallies (never from signature rows): online and on paper, by
province and by week. Paper signatures are the tallies under ``PAPER_SOURCE`` (confirmed paper batches)."""

import datetime
from collections import defaultdict

from django.db.models import Sum

from petitions.identity import PAPER_SOURCE
from petitions.models import SignatureTally
from petitions.selectors import totals_by
from site_project import provinces


def _week_of(day: str) -> str:
    """The Monday that starts the ISO week of ``day`` (an ISO date), as an ISO date."""
    date = datetime.date.fromisoformat(str(day)[:10])
    return (date - datetime.timedelta(days=date.weekday())).isoformat()


def petition_totals(petition_id: int) -> dict:
    """``{"online", "paper", "total", "by_province": {code: {"online", "paper"}}, "by_week": {monday: {...}}}``.

    Four aggregate reads whatever the number of signatures; the online part is the public count's own (tallies
    plus confirmed rows the aggregator has not folded in yet) less the paper tallies.
    """
    paper = SignatureTally.objects.filter(petition_id=petition_id, source=PAPER_SOURCE)
    paper_by_province = dict(paper.values_list("province").annotate(n=Sum("count")).order_by())
    paper_by_day = dict(paper.values_list("day").annotate(n=Sum("count")).order_by())
    by_province: dict[str, dict[str, int]] = {}
    for code, count in totals_by(petition_id, "province").items():
        on_paper = int(paper_by_province.get(code, 0))
        by_province[code] = {"online": count - on_paper, "paper": on_paper}
    by_week: dict[str, dict[str, int]] = defaultdict(lambda: {"online": 0, "paper": 0})
    paper_by_week: dict[str, int] = defaultdict(int)
    for day, count in paper_by_day.items():
        paper_by_week[_week_of(day.isoformat())] += int(count)
    for day, count in totals_by(petition_id, "day").items():
        if (
            day != "None"
        ):  # a confirmed signature without its confirmation time (none since confirmation existed)
            by_week[_week_of(day)]["online"] += count
    for week, count in paper_by_week.items():
        by_week[week]["online"] -= count
        by_week[week]["paper"] += count
    online = sum(row["online"] for row in by_province.values())
    on_paper = sum(row["paper"] for row in by_province.values())
    return {
        "online": online,
        "paper": on_paper,
        "total": online + on_paper,
        "by_province": dict(sorted(by_province.items(), key=lambda item: -sum(item[1].values()))),
        "by_week": dict(sorted(by_week.items())),
    }


def province_rows(totals: dict, language: str) -> list[dict]:
    """The by-province totals as rows to print, with the province's name in ``language``."""
    return [
        {"name": provinces.name(code, language), **row, "total": row["online"] + row["paper"]}
        for code, row in totals.get("by_province", {}).items()
    ]


def week_rows(totals: dict) -> list[dict]:
    return [
        {"week": datetime.date.fromisoformat(week), **row, "total": row["online"] + row["paper"]}
        for week, row in totals.get("by_week", {}).items()
    ]
