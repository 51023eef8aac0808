"""The search page under the hostile corpus, and under the query syntax of SQLite FTS5 and of PostgreSQL's
tsquery, in the four languages: never a 5xx, never a logged traceback."""

from urllib.parse import quote_from_bytes, urlencode

from .conftest import LANGUAGES
from .corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep, fuzz_client

QUERY_SYNTAX = [
    '"',
    '"unclosed',
    "NEAR(a b, 1)",
    "NEAR(",
    "a NEAR b",
    "*",
    "a*",
    "^a",
    "title_words:x",
    "{title_words kind_words}: x",
    "-x",
    "+x",
    "a AND",
    "OR",
    "NOT a",
    "(",
    ")",
    "'",
    "''",
    "\\",
    "\\'",
    "a & b | !c",
    "<->",
    "a <2> b",
    ":*",
    "a:*AB",
    "%",
    "_%",
    "เเเเเเ",  # sara e typed over and over
    "\u0e4d\u0e32" * 50,  # nikhahit + sara aa, read as sara am
    "\u0e48" * 200,  # tone marks with nothing to sit on
    "ေ" * 100 + "ႀ",  # Zawgyi-looking nonsense
    "ความ " * 40,  # more words than are read
    "ความรุนแรงต่อสตรีและเด็กในครอบครัวและชุมชน" * 4,  # more dictionary words in one word than are read
]
PAGE_NUMBERS = ["0", "-1", "2", "99999999999999999999", "1e309", "abc", "%00"]


def test_hostile_and_query_syntax_searches_never_cause_a_server_error(site, error_log):
    sweep = Sweep()
    anonymous = fuzz_client()
    for language in LANGUAGES:
        path = f"/{language}/search/"
        for query in [*HOSTILE_TEXT, *QUERY_SYNTAX]:
            sweep.send(anonymous, "GET", path, QUERY_STRING=urlencode({"q": query}))
        for query, page in zip(["ความรุนแรง", "petition", "a*", '"'] * 2, PAGE_NUMBERS, strict=False):
            sweep.send(anonymous, "GET", path, QUERY_STRING=urlencode({"q": query, "page": page}))
        for raw in INVALID_UTF8:
            sweep.send(anonymous, "GET", path, QUERY_STRING="q=" + quote_from_bytes(raw))
    sweep.assert_clean(error_log(), at_least=4 * (len(HOSTILE_TEXT) + len(QUERY_SYNTAX)))
