"""When making a dossier fails (WeasyPrint raising, a full disk), the dossier says "failed" with the reason, the
admin page lists it, the verify page does not show it, and nobody sees a server error."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advocacy.dossiers import render
from advocacy.dossiers.models import Dossier, DossierStatus
from advocacy.dossiers.services import build_dossier

pytestmark = pytest.mark.django_db


class Broken:
    def __init__(self, *args, **kwargs):
        raise OSError("Pango could not load a font")


def test_weasyprint_raising_leaves_a_visible_failed_dossier_and_no_500(
    monkeypatch, client, client_as, secretariat_member, make_dossier, petition, signatures, push, caplog
):
    monkeypatch.setattr(render.weasyprint, "HTML", Broken)

    dossier = make_dossier(petition, push=push)

    assert dossier.status == DossierStatus.FAILED
    assert "OSError" in dossier.error
    assert not dossier.pdf
    assert "could not be made" in caplog.text
    page = client_as(secretariat_member).get(reverse("advocacy_dossiers:push", args=[push.pk]))
    assert page.status_code == 200
    assert "ไม่สำเร็จ" in page.content.decode() and "OSError" in page.content.decode()
    assert client.get(f"/th/verify/{dossier.code}/").status_code == 404


def test_the_task_run_again_on_a_finished_dossier_changes_nothing(make_dossier, petition, signatures):
    dossier = make_dossier(petition)
    digest = dossier.digest

    assert build_dossier(dossier_id=dossier.pk).digest == digest
    assert build_dossier(dossier_id=dossier.pk + 100) is None


def test_a_dossier_the_worker_never_finished_says_so_after_half_an_hour(
    client_as, secretariat_member, petition, push
):
    dossier = Dossier.objects.create(petition=petition, push=push, languages=["th", "en"])
    Dossier.objects.filter(pk=dossier.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))

    page = (
        client_as(secretariat_member).get(reverse("advocacy_dossiers:push", args=[push.pk])).content.decode()
    )

    assert "หยุดไปก่อนเสร็จ" in page
