"""What the reach tests share: the portal's reach page, a signature (through a link, with consent to a
partner's news, or signed from a page's form), the count the page shows, and the co-sponsors' download.
"""

import csv
import io
import re

from django.utils import timezone

from petitions.factories import (
    SignatureFactory,
)
from petitions.models import UpdatesConsent

REACH = "/th/account/reach/"
CONFIRM_LINK = re.compile(r"/petitions/confirm/([A-Za-z0-9_-]+)/")
LINK_INPUT = re.compile(r'<input id="reach-link-petition-\d+" type="text" readonly value="([^"]+)">')
BOM = "\ufeff"


def add_signature(petition, *, source="", consent_to=None, withdrawn=False, confirmed=True, **fields):
    signature = SignatureFactory(petition=petition, source=source, confirmed=confirmed, **fields)
    if consent_to is not None:
        UpdatesConsent.objects.create(
            signature=signature,
            partner=consent_to,
            notice_version=fields.get("consent_notice_version", "2026-03"),
            consented_at=fields.get("consented_at", signature.consented_at),
            withdrawn_at=timezone.now() if withdrawn else None,
        )
    return signature


def sign_from_page(client, petition, page: str) -> None:
    """Sign ``petition`` with the sign form of ``page`` (its HTML): its referral source and form token."""
    client.post(
        f"/th/petitions/sign/{petition.pk}/",
        {
            "name": "สมหญิง ใจดี",
            "email": "somying@example.org",
            "province": "chiang-rai",
            "consent": "on",
            "source": re.search(r'name="source" value="([^"]*)"', page).group(1),
            "form_token": re.search(r'name="form_token" value="([^"]*)"', page).group(1),
        },
    )


def count_on_reach_page(response, petition) -> int:
    found = re.search(
        rf'id="reach-petition-{petition.pk}">.*?<strong>(\d+)</strong>', response.content.decode(), re.S
    )
    assert found, "the petition's count is on the page"
    return int(found.group(1))


def download_signers(client, petition, language: str = "th"):
    return client.post(f"/{language}/account/reach/subscribers/{petition.pk}/")


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:])))
