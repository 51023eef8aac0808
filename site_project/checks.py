"""System checks for production settings (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning

from .share_cards import drawing

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list:
    """Rate limits and login throttles count in the cache: a per-process one lets each worker count alone."""
    if settings.DEBUG or settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        CheckWarning(
            "CACHE_URL is a per-process cache: with several web workers, every rate limit and login "
            "throttle lets through that many times its limit, and each worker keeps its own page cache.",
            hint="Set CACHE_URL to a shared cache: redis://host:6379/0 (several machines or processes), "
            "or file:///path/to/dir (one machine).",
            id="site_project.W001",
        )
    ]


@register(deploy=True)
def check_share_cards(app_configs, **kwargs) -> list:
    """Share cards need Pillow built with Raqm and the Thai, Khmer and Burmese fonts; without them every petition
    and campaign is shared with the default card."""
    problems = []
    if not drawing.raqm_available():
        problems.append("Pillow has no Raqm layout engine (libraqm)")
    if missing := drawing.missing_fonts():
        problems.append("fonts are missing: " + ", ".join(str(path) for path in missing))
    if not problems:
        return []
    return [
        CheckWarning(
            "Share cards cannot be drawn: "
            + "; ".join(problems)
            + ". Links are shared with the default card.",
            hint="Run bin/install-fonts, and install libraqm0 (Debian) for Pillow.",
            id="site_project.W002",
        )
    ]
