"""Tags every template uses: the Buddhist-Era date filter, the chrome, language links and quick exit."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator

from .. import chrome as site_chrome
from .. import dates, memo, share_cards
from ..models import SiteSettings
from ..public_url import absolute_url

register = template.Library()

OG_LOCALES = {"th": "th_TH", "en": "en_GB", "km": "km_KH", "my": "my_MM"}
DESCRIPTION_CHARACTERS = 200


@register.filter
def thai_date(value, style: str = "long") -> str:
    """``{{ page.first_published_at|thai_date }}``: ``25 พฤศจิกายน 2568`` in Thai, ``25 November 2025`` in
    English; ``|thai_date:"short"`` gives ``25 พ.ย. 2568``. See ``site_project.dates``."""
    return dates.display_date(value, style)


@register.filter
def thai_datetime(value, style: str = "long") -> str:
    """``{{ submission.created_at|thai_datetime }}``: ``25 พฤศจิกายน 2568 เวลา 14:05 น.`` in Thai."""
    return dates.display_datetime(value, style)


@register.filter
def display_year(year) -> str:
    """``{{ campaign.year|display_year }}``: 2568 for Thai readers, 2025 for others."""
    return dates.display_year(year)


@register.simple_tag
def page_number_url(query_string: str, number: int) -> str:
    """A pagination link that keeps the active filters (``components/_pagination.html``)."""
    return "?" + "&".join(part for part in (query_string, f"page={number}") if part)


@register.simple_tag(takes_context=True)
def get_chrome(context):
    return site_chrome.get_chrome(request=context.get("request"))


@register.simple_tag(takes_context=True)
def get_language_links(context, chrome):
    return site_chrome.language_links(page=context.get("page"), request=context.get("request"), chrome=chrome)


@register.simple_tag(takes_context=True)
def quick_exit_needed(context) -> bool:
    page = context.get("page")
    if page is not None and getattr(page, "shows_quick_exit", None) and page.shows_quick_exit():
        return True
    if context.get("sensitive"):
        return True
    request = context.get("request")
    if request is None:
        return False
    return SiteSettings.for_request(request).quick_exit_everywhere


@register.simple_tag(takes_context=True)
def page_meta(context) -> dict:
    """Canonical address, hreflang alternates, description and Open Graph values for the page being shown."""
    request = context.get("request")
    page = context.get("page")
    if page is None or request is None or not getattr(page, "pk", None):
        return {}
    language = translation.get_language() or "th"
    canonical = absolute_url(page.get_url(request))
    alternates = [
        {"code": other.locale.language_code, "url": absolute_url(other.get_url(request))}
        for other in memo.remember(
            ("alternates", page.translation_key),
            lambda: list(
                page.get_translations(inclusive=True).live().select_related("locale").order_by("locale_id")
            ),
        )
    ]
    default = next((alt for alt in alternates if alt["code"] == settings.LANGUAGE_CODE), None)
    return {
        "canonical": canonical,
        "alternates": alternates,
        "x_default": default["url"] if default else canonical,
        "title": page.seo_title or page.title,
        "description": page_description(page),
        "og_type": getattr(page, "og_type", "website"),
        "og_locale": OG_LOCALES.get(language, language),
        **_sharing_image(page, context),
    }


def page_description(page) -> str:
    """What the editor wrote for search engines, else the page's own summary, introduction or description."""
    for field in ("search_description", "summary", "intro", "description"):
        text = " ".join(str(getattr(page, field, "") or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_CHARACTERS)
    return ""


def _sharing_image(page, context) -> dict:
    """The editor's sharing image; else the page's share card (petitions, campaigns); else its main image."""
    image = getattr(page, "social_image", None)
    language = translation.get_language()  # the page's: Wagtail serves each translation under its language
    card = share_cards.page_card(page, language=language) if image is None else None
    if card is not None:
        chrome = context.get("chrome") or site_chrome.get_chrome(request=context.get("request"))
        return {
            "image_url": share_cards.card_url(
                page, card, organisation=chrome.organisation_name, language=language
            ),
            "image_width": 1200,
            "image_height": 630,
            "image_alt": share_cards.card_alt(card),
        }
    image = image or getattr(page, "hero_image", None)
    if image is None:
        return {}
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return {
        "image_url": absolute_url(rendition.url),
        "image_width": rendition.width,
        "image_height": rendition.height,
        "image_alt": getattr(page, "hero_image_alt", "") or page.title,
    }
