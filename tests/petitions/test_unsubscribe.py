"""The unsubscribe page: a signer stops news from the organisations they choose, at once, and keeps the rest.

Personas: ``signer`` signed the nightlife petition and asked for news from its organiser and from two co-sponsors,
``network`` (translated into English) and ``foundation``; ``neighbour`` signed too and asked for the organiser's.
"""

import pytest
from django.utils import timezone

from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from petitions import services
from petitions.factories import SignatureFactory
from petitions.models import UpdatesConsent
from petitions.tasks import unsubscribe_token

from ..conftest import translate


def _consent(signature, partner=None) -> UpdatesConsent:
    return UpdatesConsent.objects.create(
        signature=signature, partner=partner, notice_version="2026-03", consented_at=timezone.now()
    )


@pytest.fixture
def directory(home):
    return PartnerIndexPageFactory(parent=home, slug="partners")


@pytest.fixture
def network(directory):
    return PartnerPageFactory(parent=directory, title="เครือข่ายองค์กรงดเหล้า", slug="stop-drink-network")


@pytest.fixture
def foundation(directory):
    return PartnerPageFactory(parent=directory, title="มูลนิธิบี", slug="foundation-b")


@pytest.fixture
def signer(petition, network, foundation):
    petition.organiser_name = "ภาคีรณรงค์"
    petition.co_sponsors.set([network, foundation])
    petition.save_revision().publish()
    signature = SignatureFactory(petition=petition, confirmed=True)
    for partner in (None, network, foundation):
        _consent(signature, partner)
    return signature


@pytest.fixture
def neighbour(petition):
    signature = SignatureFactory(petition=petition, confirmed=True)
    _consent(signature)
    return signature


def page(signature, language: str = "th") -> str:
    return f"/{language}/petitions/unsubscribe/{unsubscribe_token(signature.pk)}/"


def standing(signature) -> set:
    consents = UpdatesConsent.objects.filter(signature=signature, withdrawn_at__isnull=True)
    return {consent.partner_id for consent in consents}


# --- The page ------------------------------------------------------------------------------------------------------


def test_the_page_lists_every_organisation_the_signer_hears_from_each_ticked(
    client, signer, network, foundation
):
    response = client.get(page(signer))
    assert response.status_code == 200
    html = response.content.decode()
    for value, name in (
        ("organiser", "ภาคีรณรงค์"),
        (network.pk, "เครือข่ายองค์กรงดเหล้า"),
        (foundation.pk, "มูลนิธิบี"),
    ):
        assert f'name="organisations" value="{value}"' in html
        assert name in html
    assert html.count("checked") == 3
    assert 'name="withdraw" value="chosen"' in html and 'name="withdraw" value="all"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_co_sponsors_are_named_in_the_readers_language_where_translated(client, signer, network):
    translate(network, "en", title="Stop Drink Network")
    html = client.get(page(signer, "en")).content.decode()
    assert "Stop Drink Network" in html
    assert "มูลนิธิบี" in html  # not translated: as the signer chose it


def test_an_organisation_already_withdrawn_is_not_offered_again(client, signer, foundation):
    services.withdraw_update_consents(signature_id=signer.pk, organiser=False, partner_ids=[foundation.pk])
    html = client.get(page(signer)).content.decode()
    assert "มูลนิธิบี" not in html
    assert "ภาคีรณรงค์" in html


