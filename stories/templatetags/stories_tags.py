"""Derived values for story templates: the schema.org Article data."""

from django import template

from site_project.public_url import absolute_url
from site_project.structured_data import json_ld, schema_date

register = template.Library()


@register.simple_tag(takes_context=True)
def story_json_ld(context) -> str:
    page = context["page"]
    request = context.get("request")
    storyteller = context.get("storyteller") or page.storyteller
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": page.intro,
        "inLanguage": page.locale.language_code,
        "author": {"@type": "Person", "name": storyteller.public_name},
        "datePublished": schema_date(page.first_published_at) if page.first_published_at else None,
        "dateModified": schema_date(page.last_published_at or page.first_published_at)
        if page.first_published_at
        else None,
    }
    if request is not None:
        data["url"] = absolute_url(page.get_url(request))
        image = page.social_image or page.image
        if image is not None:
            data["image"] = absolute_url(image.get_rendition("fill-1200x630|format-jpeg").url)
    chrome = context.get("chrome")
    if chrome is not None:
        data["publisher"] = {"@type": "Organization", "name": chrome.organisation_name}
    return json_ld({key: value for key, value in data.items() if value is not None})
