"""The sign form and live count anywhere: ``{% petition_sign_context petition request as sign %}`` then
``{% include "petitions/_sign_form.html" with sign=sign %}``. Campaigns and stories use these; what they
compute is in ``page_context`` and ``selectors``."""

from django import template
from django.utils import translation

from site_project.provinces import names_in

from ..page_context import sign_context
from ..selectors import public_count

register = template.Library()


@register.simple_tag
def petition_sign_context(petition, request, *, action: str = "", form=None) -> dict:
    """Everything the sign form include needs (``page_context.sign_context``)."""
    return sign_context(petition, request, action=action, form=form)


@register.simple_tag
def petition_count(petition) -> int:
    """The public count of a petition (any translation), a few seconds old at most."""
    return public_count(getattr(petition, "pk", petition))


@register.filter
def province_name(code: str) -> str:
    return names_in(translation.get_language()).get(code, code)


@register.filter
def number(value) -> str:
    """A whole number with thousands separators: 12,345."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return ""