def test_a_signer_who_hears_from_no_one_is_told_so(client, petition):
    signature = SignatureFactory(petition=petition, confirmed=True)
    response = client.get(page(signature, "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You do not receive news about this petition from anyone." in html
    assert 'name="organisations"' not in html


def test_opening_the_link_withdraws_nothing(client, signer, network, foundation):
    client.get(page(signer))
    assert standing(signer) == {None, network.pk, foundation.pk}


# --- Withdrawing ---------------------------------------------------------------------------------------------------


def test_a_withdrawal_from_one_partner_keeps_the_others(client, signer, network, foundation):
    response = client.post(page(signer), {"organisations": [str(foundation.pk)], "withdraw": "chosen"})
    assert response.status_code == 200
    assert standing(signer) == {None, network.pk}
    html = response.content.decode()
    assert "เครือข่ายองค์กรงดเหล้า" in html and "ภาคีรณรงค์" in html  # whom they still hear from


def test_the_organiser_alone_can_be_stopped(client, signer, network, foundation):
    client.post(page(signer), {"organisations": ["organiser"], "withdraw": "chosen"})
    assert standing(signer) == {network.pk, foundation.pk}


def test_all_ticked_stops_everything(client, signer, network, foundation):
    client.post(
        page(signer), {"organisations": ["organiser", network.pk, foundation.pk], "withdraw": "chosen"}
    )
    assert standing(signer) == set()


def test_stop_all_updates_stops_everything_whatever_is_ticked(client, signer):
    response = client.post(page(signer), {"withdraw": "all"})
    assert response.status_code == 200
    assert standing(signer) == set()


def test_a_withdrawal_keeps_the_consents_on_record_with_when_they_ended(client, signer, foundation):
    client.post(page(signer), {"organisations": [str(foundation.pk)], "withdraw": "chosen"})
    record = UpdatesConsent.objects.get(signature=signer, partner=foundation)
    assert record.withdrawn_at is not None
    assert UpdatesConsent.objects.filter(signature=signer).count() == 3


def test_sending_the_form_twice_withdraws_nothing_more_and_is_no_error(client, signer, foundation):
    chosen = {"organisations": [str(foundation.pk)], "withdraw": "chosen"}
    client.post(page(signer), chosen)
    first = UpdatesConsent.objects.get(signature=signer, partner=foundation).withdrawn_at
    again = client.post(page(signer), chosen)
    assert again.status_code == 200
    assert UpdatesConsent.objects.get(signature=signer, partner=foundation).withdrawn_at == first


def test_a_withdrawal_touches_no_other_signer(client, signer, neighbour):
    client.post(page(signer), {"withdraw": "all"})
    assert standing(neighbour) == {None}


def test_a_post_without_the_form_stops_everything_as_the_single_button_did(client, signer):
    client.post(page(signer))
    assert standing(signer) == set()


# --- The service ----------------------------------------------------------------------------------------------------


def test_the_service_withdraws_only_the_partners_named(signer, network, foundation):
    withdrawn = services.withdraw_update_consents(
        signature_id=signer.pk, organiser=False, partner_ids=[network.pk]
    )
    assert withdrawn == 1
    assert standing(signer) == {None, foundation.pk}
    assert (
        services.withdraw_update_consents(signature_id=signer.pk, organiser=False, partner_ids=[network.pk])
        == 0
    )


def test_the_service_withdraws_everything_by_default(signer):
    assert services.withdraw_update_consents(signature_id=signer.pk) == 3
    assert standing(signer) == set()


def test_the_service_can_stop_the_organiser_and_keep_every_partner(signer, network, foundation):
    services.withdraw_update_consents(signature_id=signer.pk, partner_ids=[])
    assert standing(signer) == {network.pk, foundation.pk}


# --- Bad input ------------------------------------------------------------------------------------------------------


def test_nothing_ticked_is_refused_with_a_clear_message(client, signer, network, foundation):
    response = client.post(page(signer), {"withdraw": "chosen"})
    assert response.status_code == 400
    assert "หรือกดปุ่ม" in response.content.decode()
    assert standing(signer) == {None, network.pk, foundation.pk}


def test_nothing_ticked_is_refused_in_english_too(client, signer):
    response = client.post(page(signer, "en"), {"withdraw": "chosen"})
    assert response.status_code == 400
    assert "Tick at least one organisation" in response.content.decode()


def test_a_partner_the_signer_never_chose_is_refused(client, signer, directory, network, foundation):
    stranger = PartnerPageFactory(parent=directory, title="มูลนิธิอื่น", slug="other")
    response = client.post(page(signer), {"organisations": [str(stranger.pk)], "withdraw": "chosen"})
    assert response.status_code == 400
    assert (
        "Choose only from the organisations listed here"
        in client.post(
            page(signer, "en"), {"organisations": [str(stranger.pk)], "withdraw": "chosen"}
        ).content.decode()
    )
    assert standing(signer) == {None, network.pk, foundation.pk}


def test_a_partner_only_another_signer_chose_is_refused(client, signer, neighbour, foundation):
    response = client.post(page(neighbour), {"organisations": [str(foundation.pk)], "withdraw": "chosen"})
    assert response.status_code == 400
    assert standing(neighbour) == {None}
    assert foundation.pk in standing(signer)


@pytest.mark.parametrize(
    "data",
    [
        {"organisations": ["abc"], "withdraw": "chosen"},
        {"organisations": ["99999999999999999999"], "withdraw": "chosen"},
        {"organisations": ["-1"], "withdraw": "chosen"},
        {"organisations": ["organiser"], "withdraw": "everything"},
        {"organisations": "organiser", "withdraw": "<script>"},
        {"unexpected": "x"},
    ],
)
def test_garbage_is_refused_with_a_400_and_withdraws_nothing(client, signer, network, foundation, data):
    response = client.post(page(signer), data)
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    assert standing(signer) == {None, network.pk, foundation.pk}


def test_a_forged_or_broken_link_is_not_found(client, signer, network, foundation):
    assert client.get("/th/petitions/unsubscribe/not-a-token/").status_code == 404
    assert client.post("/th/petitions/unsubscribe/not-a-token/", {"withdraw": "all"}).status_code == 404
    assert standing(signer) == {None, network.pk, foundation.pk}
