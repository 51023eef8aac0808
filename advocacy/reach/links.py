"""A partner's referral source, the links that carry it, and their QR codes (SVG inline, SVG or PNG files)."""

import io
from dataclasses import dataclass
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from petitions.identity import clean_source

QR_ERROR_LEVEL = "m"  # survives a smudged print or a cracked phone screen
QR_SCALE_INLINE = 4
QR_SCALE_FILE = 10  # sharp enough for a printed poster


@dataclass(frozen=True)
class PartnerIdentity:
    """How a partner is recognised in signatures and consents, whichever translation of its page they name."""

    page_ids: tuple[int, ...]  # every translation of the partner's page
    source: str  # what its links carry: ?src=<source>
    sources: tuple[str, ...]  # every source that counts as the partner's: the slugs of all its translations


def partner_identity(partner: Page) -> PartnerIdentity:
    """The partner's source is the slug of its page in the site's default language, as ``?src=`` keeps it.

    The same in every language, so a printed QR code and links in a Thai and an English post count together.
    The slugs of its other translations count as the partner's too, as the staff dashboard counts them.
    """
    translations = list(
        Page.objects.filter(translation_key=partner.translation_key)
        .order_by("pk")
        .values_list("pk", "slug", "locale__language_code")
    )
    default = [slug for _pk, slug, language in translations if language == settings.LANGUAGE_CODE]
    source = clean_source(default[0] if default else translations[0][1])
    if (
        not source
    ):  # a slug in Thai letters only: fall back on the part of the translation key that never changes
        source = f"partner-{partner.translation_key.hex[:12]}"
    slugs = [clean_source(slug) for _pk, slug, _language in translations]
    return PartnerIdentity(
        page_ids=tuple(pk for pk, _slug, _language in translations),
        source=source,
        sources=tuple(dict.fromkeys([source, *filter(None, slugs)])),
    )


def referral_url(page_url: str, source: str) -> str:
    return f"{page_url}?{urlencode({'src': source})}"


def qr_svg_inline(url: str, *, title: str) -> SafeString:
    """The QR code as an ``<svg>`` element to put in a page: sized by CSS, named by its ``<title>``."""
    code = segno.make(url, error=QR_ERROR_LEVEL)
    # segno escapes the title it writes; the SVG is otherwise made of numbers and fixed names.
    svg = code.svg_inline(scale=QR_SCALE_INLINE, title=title, svgclass="reach-qr", omitsize=True)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308


def qr_file(url: str, *, kind: str) -> bytes:
    """The QR code as a file to download: ``kind`` is ``svg`` or ``png``."""
    out = io.BytesIO()
    segno.make(url, error=QR_ERROR_LEVEL).save(out, kind=kind, scale=QR_SCALE_FILE)
    return out.getvalue()
