"""Burmese typed in the Zawgyi font encoding, found and stored as Unicode.

Many phones in Myanmar, and many of the migrant workers who carried them to Thailand, still type Zawgyi: text
that looks right only in a Zawgyi font and is nonsense to every other reader, search and sort. Google's
``myanmartools`` model says how likely a run of Burmese is Zawgyi; ICU's ``Zawgyi-my`` transform converts it.
Every public form mixes in ``UnicodeBurmeseForm``, so what a person typed is stored in the one encoding the site
shows, searches and exports; the site search normalises queries with ``as_unicode`` too.
"""

import re
import threading

import icu
from myanmartools import ZawgyiDetector

MYANMAR_RUN = re.compile(r"[\u1000-\u109f][\u1000-\u109f\s]*")
ZAWGYI_THRESHOLD = 0.95  # the threshold Google recommends for its detector

_local = threading.local()  # ICU's transforms are not safe to share between threads


def _detector() -> ZawgyiDetector:
    if not hasattr(_local, "detector"):
        _local.detector = ZawgyiDetector()
    return _local.detector


def _run_as_unicode(run: str) -> str:
    if _detector().get_zawgyi_probability(run) < ZAWGYI_THRESHOLD:
        return run
    if not hasattr(_local, "zawgyi"):
        _local.zawgyi = icu.Transliterator.createInstance("Zawgyi-my")
    return _local.zawgyi.transliterate(run)


def as_unicode(text: str) -> str:
    """``text`` with each run of Burmese that is Zawgyi converted to Unicode; anything else left as it was."""
    if not text or not MYANMAR_RUN.search(text):
        return text
    return MYANMAR_RUN.sub(lambda match: _run_as_unicode(match.group()), text)


class UnicodeBurmeseForm:
    """A form mixin: every text a person typed is cleaned into Unicode Burmese before the form's own checks."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = as_unicode(value)
        return cleaned
