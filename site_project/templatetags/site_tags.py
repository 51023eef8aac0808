"""Tags every template uses: the Buddhist-Era date filter, the chrome, language links and quick exit."""

import datetime

from django import template
from django.utils import formats, timezone, translation

from .. import chrome as site_chrome
from ..models import SiteSettings
from ..public_url import absolute_url

register = template.Library()

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
BUDDHIST_ERA_OFFSET = 543
OG_LOCALES = {"th": "th_TH", "en": "en_GB", "km": "km_KH", "my": "my_MM"}


@register.filter
def thai_date(value, style: str = "long") -> str:
    """A date as readers of the active language expect it; in Thai, in the Buddhist Era.

    ``{{ page.first_published_at|thai_date }}`` gives ``25 พฤศจิกายน 2568`` in Thai and
    ``25 November 2025`` in English. ``|thai_date:"short"`` gives ``25 พ.ย. 2568``.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if translation.get_language() == "th":
        months = THAI_MONTHS_SHORT if style == "short" else THAI_MONTHS
        return f"{value.day} {months[value.month - 1]} {value.year + BUDDHIST_ERA_OFFSET}"
    if style == "short":
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return formats.date_format(value, "j F Y")


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
    """Canonical address, hreflang alternates and Open Graph values for the page being shown."""
    request = context.get("request")
    page = context.get("page")
    if page is None or request is None or not getattr(page, "pk", None):
        return {}
    language = translation.get_language() or "th"
    canonical = absolute_url(page.get_url(request))
    alternates = [
        {
            "code": other.locale.language_code,
            "url": absolute_url(other.get_url(request)),
        }
        for other in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .order_by("locale_id")
    ]
    default = next((alt for alt in alternates if alt["code"] == "th"), None)
    image = getattr(page, "social_image", None) or getattr(page, "hero_image", None)
    image_url = image_width = image_height = ""
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        image_url = absolute_url(rendition.url)
        image_width, image_height = rendition.width, rendition.height
    description = page.search_description or getattr(page, "intro", "") or ""
    return {
        "canonical": canonical,
        "alternates": alternates,
        "x_default": default["url"] if default else "",
        "title": page.seo_title or page.title,
        "description": description[:300],
        "og_type": getattr(page, "og_type", "website"),
        "og_locale": OG_LOCALES.get(language, language),
        "image_url": image_url,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": getattr(page, "hero_image_alt", "") or page.title,
    }
