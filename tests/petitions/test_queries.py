"""Query budgets: the sign POST and the petition page stay cheap however popular the petition is."""

from .conftest import sign_data, sign_url


def test_a_sign_post_runs_at_most_eight_queries(
    client, full_petition, co_sponsor, django_assert_max_num_queries
):
    client.get(f"/th/petitions/{full_petition.slug}/")  # warm the caches a real visitor would find warm
    data = sign_data(full_petition, updates_from=["organiser", str(co_sponsor.pk)], show_name="on")
    with django_assert_max_num_queries(8):
        response = client.post(sign_url(full_petition), data)
    assert response.status_code == 302


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
