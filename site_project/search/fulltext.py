"""Matching and ranking in the database: SQLite's FTS5 or PostgreSQL's full-text search, over the index keys.

A query is a list of words as typed (split on spaces), each word the keys ICU found in it: ``ยุติ ความรุนแรง`` is
``[("ยุติ",), ("ความ", "รุนแรง")]``. A page matches when it has every word. A word of one key matches that key; a
word of several keys (a Thai, Khmer or Burmese word the dictionary splits) matches where each key stands within
``SLACK`` words of the next, so การคุกคามทางเพศ finds การถูกคุกคามทางเพศ ("being harassed") and ข้อความรุนแรง
("a harsh message") is not taken for ความรุนแรง ("violence"). The two engines read the same rule the same way
(FTS5 ``NEAR(a b, 1)``; PostgreSQL ``a <-> b | a <2> b | b <-> a | b <2> a``).

Ranking: pages where each word stands exactly as typed first, then by relevance with the title weighing most and
the kind next (FTS5 ``bm25`` with column weights; PostgreSQL ``ts_rank`` with weights A, B and D), then by title.
Pages that are not live, or that sit under a view restriction, are left out.

The SQL is put together from table names only; everything a reader typed is a bound parameter.
"""

from collections import defaultdict
from itertools import pairwise

from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from .models import SearchEntry
from .text import SLACK

FIELD_GAP = SLACK + 2  # positions left between title, kind and text on PostgreSQL, so no phrase spans two
MAX_POSITION = 16383  # PostgreSQL keeps positions up to this
MAX_POSITIONS_PER_KEY = 256  # and this many per lexeme

Query = list[tuple[str, ...]]


def _tables() -> dict[str, str]:
    return {
        "entry": SearchEntry._meta.db_table,
        "page": Page._meta.db_table,
        "locale": Locale._meta.db_table,
        "restriction": PageViewRestriction._meta.db_table,
    }


# The page is live, in the language asked for, and neither it nor a page above it restricts who may see it.
_VISIBLE = """
    JOIN {page} p ON p.id = e.page_id
    JOIN {locale} l ON l.id = e.locale_id
    WHERE {match} AND l.language_code = %s AND p.live
    AND NOT EXISTS (
        SELECT 1 FROM {restriction} r JOIN {page} rp ON rp.id = r.page_id
        WHERE substr(p.path, 1, length(rp.path)) = rp.path
    )
"""


class SQLiteFullText:
    """An FTS5 table over the key columns of the entries (its content), kept in step by triggers."""

    table = "site_search_fulltext"

    def _from(self) -> str:
        match = f"{self.table} MATCH %s"
        return f"FROM {self.table} f JOIN {{entry}} e ON e.page_id = f.rowid" + _VISIBLE.replace(
            "{match}", match
        )

    @staticmethod
    def _quoted(key: str) -> str:
        return '"' + key.replace('"', '""') + '"'

    def expression(self, query: Query, *, exact: bool) -> str:
        parts = []
        for keys in query:
            if len(keys) == 1:
                parts.append(self._quoted(keys[0]))
            elif exact:
                parts.append(self._quoted(" ".join(keys)))
            else:
                parts.extend(f"NEAR({self._quoted(a)} {self._quoted(b)}, {SLACK})" for a, b in pairwise(keys))
        return " AND ".join(parts)

    def count_sql(self) -> str:
        return ("SELECT COUNT(*) " + self._from()).format(**_tables())

    def ranked_sql(self) -> str:
        exact = f"f.rowid IN (SELECT rowid FROM {self.table} WHERE {self.table} MATCH %s)"  # noqa: S608
        order = f"ORDER BY {exact} DESC, bm25({self.table}, 10.0, 4.0, 1.0), e.title, e.page_id"
        return (f"SELECT e.page_id, e.text {self._from()} {order} LIMIT %s OFFSET %s").format(**_tables())

    def store(self, page_id: int, title: list[str], kind: list[str], body: list[str]) -> None:
        """Nothing to do: the triggers of migration 0001 copy the entry's key columns into the FTS5 table."""


class PostgreSQLFullText:
    """A ``document`` tsvector column on the entries, written from the keys with their positions and weights."""

    @staticmethod
    def _quoted(key: str) -> str:
        return "'" + key.replace("\\", "\\\\").replace("'", "''") + "'"

    def _near(self, a: str, b: str) -> str:
        pairs = [(a, b), (b, a)]
        return (
            "("
            + " | ".join(
                f"{self._quoted(x)} <{d}> {self._quoted(y)}" for x, y in pairs for d in range(1, SLACK + 2)
            )
            + ")"
        )

    def expression(self, query: Query, *, exact: bool) -> str:
        parts = []
        for keys in query:
            if len(keys) == 1 or exact:
                parts.append("(" + " <-> ".join(self._quoted(key) for key in keys) + ")")
            else:
                parts.extend(self._near(a, b) for a, b in pairwise(keys))
        return " & ".join(parts)

    def _from(self) -> str:
        return "FROM {entry} e" + _VISIBLE.replace("{match}", "e.document @@ %s::tsquery")

    def count_sql(self) -> str:
        return ("SELECT COUNT(*) " + self._from()).format(**_tables())

    def ranked_sql(self) -> str:
        order = "ORDER BY e.document @@ %s::tsquery DESC, ts_rank(e.document, %s::tsquery) DESC, e.title, e.page_id"
        return f"SELECT e.page_id, e.text {self._from()} {order} LIMIT %s OFFSET %s".format(**_tables())

    def store(self, page_id: int, title: list[str], kind: list[str], body: list[str]) -> None:
        positions: dict[str, list[str]] = defaultdict(list)
        position = 0
        for weight, keys in (("A", title), ("B", kind), ("", body)):
            for key in keys:
                position = min(position + 1, MAX_POSITION)
                if (
                    len(positions[key]) < MAX_POSITIONS_PER_KEY
                    and f"{position}{weight}" not in positions[key][-1:]
                ):
                    positions[key].append(f"{position}{weight}")
            position += FIELD_GAP
        document = " ".join(f"{self._quoted(key)}:{','.join(found)}" for key, found in positions.items())
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {SearchEntry._meta.db_table} SET document = %s::tsvector WHERE page_id = %s",  # noqa: S608
                [document, page_id],
            )


def engine() -> SQLiteFullText | PostgreSQLFullText:
    return PostgreSQLFullText() if connection.vendor == "postgresql" else SQLiteFullText()


def count(query: Query, language: str) -> int:
    full_text = engine()
    with connection.cursor() as cursor:
        cursor.execute(full_text.count_sql(), [full_text.expression(query, exact=False), language])
        return cursor.fetchone()[0]


def ranked(query: Query, language: str, *, limit: int, offset: int) -> list[tuple[int, str]]:
    """``(page id, text)`` of the matching pages from ``offset``, best first."""
    full_text = engine()
    loose, exact = full_text.expression(query, exact=False), full_text.expression(query, exact=True)
    ranking = [exact] if isinstance(full_text, SQLiteFullText) else [exact, loose]
    with connection.cursor() as cursor:
        cursor.execute(full_text.ranked_sql(), [loose, language, *ranking, limit, offset])
        return cursor.fetchall()
