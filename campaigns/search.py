"""Site search that works for Thai, Khmer and Burmese as well as English.

Thai, Khmer and Burmese are written without spaces between words, so Wagtail's database backend, which splits
text on spaces, cannot find a word inside a run of text. Instead each live page's text is kept, normalised,
in ``SearchEntry``; a query matches by substring, which works the same on SQLite and PostgreSQL, and results
are ranked in Python:

* a match in the title counts most;
* a match that starts at a segment boundary (start of the text, after a space or punctuation: Thai writers
  put spaces between phrases) counts more than one found in the middle of a run of letters, where the same
  characters may belong to other words (ข้อ|ความ|รุนแรง, "the message is harsh", contains ความรุนแรง,
  "violence", by chance);
* then the number of times it occurs.

English words are also reduced to a stem (petitions → petition, stories → story, signing → sign), in the text
and in the query, so a word finds its inflections.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.html import strip_tags
from wagtail.models import Page

# The page types the site search covers, by label, so this module imports none of them.
SEARCHED_MODELS = (
    "campaigns.CampaignPage",
    "stories.StoryPage",
    "petitions.PetitionPage",
    "partners.PartnerPage",
)
MAX_CANDIDATES = 300
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE).casefold()
    return _SPACES.sub(" ", text).strip()


def stem(word: str) -> str:
    """A deliberately small English stemmer: plurals, -ing and -ed. Enough for 'petitions' to find 'petition'."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]  # running → run, planned → plan
            return base
    return word


def stems_of(text: str) -> str:
    return " " + " ".join(stem(word) for word in _LATIN_WORD.findall(text)) + " "


def searched_models() -> list:
    found = []
    for label in SEARCHED_MODELS:
        app_label, model_name = label.split(".")
        if apps.is_installed(app_label):
            try:
                found.append(apps.get_model(app_label, model_name))
            except LookupError:
                continue
    return found


def is_searched(page) -> bool:
    return isinstance(page, tuple(searched_models()))


def page_text(page) -> str:
    """The text a reader sees on the page: every field in its ``search_fields``, HTML and markup removed."""
    parts = [page.title, page.search_description or ""]
    for search_field in page.get_search_fields():
        name = getattr(search_field, "field_name", "")
        if name in {"title", "search_description"} or not hasattr(search_field, "boost"):
            continue
        try:
            model_field = page._meta.get_field(name)
        except Exception:  # noqa: BLE001  (a method or a related field: read it as an attribute)
            model_field = None
        value = getattr(page, name, "")
        if callable(value):
            value = value()
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            parts.extend(str(item) for item in model_field.get_searchable_content(value))
        elif value:
            parts.append(str(value))
    if extra := getattr(page, "extra_search_text", None):
        parts.append(extra())
    return strip_tags(" ".join(parts))


def index_page(page) -> None:
    from .models import SearchEntry

    page = page.specific
    if not page.live or not is_searched(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    text = normalise(page_text(page))
    SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "content_type": page._meta.label,
            "title": normalise(page.title),
            "text": text,
            "stems": stems_of(text),
        },
    )


def forget_page(page) -> None:
    from .models import SearchEntry

    SearchEntry.objects.filter(page_id=page.pk).delete()


def rebuild() -> int:
    from .models import SearchEntry

    SearchEntry.objects.all().delete()
    count = 0
    for model in searched_models():
        for page in model.objects.live():
            index_page(page)
            count += 1
    return count


def terms_of(query: str) -> list[str]:
    return [term for term in normalise(query).split(" ") if term][:8]


def _is_boundary(text: str, position: int) -> bool:
    if position <= 0:
        return True
    before = text[position - 1]
    return not (before.isalnum() or unicodedata.category(before).startswith("M"))


def _score(entry, terms: list[str]) -> int:
    score = 0
    for term in terms:
        is_latin = bool(_LATIN_WORD.fullmatch(term))
        score += 10 * entry.title.count(term)
        for match in re.finditer(re.escape(term), entry.text):
            score += 1 + (3 if _is_boundary(entry.text, match.start()) else 0)
        if is_latin and f" {stem(term)} " in entry.stems:
            score += 2
    return score


@dataclass(frozen=True)
class Result:
    page: Page
    score: int


def search(query: str, *, locale) -> list[Result]:
    """Live pages in ``locale`` that contain every word of ``query``, best first."""
    from .models import SearchEntry

    terms = terms_of(query)
    if not terms:
        return []
    condition = Q()
    for term in terms:
        term_condition = Q(text__contains=term) | Q(title__contains=term)
        if _LATIN_WORD.fullmatch(term):
            term_condition |= Q(stems__contains=f" {stem(term)} ")
        condition &= term_condition
    entries = list(
        SearchEntry.objects.filter(
            condition, locale=locale, page__live=True, page__view_restrictions__isnull=True
        )
        .select_related("page")
        .only("page_id", "title", "text", "stems", "page__id", "page__title")[:MAX_CANDIDATES]
    )
    ranked = sorted(entries, key=lambda entry: (-_score(entry, terms), entry.title))
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[e.page_id for e in ranked]).specific()}
    return [Result(pages[e.page_id], _score(e, terms)) for e in ranked if e.page_id in pages]
