"""Derived values for campaign templates: RSVP forms, share links and the sharing and search-engine tags."""

from urllib.parse import quote, urlencode

from django import template

from petitions.identity import source_from_query
from site_project.public_url import absolute_url

from ..forms import RSVPForm

register = template.Library()


@register.simple_tag(takes_context=True)
def rsvp_form(context, block_id: str):
    """The RSVP form for one event: the submitted one with its errors, or a fresh one that keeps where the reader
    came from (``?src=`` or UTM tags), as the sign form does. The page cache keeps a copy per source."""
    sent = context.get("rsvp_forms") or {}
    if block_id in sent:
        return sent[block_id]
    request = context.get("request")
    source = source_from_query(request.GET) if request is not None else ""
    for form in sent.values():  # the page shown again at the RSVP address: the source the reply came with
        source = source or form.sent_source()
    return RSVPForm.for_event(context["page"], block_id, source=source)


@register.simple_tag(takes_context=True)
def share_links(context, message: str = "", hashtags: str = "") -> dict:
    """LINE and Facebook share addresses for the current page, with the message in the page's language."""
    request = context.get("request")
    page = context.get("page")
    page_url = absolute_url(page.get_url(request)) if page is not None and request else ""
    text = " ".join(part for part in (message, hashtags, page_url) if part)
    return {
        "page_url": page_url,
        "text": text,
        "line": "https://line.me/R/share?text=" + quote(text),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": page_url}),
    }
