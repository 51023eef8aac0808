"""The ``lang`` attribute for text shown in a language other than the page's.

A page, snippet or other translatable object shown on a page in another language (a related campaign not yet
translated, falling back to the Thai one) prints ``{{ campaign|lang_attr:page }}`` inside its element's tag,
which gives `` lang="th"`` then and nothing when the object is in the page's language (without a query).

Free text whose language nobody recorded (a signer's name, an organisation's statement, a line of the policy
push ledger) is told by its script: Thai, Khmer or Burmese. After ``{% get_current_language as LANGUAGE_CODE %}``,
``<span{{ name|script_lang:LANGUAGE_CODE }}>{{ name }}</span>`` gives `` lang="th"`` for a Thai name on a Khmer
page and nothing for a Khmer or Latin one; ``{{ text|script_spans:LANGUAGE_CODE }}`` prints text that may mix
scripts (a Thai delivery record followed by "Receipt number" in Burmese) with each run in a script other than the
page's in its own ``<span lang>``. Both take a language code (no query) or a page (its locale, a query unless loaded).
"""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# The scripts of the site's content languages besides Latin (the ranges the checks of tests/site_project use).
SCRIPTS = {
    "th": "\u0e00-\u0e7f",
    "km": "\u1780-\u17ff\u19e0-\u19ff",
    "my": "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff",
}
_LETTER = {language: re.compile(f"[{chars}]") for language, chars in SCRIPTS.items()}
LATIN = "A-Za-z\u00c0-\u024f"
# A run of one script: from its first letter to its last before a letter of another script, Latin included (what
# lies between, spaces, digits, punctuation, goes with it): "รายชื่อ Receipt number: กก 0201" is two Thai runs.
_RUN = re.compile(
    "|".join(
        f"(?P<{language}>[{chars}](?:[^{''.join(v for k, v in SCRIPTS.items() if k != language)}{LATIN}]*[{chars}])?)"
        for language, chars in SCRIPTS.items()
    )
)


def _language_of(page) -> str:
    """The page's language code (or ``page`` itself when given as a code)."""
    if isinstance(page, str):
        return page
    locale = getattr(page, "locale", None)
    return getattr(locale, "language_code", "")


@register.filter
def lang_attr(obj, page) -> str:
    """`` lang="…"`` when ``obj`` is in another locale than ``page``, else an empty string."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None or locale_id == getattr(page, "locale_id", None):
        return ""
    return format_html(' lang="{}"', obj.locale.language_code)


@register.filter
def script_lang(text, page) -> str:
    """`` lang="…"`` when ``text`` is written in one of the scripts above and it is not ``page``'s language's;
    nothing for Latin text, text in the page's script, or text that mixes them (print it with ``script_spans``)."""
    found = [language for language, letter in _LETTER.items() if letter.search(str(text or ""))]
    if len(found) != 1 or found[0] == _language_of(page).split("-")[0]:
        return ""
    return format_html(' lang="{}"', found[0])


@register.filter
def script_spans(text, page) -> SafeString:
    """``text``, escaped, with each run written in a script other than ``page``'s language's in a
    ``<span lang="…">``."""
    text = str(text or "")
    language = _language_of(page).split("-")[0]
    parts, end = [], 0
    for run in _RUN.finditer(text):
        script = run.lastgroup
        if script == language:
            continue
        parts.append(conditional_escape(text[end : run.start()]))
        parts.append(format_html('<span lang="{}">{}</span>', script, run.group()))
        end = run.end()
    parts.append(conditional_escape(text[end:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
