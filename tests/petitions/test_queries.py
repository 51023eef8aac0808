"""Query budgets: the sign POST and the petition page stay cheap however popular the petition is."""

from .conftest import sign_data, sign_url


def test_a_sign_post_runs_at_most_seven_queries(
    client, full_petition, co_sponsor, django_assert_max_num_queries
):
    client.get(f"/th/petitions/{full_petition.slug}/")  # warm the caches a real visitor would find warm
    data = sign_data(full_petition, updates_from=["organiser", str(co_sponsor.pk)], show_name="on")
    # The petition (then kept), the co-sponsors chosen, the three inserts and the test's savepoint around them.
    with django_assert_max_num_queries(7):
        response = client.post(sign_url(full_petition), data)
    assert response.status_code == 302


def test_a_sign_post_writes_the_signature_and_the_e_mail_it_is_owed_and_nothing_else(client, petition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.post(sign_url(petition), sign_data(petition, email="first@example.org"))  # the petition is kept
    with CaptureQueriesContext(connection) as captured:
        response = client.post(sign_url(petition), sign_data(petition))
    assert response.status_code == 302
    statements = [query["sql"].split(" (")[0] for query in captured.captured_queries]
    assert [statement for statement in statements if "SAVEPOINT" not in statement] == [
        'INSERT INTO "petitions_signature"',
        'INSERT INTO "site_project_outboxmessage"',
    ]


def test_the_petition_page_runs_at_most_twelve_queries(client, full_petition, django_assert_max_num_queries):
    client.get(f"/th/petitions/{full_petition.slug}/")  # the site chrome is cached after the first visitor
    with django_assert_max_num_queries(12):
        response = client.get(f"/th/petitions/{full_petition.slug}/")
    html = response.content.decode()
    assert "สำนักนายกรัฐมนตรี" in html and "เครือข่ายองค์กรงดเหล้า" in html and "กระทรวงตอบรับแล้ว" in html
    assert "ผู้ลงชื่อ" in html


def test_the_petition_page_stays_within_budget_on_a_cold_count_cache(
    client, full_petition, django_assert_max_num_queries
):
    from django.core.cache import cache

    client.get(f"/th/petitions/{full_petition.slug}/")
    cache.delete_many([f"petitions:totals:{full_petition.pk}"])
    with django_assert_max_num_queries(12):
        client.get(f"/th/petitions/{full_petition.slug}/")


def test_the_page_after_confirming_runs_at_most_eight_queries(
    client, petition, django_assert_max_num_queries
):
    path = f"/th/petitions/confirmed/{petition.pk}/"
    client.get(path)  # the site chrome is cached after the first visitor
    with django_assert_max_num_queries(8):
        response = client.get(path)
    assert petition.title in response.content.decode()


def test_a_confirmation_post_is_one_statement_that_reads_back_its_petition(
    client, sign, petition, django_assert_num_queries
):
    from .conftest import last_token

    sign(petition)
    with django_assert_num_queries(1):  # UPDATE … RETURNING, no transaction around it: it is the only write
        response = client.post(f"/th/petitions/confirm/{last_token()}/")
    assert response.status_code == 303
    assert response["Location"] == f"/th/petitions/confirmed/{petition.pk}/"


def test_a_database_without_update_returning_confirms_in_an_update_and_a_read(
    client, sign, petition, django_assert_num_queries, monkeypatch
):
    from django.db import connection

    from petitions.models import Signature, SignatureStatus

    from .conftest import last_token

    sign(petition)
    monkeypatch.setattr(connection.features, "can_return_columns_from_insert", False)  # SQLite before 3.35
    with django_assert_num_queries(2):
        response = client.post(f"/th/petitions/confirm/{last_token()}/")
    assert response["Location"] == f"/th/petitions/confirmed/{petition.pk}/"
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED


def test_the_signature_export_runs_the_same_queries_for_ten_and_a_thousand_signers(petition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from petitions import services
    from petitions.factories import SignatureFactory

    def queries_to_export() -> int:
        with CaptureQueriesContext(connection) as captured:
            for _chunk in services.export_signatures_csv(petition=petition):
                pass
        return len(captured.captured_queries)

    SignatureFactory.create_batch(10, petition=petition, confirmed=True)
    queries_to_export()  # the petition's counting id is looked up once, then cached
    with_ten = queries_to_export()
    SignatureFactory.create_batch(990, petition=petition, confirmed=True)
    assert queries_to_export() == with_ten
