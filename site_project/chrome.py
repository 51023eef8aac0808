"""The site chrome (menu, footer, help lines, language links), read once per language and cached.

The chrome is the same for every page in a language, so it is built from the database once and kept in the
cache under the content version, which changes when an editor changes a menu, footer, help line, site setting
or publishes a page (see ``pagecache.signals``).

A language without its own menu, footer or help lines shows the default language's; every text shown in a
language other than the page's carries that language (``lang``), for the template's ``lang`` attribute.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from . import memo
from .models import Footer, HelpLine, HomePage, MainMenu
from .pagecache import content_version
from .untranslated import NOT_UNTRANSLATED

# Bounds how long another process with its own local-memory cache may show an old menu or footer.
CHROME_SECONDS = 60
LANGUAGE_NAMES = {"th": "ไทย", "en": "English", "km": "ខ្មែរ", "my": "မြန်မာ"}


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    is_external: bool = False
    lang: str = ""  # the text's language when it is not the page's


@dataclass(frozen=True)
class HelpLineEntry:
    name: str
    number: str
    tel_url: str
    description: str
    hours: str
    lang: str = ""  # the entry's language when it is not the page's


@dataclass(frozen=True)
class Chrome:
    organisation_name: str = "Phakhi"
    tagline: str = ""
    address: str = ""
    menu: list[Link] = field(default_factory=list)
    footer_links: list[Link] = field(default_factory=list)
    help_lines: list[HelpLineEntry] = field(default_factory=list)
    home_urls: dict[str, str] = field(default_factory=dict)
    lang: str = ""  # the language of the name, tagline and address when it is not the page's

    def home_url(self) -> str:
        language_code = translation.get_language() or "th"
        return self.home_urls.get(language_code) or f"/{language_code}/"


def _in_language(queryset, language_code: str):
    """The object in this language, falling back to the default locale's."""
    found = list(queryset.filter(locale__language_code__in=[language_code, settings.LANGUAGE_CODE]))
    found.sort(key=lambda obj: obj.locale.language_code != language_code)
    return found[0] if found else None


def _other(code: str, language_code: str) -> str:
    """``code`` if it is not the page's language, for a ``lang`` attribute; else empty."""
    return code if code and code != language_code else ""


def _links(snippet, stream, language_code: str, request) -> list[Link]:
    """The stream's links, each to the linked page's translation in the language where there is one (found in
    one query for the whole stream). A label is in the snippet's language; a page's title in the page's."""
    values = [block.value for block in stream or []]
    keys = [value["page"].translation_key for value in values if value.get("page")]
    translations = {}
    if keys:
        pages = (
            Page.objects.live()
            .filter(NOT_UNTRANSLATED, translation_key__in=keys, locale__language_code=language_code)
            .select_related("locale")
        )
        translations = {page.translation_key: page for page in pages}
    snippet_language = snippet.locale.language_code if snippet is not None else language_code
    links = []
    for value in values:
        page = value.page_in_language(translations)
        if value.get("label") or page is None:
            text_language = snippet_language if value.get("label") else ""
        else:
            text_language = (
                language_code if page.translation_key in translations else page.locale.language_code
            )
        links.append(
            Link(
                value.text(translations),
                value.url(translations, request),
                value.is_external(),
                _other(text_language, language_code),
            )
        )
    return links


def _build(language_code: str, request=None) -> Chrome:
    menu = _in_language(MainMenu.objects.select_related("locale"), language_code)
    footer = _in_language(Footer.objects.select_related("locale"), language_code)
    help_lines = list(HelpLine.objects.filter(locale__language_code=language_code))
    help_language = ""
    if not help_lines:
        help_lines = list(HelpLine.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
        help_language = _other(settings.LANGUAGE_CODE, language_code)
    homes = HomePage.objects.live().select_related("locale")
    return Chrome(
        organisation_name=footer.organisation_name if footer else "Phakhi",
        tagline=footer.tagline if footer else "",
        address=footer.address if footer else "",
        lang=_other(footer.locale.language_code, language_code) if footer else "",
        menu=_links(menu, menu.items if menu else None, language_code, request),
        footer_links=_links(footer, footer.links if footer else None, language_code, request),
        help_lines=[
            HelpLineEntry(h.name, h.number, h.tel_url, h.description, h.hours, help_language)
            for h in help_lines
        ],
        home_urls={home.locale.language_code: home.get_url(request) for home in homes},
    )


def get_chrome(language_code: str | None = None, request=None) -> Chrome:
    """The chrome in a language: kept in the process under the content version (``memo``), else in the cache
    (while the database cannot be reached, the cached copy still serves). ``request`` only spares Wagtail's
    site lookups while building it."""
    language_code = language_code or translation.get_language() or "th"
    try:
        return memo.remember(("chrome", language_code), lambda: _cached(language_code, request))
    except DatabaseError:
        return _cached(language_code, request)


def _cached(language_code: str, request) -> Chrome:
    key = f"chrome:{content_version()}:{language_code}"
    chrome = cache.get(key)
    if chrome is None:
        with translation.override(language_code):
            chrome = _build(language_code, request)
        cache.set(key, chrome, CHROME_SECONDS)
    return chrome


def live_translations(page: Page) -> list[Page]:
    """The page in each language it is live in, itself included; read once per content version (the language
    switcher and the hreflang links both need it; publishing changes the version)."""
    if not hasattr(page, "_live_translations"):
        page._live_translations = memo.remember(
            ("live-translations", page.translation_key),
            lambda: list(
                page.get_translations(inclusive=True)
                .live()
                .filter(NOT_UNTRANSLATED)
                .select_related("locale")
                .order_by("locale_id")
            ),
        )
    return page._live_translations


def language_links(*, page: Page | None, request, chrome: Chrome) -> list[dict]:
    """One link per language: the same page's translation where it exists, else that language's home."""
    current = translation.get_language()
    translated: dict[str, str] = {}
    if page is not None and getattr(page, "pk", None):
        for translation_page in live_translations(page):
            translated[translation_page.locale.language_code] = translation_page.get_url(request=request)
    elif request is not None:
        for code in LANGUAGE_NAMES:
            url = translate_url(request.path, code)
            if url != request.path or code == current:
                translated[code] = url
    return [
        {
            "code": code,
            "name": name,
            "url": translated.get(code) or chrome.home_urls.get(code) or f"/{code}/",
            "is_current": code == current,
        }
        for code, name in LANGUAGE_NAMES.items()
    ]
