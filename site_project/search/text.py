"""Text as the site search reads it: normalised, cut into words, each word reduced to the key it is indexed under.

The same functions read a page when it is indexed and a query when it is searched, so both meet on the same keys.

* **Normalised** (``normalise``): Unicode NFC; zero-width characters and soft hyphens removed; Burmese typed in the
  Zawgyi font encoding detected (Google's ``myanmartools`` model) and converted to Unicode by ICU's ``Zawgyi-my``
  transform; Thai vowels and tone marks that can be typed two ways that look the same put in one order (below).
* **Cut into words** (``words``) by ICU's word break iterator, which finds the words of Thai, Khmer and Burmese,
  written without spaces between words, with a dictionary (ความรุนแรงต่อสตรี → ความ|รุนแรง|ต่อ|สตรี).
* **Keyed** (``key``): case folded; Thai, Khmer and Burmese digits read as 0-9; punctuation inside a word dropped
  (a.m. → am); an English word reduced to its Snowball stem after irregular plurals are made singular
  (women → woman, children → child, people → person; petitions → petit, petition → petit).
"""

import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

import icu
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from snowballstemmer import stemmer

from ..burmese import MYANMAR_RUN, as_unicode

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))

# Thai written two ways that look the same on screen. Each pair: (what people type, the one spelling).
_THAI_SPELLINGS = [
    (re.compile("\u0e40\u0e40"), "\u0e41"),  # เ + เ typed for แ (sara ae), a common habit
    (
        re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32"),
        "\\1\u0e33",
    ),  # nikhahit + (tone) + sara aa for sara am: ํา → ำ
    (re.compile("\u0e33([\u0e48-\u0e4b])"), "\\1\u0e33"),  # sara am before its tone mark: ำ่ → ่ำ
    (
        re.compile("([\u0e48-\u0e4c])([\u0e31\u0e34-\u0e37\u0e47])"),
        "\\2\\1",
    ),  # tone mark before an upper vowel
    (re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+"), "\\1"),  # the same mark typed twice
]
_DIGITS = {
    ord(digit): str(value)
    for start in (0x0E50, 0x17E0, 0x1040)  # Thai, Khmer and Myanmar digits
    for value, digit in enumerate(chr(start + n) for n in range(10))
}
_SPACES = re.compile(r"\s+")
MAX_KEY_LENGTH = 60  # longer "words" are noise (a run of one letter, a pasted hash) and are not indexed
MAX_SNIPPET_SCAN = 20_000  # a snippet comes from the first 20,000 characters of a page's text
MAX_PASSAGES_TRIED = 100  # a snippet starts at one of the first 100 words found on the page
SLACK = 1  # words that may stand between the parts of one query word (fulltext.py)

# English nouns whose plural the Snowball stemmer does not bring back to the singular.
_IRREGULAR_PLURALS = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "people": "person",
    "peoples": "person",
    "persons": "person",
    "feet": "foot",
    "teeth": "tooth",
    "geese": "goose",
    "mice": "mouse",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "wolves": "wolf",
    "thieves": "thief",
    "shelves": "shelf",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "analyses": "analysis",
    "crises": "crisis",
    "theses": "thesis",
    "hypotheses": "hypothesis",
    "diagnoses": "diagnosis",
    "indices": "index",
    "appendices": "appendix",
    "alumni": "alumnus",
}
_MEN_COMPOUNDS = re.compile(
    r"(chair|police|business|spokes|fisher|gentle|congress|sports|fire|work|trades|crafts|sales|service|country"
    r"|kins|noble|clergy|middle|fresh|)(wo)?men"
)

_local = threading.local()  # ICU's iterators and transforms are not safe to share between threads


def normalise(text: str) -> str:
    """``text`` in the one spelling the index uses, still readable: the snippets shown to readers come from it."""
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE)
    if MYANMAR_RUN.search(text):
        text = unicodedata.normalize("NFC", as_unicode(text))
    for pattern, replacement in _THAI_SPELLINGS:
        text = pattern.sub(replacement, text)
    return _SPACES.sub(" ", text).strip()


def _breaker(language: str):
    breakers = _local.__dict__.setdefault("breakers", {})
    if language not in breakers:
        breakers[language] = icu.BreakIterator.createWordInstance(icu.Locale(language))
    return breakers[language]


