"""The public verify page: a fixed number of queries however many signatures, no recount on a reload, and the
same page in every language."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advocacy.dossiers import verification
from petitions.factories import SignatureFactory
from petitions.models import SignatureStatus

from ...conftest import queries_of_a_view

pytestmark = pytest.mark.django_db


def test_the_verify_page_makes_the_same_few_queries_with_5_and_with_200_signatures(
    client, make_dossier, petition, signatures
):
    small = make_dossier(petition)
    with_five = queries_of_a_view(client, f"/th/verify/{small.code}/")
    SignatureFactory.create_batch(
        195, petition=petition, status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now()
    )
    large = make_dossier(petition)

    with_200 = queries_of_a_view(client, f"/th/verify/{large.code}/")

    assert large.signature_count == 200
    assert with_five == with_200
    assert with_200 <= 4


def test_a_first_view_recounts_once_and_a_reload_reads_the_cached_answer(
    client, make_dossier, petition, signatures
):
    dossier = make_dossier(petition)
    url = f"/en/verify/{dossier.code}/"
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200

    assert any("petitions_signature" in query["sql"] for query in first)
    assert not any("petitions_signature" in query["sql"] for query in again)


@pytest.mark.parametrize("language", ["th", "en", "km", "my"])
def test_the_verify_page_answers_in_every_language(client, make_dossier, petition, signatures, language):
    dossier = make_dossier(petition)

    response = client.get(f"/{language}/verify/{dossier.code}/")

    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_with_a_worker_the_first_visitor_is_told_the_check_is_under_way_and_later_ones_get_the_answer(
    client, make_dossier, petition, signatures, monkeypatch
):
    dossier = make_dossier(petition)
    queued = []
    worker = SimpleNamespace(
        check_dossier_task=SimpleNamespace(enqueue=lambda **kwargs: queued.append(kwargs))
    )
    monkeypatch.setattr(verification, "tasks", worker)  # a queue whose worker has not run yet

    first = client.get(f"/en/verify/{dossier.code}/").content.decode()
    client.get(f"/en/verify/{dossier.code}/")  # a second visitor meanwhile queues no second recount

    assert "being compared with the digest" in first
    assert queued == [{"dossier_id": dossier.pk}]
    verification.recheck_dossier(dossier_id=dossier.pk)  # the worker's turn
    assert "still give this digest" in client.get(f"/en/verify/{dossier.code}/").content.decode()
