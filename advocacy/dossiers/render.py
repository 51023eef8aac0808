"""The dossier as a PDF: a Django template (``advocacy/dossiers/dossier.html``) rendered by WeasyPrint, which
shapes Thai, Khmer and Burmese through HarfBuzz with the fonts the set-up installs.

One section per language (Thai and English, and the petition's own language when it is Khmer or Burmese), each
printed in that language: the demand, the targets, the co-signing organisations and their statements, the totals
by province and by week, how the signatures were checked, the date, the digest and a QR code to the verify page.
Everything comes from the dossier row and a handful of page reads: the size of the petition does not matter.
"""

from dataclasses import dataclass

import segno
import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from petitions.models import PetitionPage
from petitions.selectors import approved_cosignatures
from site_project.public_url import absolute_url

from .digest import grouped
from .models import Dossier
from .totals import province_rows, week_rows

TEMPLATE = "advocacy/dossiers/dossier.html"
LANGUAGE_NAMES = {"th": "ไทย", "en": "English", "km": "ខ្មែរ", "my": "မြန်မာ"}


def verify_url(dossier: Dossier, language: str) -> str:
    """The verify page's absolute address in ``language``: ``<PUBLIC_URL>/<language>/verify/<code>/``."""
    with translation.override(language):
        return absolute_url(reverse("dossier_verify", args=[dossier.code]))


def original_language(petition: PetitionPage) -> str:
    """The language the petition was first written in (its oldest translation's)."""
    first = (
        Page.objects.filter(translation_key=petition.translation_key)
        .order_by("pk")
        .values_list("locale__language_code", flat=True)
        .first()
    )
    return first or settings.LANGUAGE_CODE


def translations_of(petition: PetitionPage) -> dict[str, PetitionPage]:
    """The petition in each language it is translated into, the original's language first."""
    pages = PetitionPage.objects.filter(translation_key=petition.translation_key).select_related("locale")
    return {page.locale.language_code: page for page in pages.order_by("pk")}


@dataclass(frozen=True)
class Section:
    language: str
    language_name: str
    page: PetitionPage
    targets: list
    provinces: list
    verify_url: str


def sections(dossier: Dossier, pages: dict[str, PetitionPage]) -> list[Section]:
    fallback = pages.get(settings.LANGUAGE_CODE) or dossier.petition
    found = []
    for language in dossier.languages:
        page = pages.get(language) or fallback
        found.append(
            Section(
                language=language,
                language_name=LANGUAGE_NAMES.get(language, language),
                page=page,
                targets=[str(target) for target in page.localized_targets()],
                provinces=province_rows(dossier.totals, language),
                verify_url=verify_url(dossier, language),
            )
        )
    return found


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff")


def dossier_html(dossier: Dossier) -> str:
    pages = translations_of(dossier.petition)
    found = sections(dossier, pages)
    context = {
        "dossier": dossier,
        "sections": found,
        "organisations": [
            {"name": cosignature.partner.title, "statement": cosignature.statement}
            for cosignature in approved_cosignatures(dossier.petition_id)
        ],
        "weeks": week_rows(dossier.totals),
        "digest": grouped(dossier.digest),
        "qr": qr_svg(found[0].verify_url if found else verify_url(dossier, settings.LANGUAGE_CODE)),
        "confirmation_hours": settings.PETITION_CONFIRMATION_HOURS,
    }
    with translation.override(dossier.languages[0] if dossier.languages else settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, context)


def render_pdf(dossier: Dossier) -> bytes:
    """The dossier's PDF, from its stored totals and digest."""
    return weasyprint.HTML(string=dossier_html(dossier), base_url=settings.PUBLIC_URL).write_pdf()