def _python_index(text: str):
    """ICU counts in UTF-16 units; map them to Python's string indices (they differ after an emoji)."""
    if all(ord(char) < 0x10000 for char in text):
        return lambda offset: offset
    indices = []
    for index, char in enumerate(text):
        indices.extend([index] * (2 if ord(char) >= 0x10000 else 1))
    indices.append(len(text))
    return indices.__getitem__


def words(text: str, language: str = "th") -> Iterator[tuple[int, int, str]]:
    """Each word of (normalised) ``text`` as ``(start, end, key)``, with spaces and punctuation left out."""
    breaker = _breaker(language)
    breaker.setText(text)
    index = _python_index(text)
    start = breaker.first()
    for end in breaker:
        if breaker.getRuleStatus() >= 100:  # 100-499: numbers, letters, kana, ideographs; below: the rest
            first, last = index(start), index(end)
            if word_key := key(text[first:last]):
                yield first, last, word_key
        start = end


def _english_stemmer():
    if not hasattr(_local, "stemmer"):
        _local.stemmer = stemmer("english")
    return _local.stemmer


def key(word: str) -> str:
    word = word.casefold().translate(_DIGITS).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = "".join(char for char in word if unicodedata.category(char)[0] in "LMN")
    if not word or len(word) > MAX_KEY_LENGTH:
        return ""
    if word.isascii() and word.isalpha():
        if compound := _MEN_COMPOUNDS.fullmatch(word):
            word = compound.expand(r"\1\2man")
        word = _IRREGULAR_PLURALS.get(word, word)
        return _english_stemmer().stemWord(word)
    return word


def keys(text: str, language: str = "th") -> list[str]:
    return [word_key for _start, _end, word_key in words(normalise(text), language)]


def found_words(spans: list[tuple[int, int, str]], query: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The spans that match ``query`` as the database matches it: a word of one key wherever it stands; the keys
    of a longer word only where each stands within ``SLACK`` words of the next (not every ``การ`` on a page)."""
    found = set()
    by_key: dict[str, set[int]] = {}
    for position, (_start, _end, word_key) in enumerate(spans):
        by_key.setdefault(word_key, set()).add(position)
    for keys in query:
        if len(keys) == 1:
            found.update(by_key.get(keys[0], ()))
        for first, second in pairwise(keys):
            seconds = by_key.get(second, set())
            for position in by_key.get(first, ()):
                near = {position + step for step in range(-SLACK - 1, SLACK + 2) if step} & seconds
                if near:
                    found.update([position, *near])
    return [spans[position][:2] for position in sorted(found)]


def highlight(text: str, query: list[tuple[str, ...]], language: str, *, width: int = 220) -> SafeString:
    """An escaped passage of about ``width`` characters of ``text`` (normalised) where most of the query's words
    are, each word found in ``<mark>``; the start of the text when none is found."""
    text = text[:MAX_SNIPPET_SCAN]
    spans = list(words(text, language))
    found = found_words(spans, query)
    begin = 0
    if found:
        starts = [start for start, _end in found]
        reach = {  # how many different words a passage from each of the first found words would show
            start: len({text[s:e] for s, e in found[index : bisect_left(starts, start + width)]})
            for index, start in enumerate(starts[:MAX_PASSAGES_TRIED])
        }
        begin = _boundary(text, spans, max(reach, key=reach.get) - width // 4)
    end = len(text)
    if end > begin + width:
        end = max(_boundary(text, spans, begin + width), begin + width // 2)
    parts = ["…" if begin else ""]
    position = begin
    for start, stop in found:
        if start < begin or stop > end:
            continue
        if start == position and parts[-1].endswith("</mark>"):
            parts[-1] = parts[-1].removesuffix("</mark>")  # two found words side by side: one mark
        else:
            parts.append(escape(text[position:start]) + "<mark>")
        parts.append(escape(text[start:stop]) + "</mark>")
        position = stop
    parts.append(escape(text[position:end]) + ("…" if end < len(text) else ""))
    return mark_safe("".join(parts))  # noqa: S308  (every piece of the text is escaped above)


def _boundary(text: str, spans: list, position: int) -> int:
    """A place near ``position`` (at or before it) to cut ``text``: a space if one is close, else a word's start."""
    if position <= 0:
        return 0
    space = text.rfind(" ", max(0, position - 40), position)
    if space >= 0:
        return space + 1
    starts = [start for start, _end, _key in spans if start <= position]
    return starts[-1] if starts else position
