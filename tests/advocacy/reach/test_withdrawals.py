"""A signer who stops one co-sponsor's news is left out of that co-sponsor's very next download, and stays in the
others' and the organiser's lists.

Personas (``conftest``): ``rep`` speaks for ``our_partner``, ``other_rep`` for ``other_partner``; here both
co-sponsor the petition, and ``somying`` asked for news from the organiser and from both.
"""

import pytest

from petitions.models import UpdatesConsent
from petitions.tasks import unsubscribe_token

from .helpers import add_signature, csv_rows, download_signers


@pytest.fixture
def somying(petition, our_partner, other_partner):
    petition.co_sponsors.set([our_partner, other_partner])
    petition.save_revision().publish()
    signature = add_signature(petition, consent_to=our_partner, name="สมหญิง ใจดี")
    for partner in (other_partner, None):
        UpdatesConsent.objects.create(
            signature=signature,
            partner=partner,
            notice_version="2026-03",
            consented_at=signature.consented_at,
        )
    return signature


def names_in_download(client, petition) -> list[str]:
    header, *rows = csv_rows(download_signers(client, petition))
    return [row[1] for row in rows]


def test_a_withdrawal_from_one_co_sponsor_is_honoured_at_once_and_keeps_the_others(
    client, client_as, rep, other_rep, petition, our_partner, other_partner, somying
):
    ours, theirs = client_as(rep), client_as(other_rep)
    assert names_in_download(ours, petition) == ["สมหญิง ใจดี"]
    assert names_in_download(theirs, petition) == ["สมหญิง ใจดี"]

    response = client.post(
        f"/th/petitions/unsubscribe/{unsubscribe_token(somying.pk)}/",
        {"organisations": [str(our_partner.pk)], "withdraw": "chosen"},
    )
    assert response.status_code == 200

    assert names_in_download(ours, petition) == []
    assert names_in_download(theirs, petition) == ["สมหญิง ใจดี"]
    organiser = UpdatesConsent.objects.get(signature=somying, partner__isnull=True)
    assert organiser.withdrawn_at is None
