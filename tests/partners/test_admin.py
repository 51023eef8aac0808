import pytest
from django.urls import reverse

from partners.factories import MemberDocumentFactory


def test_staff_can_open_a_partner_in_the_page_editor(client_as, admin_user, partner_a):
    partner_a.contacts.create(name="คุณสมศรี")
    partner_a.save_revision()
    response = client_as(admin_user).get(reverse("wagtailadmin_pages:edit", args=[partner_a.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "คุณสมศรี" in html and 'name="areas-TOTAL_FORMS"' in html


@pytest.mark.parametrize(
    "model", ["invitation", "representative", "memberdocument", "pillar", "service", "workinglanguage"]
)
def test_staff_see_each_partner_snippet_listing(client_as, admin_user, vocabularies, model):
    MemberDocumentFactory()
    response = client_as(admin_user).get(reverse(f"wagtailsnippets_partners_{model}:list"))
    assert response.status_code == 200


def test_a_moderator_sees_the_review_task_for_a_submitted_edit(client_as, rep_a, partner_a, moderator):
    from .test_portal import _profile_data

    client_as(rep_a).post(f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, title="ใหม่"))
    response = client_as(moderator).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "ใหม่" in response.content.decode()
