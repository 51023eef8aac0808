"""Who reaches the dashboard: the Secretariat, in its menu and on its admin home; never a partner's representative,
other staff or a signed-out visitor.
"""

from django.contrib.auth.models import Group

from .helpers import URL


def test_a_partner_representative_reaches_no_dashboard_even_in_the_secretariat_group(
    client_as, representative, signed
):
    representative.groups.add(Group.objects.get(name="Secretariat"))
    client = client_as(representative)
    assert client.get(URL).status_code == 403
    assert client.get(URL + "csv/provinces/").status_code == 403
    assert "Advocacy at a glance" not in client.get("/admin/").content.decode()


def test_staff_outside_the_secretariat_are_refused(client_as, editor, signed):
    assert client_as(editor).get(URL).status_code == 403


def test_a_signed_out_visitor_is_sent_to_sign_in(client, signed):
    response = client.get(URL + "csv/provinces/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_secretariats_admin_home_opens_on_the_dashboard(secretariat, signed):
    page = secretariat.get("/admin/").content.decode()
    assert "Advocacy at a glance" in page
    assert "200 signatures confirmed from" in page
    assert 'href="/admin/advocacy/"' in page
    assert 'href="/admin/advocacy/csv/over-time/"' in page


def test_an_editors_admin_home_stays_as_it_was(client_as, editor, signed):
    assert "Advocacy at a glance" not in client_as(editor).get("/admin/").content.decode()


def test_the_dashboard_is_in_the_menu_for_the_secretariat_only(secretariat, client_as, editor, signed):
    assert "Advocacy dashboard" in secretariat.get("/admin/").content.decode()
    assert "Advocacy dashboard" not in client_as(editor).get("/admin/").content.decode()
