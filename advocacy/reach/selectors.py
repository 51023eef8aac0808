"""Reads: a partner's referral links, the signatures and RSVPs that came through them and the signers who want
its news.

A fixed number of queries whatever the number of signatures, RSVPs or pages: the signature counts are read from
the tallies plus the confirmed rows the aggregator has not folded in yet, in one statement for every petition at
once, and the RSVPs in one grouped query for every campaign at once.
"""

import dataclasses
import datetime
from collections.abc import Iterable
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from campaigns.models import CampaignPage, EventRSVP
from partners.models import Representative
from petitions.models import PetitionPage, Signature, SignatureStatus, SignatureTally, UpdatesConsent
from site_project.public_url import absolute_url

from .links import PartnerIdentity, partner_identity, qr_svg_inline, referral_url

PETITION = "petition"
CAMPAIGN = "campaign"


@dataclasses.dataclass(frozen=True)
class Referral:
    """One page a partner can share: its link with the partner's source, and what came through it."""

    kind: str  # PETITION or CAMPAIGN
    page: Page  # in the reader's language where translated
    url: str
    count_id: int  # the id the page's signatures or consents are recorded under (its default-language page)
    signatures: int | None = None  # petitions only
    rsvps: int | None = None  # campaigns only: replies to its events, in any of its languages
    subscribers: int | None = None  # petitions the partner co-sponsors only

    @cached_property
    def qr_svg(self) -> SafeString:
        return qr_svg_inline(self.url, title=_("QR code for %(title)s") % {"title": self.page.title})

    def _qr_url(self, file_type: str) -> str:
        return reverse(
            "advocacy_reach:qr", kwargs={"kind": self.kind, "page_id": self.page.pk, "file_type": file_type}
        )

    @property
    def qr_svg_url(self) -> str:
        return self._qr_url("svg")

    @property
    def qr_png_url(self) -> str:
        return self._qr_url("png")

    @property
    def subscribers_url(self) -> str:
        return reverse("advocacy_reach:subscribers", kwargs={"petition_id": self.page.pk})


@dataclasses.dataclass(frozen=True)
class Reach:
    partner: Page
    identity: PartnerIdentity
    petitions: list[Referral]
    campaigns: list[Referral]
    co_sponsored: list[Referral]

    @property
    def total_signatures(self) -> int:
        return sum(referral.signatures or 0 for referral in self.petitions)


# --- What can be shared ----------------------------------------------------------------------------------------
def open_petitions():
    return PetitionPage.objects.live().public().accepting()


def upcoming_campaigns(today: datetime.date | None = None):
    """Campaigns not over yet: by their last day, else their first, else their key date."""
    today = today or timezone.localdate()
    return (
        CampaignPage.objects.live()
        .public()
        .filter(
            Q(end_date__gte=today)
            | Q(end_date__isnull=True, start_date__gte=today)
            | Q(end_date__isnull=True, start_date__isnull=True, key_date__gte=today)
        )
        .defer("body")
    )


def co_sponsored_petitions(identity: PartnerIdentity):
    return PetitionPage.objects.live().filter(co_sponsors__in=identity.page_ids).distinct()


def _one_per_translation(pages: Iterable[Page], locale: Locale) -> list[Page]:
    """Each page once: in ``locale`` where translated, else in the site's default language, else the oldest."""

    def rank(page):
        return (page.locale_id != locale.pk, page.locale.language_code != settings.LANGUAGE_CODE, page.pk)

    chosen: dict = {}
    for page in pages:
        best = chosen.get(page.translation_key)
        if best is None or rank(page) < rank(best):
            chosen[page.translation_key] = page
    return list(chosen.values())


def _count_ids(pages: list[Page]) -> dict:
    """translation key → the id signatures are counted under, as ``petitions.selectors.canonical_petition_id``
    decides it (the default-language translation, else the oldest), for every page in one query."""
    rows = (
        Page.objects.filter(translation_key__in={page.translation_key for page in pages})
        .order_by("pk")
        .values_list("pk", "translation_key", "locale__language_code")
    )
    found: dict = {}
    for pk, key, language in rows:
        if key not in found or (
            language == settings.LANGUAGE_CODE and found[key][1] != settings.LANGUAGE_CODE
        ):
            found[key] = (pk, language)
    return {key: pk for key, (pk, _language) in found.items()}


def _referrals(kind: str, pages: list[Page], identity: PartnerIdentity, request) -> list[Referral]:
    count_ids = _count_ids(pages) if kind == PETITION else {}
    return [
        Referral(
            kind=kind,
            page=page,
            url=referral_url(absolute_url(page.get_url(request) or ""), identity.source),
            count_id=count_ids.get(page.translation_key, page.pk),
        )
        for page in pages
    ]


