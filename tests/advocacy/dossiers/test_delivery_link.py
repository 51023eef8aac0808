"""A delivery in a push's ledger records which dossier was handed over, chosen among the dossiers made."""

import pytest
from django.urls import reverse

from advocacy.pushes.models import Delivery

pytestmark = pytest.mark.django_db


def test_a_delivery_records_the_dossier_handed_over_and_the_admin_offers_the_ready_ones(
    client_as, secretariat_member, make_dossier, petition, signatures, push
):
    dossier = make_dossier(petition, push=push)
    delivery = Delivery.objects.create(
        push=push, target=petition.targets.get(), what="หนังสือข้อเรียกร้องและเอกสารยื่น", dossier=dossier
    )

    assert list(dossier.deliveries.all()) == [delivery]
    edit = client_as(secretariat_member).get(
        reverse("wagtailsnippets_advocacy_policypush:edit", args=[push.pk])
    )
    assert edit.status_code == 200
    assert dossier.code in edit.content.decode()


def test_deleting_a_dossier_keeps_the_delivery(make_dossier, petition, signatures, push):
    dossier = make_dossier(petition, push=push)
    delivery = Delivery.objects.create(
        push=push, target=petition.targets.get(), what="เอกสาร", dossier=dossier
    )

    dossier.delete()

    delivery.refresh_from_db()
    assert delivery.dossier is None
