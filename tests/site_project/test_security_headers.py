"""The Content-Security-Policy (django-csp) of page previews: the admin's, so that the editor can frame them."""

from django.test import RequestFactory


def test_a_page_preview_is_served_under_the_admin_policy(about, admin_user):
    request = RequestFactory().get("/admin/pages/", HTTP_HOST="127.0.0.1")
    request.user = admin_user
    response = about.make_preview_request(request, about.default_preview_mode)
    assert "เกี่ยวกับเรา" in response.content.decode()
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_same_page_served_to_the_public_may_not_be_framed(client, about):
    response = client.get("/th/about/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
