"""What a chart is made of: its table's columns, the chart itself, and the series, markers and bars drawn in it."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from .labels import display_day, number


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"  # "text", "number", "percent" or "date": how a cell is printed in the table


@dataclass(frozen=True)
class Chart:
    key: str  # a slug: the element ids and the CSV's name
    title: str
    summary: str
    svg: SafeString
    columns: Sequence[Column]
    rows: Sequence[Sequence] = ()
    listed: int = 0  # how many of the first rows to list beside the chart as well as in the table
    wide: bool = (
        False  # too wide to shrink onto a phone with its words readable: it scrolls in its own box there
    )

    def top(self) -> list[list[str]]:
        """The first ``listed`` rows as printed, for a short visible list (the tile map's busiest provinces)."""
        return self.table()[: self.listed]

    def table(self) -> list[list[str]]:
        """The rows as the data table prints them: numbers grouped, dates as readers count them."""
        return [
            [_cell(value, column.kind) for value, column in zip(row, self.columns, strict=True)]
            for row in self.rows
        ]

    def csv_rows(self) -> list[list]:
        """The header and rows for the CSV: numbers as numbers, dates in ISO form."""
        header = [column.label for column in self.columns]
        body = [
            [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
            for row in self.rows
        ]
        return [header, *body]


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int | None]  # None: not yet known (a day still to come), and drawn as no point


@dataclass(frozen=True)
class Marker:
    day: datetime.date
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    limit: int | None = None  # e.g. an event's places: drawn as an outline the bar fills
    note: str = field(default="", compare=False)


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return "–"
    if kind == "number":
        return number(value)
    if kind == "percent":
        return f"{value:.1f}%"
    if kind == "date":
        return display_day(value)
    return str(value)