# --- What came through them --------------------------------------------------------------------------------------
def signatures_through(petition_ids: list[int], sources: Iterable[str]) -> dict[int, int]:
    """Confirmed signatures per petition that came with one of ``sources``: tallies plus the rows not folded in
    yet, less those counted and since invalidated, read in one statement (one snapshot, as the public count)."""
    sources = list(sources)
    if not petition_ids or not sources:
        return {}
    tally = SignatureTally._meta.db_table
    signature = Signature._meta.db_table
    ids = ", ".join(["%s"] * len(petition_ids))
    named = ", ".join(["%s"] * len(sources))
    # As in petitions.selectors.totals_by: without statistics SQLite would read every confirmed signature for
    # the waiting rows, where the partial index holds only the few the aggregator has not folded in yet.
    waiting_index = "INDEXED BY petitions_sig_uncounted" if connection.vendor == "sqlite" else ""
    confirmed = SignatureStatus.CONFIRMED.value  # a literal, so that SQLite sees the partial index applies
    sql = f"""
        SELECT petition_id, SUM(n) FROM (
            SELECT petition_id, SUM("count") AS n FROM {tally}
                WHERE petition_id IN ({ids}) AND source IN ({named}) GROUP BY petition_id
            UNION ALL
            SELECT petition_id, COUNT(*) AS n FROM {signature} {waiting_index}
                WHERE petition_id IN ({ids}) AND NOT counted AND status = '{confirmed}' AND source IN ({named})
                GROUP BY petition_id
            UNION ALL
            SELECT petition_id, -COUNT(*) AS n FROM {signature}
                WHERE petition_id IN ({ids}) AND counted AND NOT (status = '{confirmed}') AND source IN ({named})
                GROUP BY petition_id
        ) AS parts GROUP BY petition_id
    """  # noqa: S608  (names come from the models, the status from its enum; ids and sources are parameters)
    params = [*petition_ids, *sources, *petition_ids, *sources, *petition_ids, *sources]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {petition_id: int(total) for petition_id, total in cursor.fetchall() if total}


def rsvps_through(translation_keys: Iterable, sources: Iterable[str]) -> dict:
    """RSVPs per campaign (by translation key, so a reply on any translation counts) sent from a campaign page
    opened with one of ``sources``, in one grouped query."""
    translation_keys, sources = list(translation_keys), list(sources)
    if not translation_keys or not sources:
        return {}
    rows = (
        EventRSVP.objects.filter(campaign__translation_key__in=translation_keys, source__in=sources)
        .values_list("campaign__translation_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def subscribers(*, petition_id: int, identity: PartnerIdentity):
    """Consents to the partner's news that still stand, of confirmed signers of the petition, oldest first."""
    return UpdatesConsent.objects.filter(
        partner_id__in=identity.page_ids,
        withdrawn_at__isnull=True,
        signature__petition_id=petition_id,
        signature__status=SignatureStatus.CONFIRMED,
    ).order_by("consented_at", "pk")


def _subscriber_counts(petition_ids: list[int], identity: PartnerIdentity) -> dict[int, int]:
    rows = (
        UpdatesConsent.objects.filter(
            partner_id__in=identity.page_ids,
            withdrawn_at__isnull=True,
            signature__petition_id__in=petition_ids,
            signature__status=SignatureStatus.CONFIRMED,
        )
        .values_list("signature__petition_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


# --- Together ------------------------------------------------------------------------------------------------------
def reach_for(representative: Representative, request) -> Reach:
    """Everything the portal shows a partner of its reach, in the reader's language."""
    partner = representative.partner
    identity = partner_identity(partner)
    locale = Locale.get_active()
    petitions = _referrals(
        PETITION,
        _one_per_translation(
            open_petitions().select_related("locale").order_by("-first_published_at"), locale
        ),
        identity,
        request,
    )
    co_sponsored = _referrals(
        PETITION,
        _one_per_translation(
            co_sponsored_petitions(identity).select_related("locale").order_by("-first_published_at"), locale
        ),
        identity,
        request,
    )
    campaigns = _referrals(
        CAMPAIGN,
        _one_per_translation(
            upcoming_campaigns().select_related("locale").order_by("start_date", "pk"), locale
        ),
        identity,
        request,
    )
    counts = signatures_through([referral.count_id for referral in petitions], identity.sources)
    rsvps = rsvps_through([referral.page.translation_key for referral in campaigns], identity.sources)
    consents = _subscriber_counts([referral.count_id for referral in co_sponsored], identity)
    return Reach(
        partner=partner,
        identity=identity,
        petitions=[
            dataclasses.replace(referral, signatures=counts.get(referral.count_id, 0))
            for referral in petitions
        ],
        campaigns=[
            dataclasses.replace(referral, rsvps=rsvps.get(referral.page.translation_key, 0))
            for referral in campaigns
        ],
        co_sponsored=[
            dataclasses.replace(referral, subscribers=consents.get(referral.count_id, 0))
            for referral in co_sponsored
        ],
    )


def shareable_page(kind: str, page_id: int) -> Page:
    """An open petition or upcoming campaign by id, for its QR code; any other id is not found."""
    pages = {PETITION: open_petitions(), CAMPAIGN: upcoming_campaigns()}.get(kind)
    page = pages.filter(pk=page_id).first() if pages is not None else None
    if page is None:
        raise Http404
    return page


def co_sponsored_petition(identity: PartnerIdentity, page_id: int) -> PetitionPage:
    """A petition the partner co-sponsors, by the id of any of its translations; any other id is not found."""
    petition = co_sponsored_petitions(identity).filter(pk=page_id).first()
    if petition is None:
        raise Http404
    return petition
