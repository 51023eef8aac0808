"""Who is refused the reach page and the signers' list: anonymous visitors, people with no organisation,
another partner, crafted ids; a lapsed member still sees its reach.
"""

from django.urls import reverse

from advocacy.reach.models import DataSharingRecord
from petitions.factories import (
    PetitionPageFactory,
)
from petitions.models import PetitionStatus

from .helpers import REACH, add_signature, count_on_reach_page, download_signers


def test_anonymous_visitors_are_sent_to_the_login_page(client, petition, subscribers):
    for response in (
        client.get(REACH),
        download_signers(client, petition),
        client.get(f"{REACH}qr/petition/{petition.pk}.svg"),
    ):
        assert response.status_code == 302
        assert "/th/account/login/" in response["Location"]
    assert not DataSharingRecord.objects.exists()


def test_a_signed_in_person_with_no_organisation_is_refused(client_as, outsider, petition):
    assert client_as(outsider).get(REACH).status_code == 403


def test_another_partner_cannot_download_the_co_sponsors_signers(client_as, other_rep, petition, subscribers):
    response = download_signers(client_as(other_rep), petition)
    assert response.status_code == 404
    assert "สมหญิง" not in response.content.decode()
    assert not DataSharingRecord.objects.exists()


def test_another_partner_sees_only_its_own_reach(client_as, other_rep, petition):
    add_signature(petition, source="stop-drink-network")
    page = client_as(other_rep).get(REACH).content.decode()
    assert "?src=foundation-b" in page
    assert "stop-drink-network" not in page
    assert count_on_reach_page(client_as(other_rep).get(REACH), petition) == 0
    assert "Signers who asked for your news" not in page and "reach-subscribers" not in page


def test_crafted_ids_and_file_types_are_not_found(client_as, rep, petition, petition_index, home):
    closed = PetitionPageFactory(parent=petition_index, slug="closed", status=PetitionStatus.CLOSED)
    closed.save_revision().publish()
    portal = client_as(rep)
    assert portal.get(f"{REACH}qr/petition/{closed.pk}.svg").status_code == 404
    assert portal.get(f"{REACH}qr/campaign/{petition.pk}.svg").status_code == 404
    assert portal.get(f"{REACH}qr/petition/{home.pk}.png").status_code == 404
    assert portal.get(f"{REACH}qr/petition/{petition.pk}.exe").status_code == 404
    assert portal.get(f"{REACH}qr/page/{petition.pk}.svg").status_code == 404
    assert download_signers(portal, closed).status_code == 404
    assert (
        portal.get(reverse("advocacy_reach:subscribers", kwargs={"petition_id": petition.pk})).status_code
        == 405
    )


def test_a_lapsed_member_still_sees_its_reach(client_as, lapsed_rep, petition):
    add_signature(petition, source="foundation-c")
    response = client_as(lapsed_rep).get(REACH)
    assert response.status_code == 200
    assert count_on_reach_page(response, petition) == 1
