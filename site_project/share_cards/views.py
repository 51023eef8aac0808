"""The share card of a page, at ``/<language>/share-card/<page id>.png``: anonymous, cacheable, never a 500."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from ..chrome import get_chrome
from .cards import card_png, page_card

CARD_HTTP_SECONDS = 60 * 60  # a shared cache or a browser keeps a card an hour; a new count gets a new ?v=
FALLBACK_HTTP_SECONDS = 60  # a fallback is kept a minute: the card may be drawn at the next try
DEFAULT_CARD = "img/share-card.png"


@require_safe
def share_card(request, page_id: int):
    language = translation.get_language()
    page = Page.objects.live().public().filter(pk=page_id, locale__language_code=language).specific().first()
    text = page_card(page, language=language) if page is not None else None
    if text is None:
        raise Http404("This page has no share card.")
    png = card_png(
        page, text, organisation=get_chrome(language, request).organisation_name, language=language
    )
    if png is None:
        image = getattr(page, "social_image", None)
        response = redirect(
            image.get_rendition("fill-1200x630|format-jpeg").url if image else static(DEFAULT_CARD)
        )
        patch_cache_control(response, public=True, max_age=FALLBACK_HTTP_SECONDS)
        return response
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=CARD_HTTP_SECONDS)
    return response
