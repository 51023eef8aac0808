"""Template tags for the advocacy admin screens: ``{% load advocacy_tags %}``."""

from django import template

from ..surveys.views import chart_url_for_inbox_form

register = template.Library()


# --- Surveys ----------------------------------------------------------------------------------------------------


@register.simple_tag
def survey_chart_url(filters, user) -> str:
    """The charts of the survey the inbox is filtered to, if it is one and ``user`` may read its answers."""
    if not filters.is_bound or not filters.is_valid() or not filters.cleaned_data.get("form"):
        return ""
    return chart_url_for_inbox_form(form_id=filters.cleaned_data["form"], user=user)
