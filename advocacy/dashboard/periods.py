"""Days gathered as a line chart draws them: each day, or each week from its Monday for a longer period."""

import datetime

DAILY_UP_TO = 92  # a longer period is drawn per week


def buckets(
    since: datetime.date, until: datetime.date, *, weekly: bool = False
) -> tuple[list[datetime.date], bool]:
    weekly = weekly or (until - since).days + 1 > DAILY_UP_TO
    start = since - datetime.timedelta(days=since.weekday()) if weekly else since
    step = datetime.timedelta(days=7 if weekly else 1)
    days = []
    while start <= until:
        days.append(start)
        start += step
    return days, weekly


def bucketed(by_day: dict, days: list[datetime.date], weekly: bool) -> list[int]:
    totals = dict.fromkeys(days, 0)
    for day, n in by_day.items():
        bucket = day - datetime.timedelta(days=day.weekday()) if weekly else day
        if bucket in totals:
            totals[bucket] += n
    return [totals[day] for day in days]
