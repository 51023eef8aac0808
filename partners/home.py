"""What the home page shows of the coalition (``site_project.home``): a few partners, those with logos first,
and the way to the directory."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from site_project import memo

from .models import PartnerContacts, PartnerIndexPage, PartnerPage

PARTNERS = 8


def home_partners(page, limit: int = PARTNERS) -> list[PartnerPage]:
    """Listed partners in the page's language, those with a logo first, each group in the directory's order.

    Two reads, each stopping at ``limit`` on the directory's sort index, rather than one ordered by "has a
    logo": at 5,000 partners that one sorted them all (22 ms on PostgreSQL) to show eight."""
    listed = (
        PartnerPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(translation_key__in=PartnerContacts.objects.unlisted_keys())
        .prefetch_related(Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions()))
        .order_by("sort_key", "pk")
    )
    partners = list(listed.filter(logo__isnull=False)[:limit])
    if len(partners) < limit:
        partners += listed.filter(logo__isnull=True)[: limit - len(partners)]
    return partners


def partners_section(query) -> dict | None:
    partners = home_partners(query.page)
    if not partners:
        return None
    directory = memo.remember(
        ("partners-index", query.page.pk),
        lambda: PartnerIndexPage.objects.live().child_of(query.page).first(),
    )
    return {
        "partners": [{"partner": partner, "url": partner.get_url(query.request)} for partner in partners],
        "directory_url": directory.get_url(query.request) if directory else "",
    }
