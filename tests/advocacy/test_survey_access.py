"""Who may answer a survey, and when: members-only forms, closed and not-yet-open forms, cross-site posts.

Personas: ``representative`` speaks for an active member organisation (from ``conftest``); ``outsider`` is a
signed-in member of the public; the public answers without signing in.
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from advocacy.models import SurveyAnswer
from partners.factories import PartnerPageFactory, RepresentativeFactory, UserFactory
from partners.models import PartnerPage

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from .surveys import RENEWAL_QUESTIONS, answer, survey_page

# --- Who may answer, and when -------------------------------------------------------------------------------


def representative_of(directory, membership: str, username: str):
    partner = PartnerPageFactory(
        parent=directory, title=f"องค์กร {username}", slug=username, membership_status=membership
    )
    return RepresentativeFactory(partner=partner, user=UserFactory(username=f"{username}@example.org")).user


def test_a_members_only_form_asks_an_anonymous_reader_to_sign_in(members_only, client):
    page = client.get(members_only.url)
    assert page.status_code == 200
    assert "/th/account/login/?next=/th/members/" in page.content.decode()
    assert "<textarea" not in page.content.decode() and 'name="send"' not in page.content.decode()
    assert client.post(members_only.url, answer(members_only)).status_code == 403
    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize("membership", [PartnerPage.Membership.NONE, PartnerPage.Membership.LAPSED])
def test_a_members_only_form_refuses_a_representative_who_is_not_an_active_member(
    members_only, partner, client_as, membership
):
    visitor = client_as(representative_of(partner.get_parent(), membership, f"rep-{membership}"))
    page = visitor.get(members_only.url)
    assert page.status_code == 403
    assert "บัญชีของคุณไม่อยู่ในกลุ่มนี้" in page.content.decode()
    assert visitor.post(members_only.url, answer(members_only)).status_code == 403
    assert not SurveyAnswer.objects.exists()


def test_a_members_only_form_refuses_a_signed_in_member_of_the_public(members_only, client_as, outsider):
    assert client_as(outsider).post(members_only.url, answer(members_only)).status_code == 403


def test_a_members_only_form_refuses_a_member_of_another_kind_than_it_targets(
    members_only, representative, client_as
):
    members_only.target_kinds = ["community_network"]
    members_only.save_revision().publish()
    visitor = client_as(representative)  # speaks for an NGO
    response = visitor.post(members_only.url, answer(members_only))
    assert response.status_code == 403
    assert "องค์กรสมาชิกประเภทอื่น" in response.content.decode()
    assert "สำหรับสมาชิก" not in visitor.get("/th/account/").content.decode()


def test_a_members_only_form_takes_an_active_members_answer_in_its_organisations_name(
    members_only, representative, partner, client_as
):
    member = client_as(representative)
    assert "สำหรับสมาชิก" in member.get("/th/account/").content.decode()
    assert member.post(members_only.url, answer(members_only)).status_code == 200
    assert SurveyAnswer.objects.get().partner == partner
    assert "answered on" in member.get("/en/account/").content.decode()


def test_a_closed_form_refuses_answers(home, client):
    closed = survey_page(
        home,
        slug="closed",
        questions=RENEWAL_QUESTIONS[:1],
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    page = client.get(closed.url)
    assert page.status_code == 200
    assert "ปิดรับคำตอบแล้ว" in page.content.decode() and 'name="send"' not in page.content.decode()
    response = client.post(closed.url, answer(closed))
    assert response.status_code == 403
    assert "ปิดรับคำตอบแล้ว" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_a_form_not_open_yet_refuses_answers(home, client):
    later = survey_page(
        home,
        slug="later",
        questions=RENEWAL_QUESTIONS[:1],
        opens_at=timezone.now() + datetime.timedelta(days=1),
    )
    response = client.post(later.url, answer(later))
    assert response.status_code == 403
    assert "แบบฟอร์มนี้จะเปิดรับคำตอบวันที่" in response.content.decode()


def test_the_form_is_protected_against_cross_site_posts(renewal):
    strict = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    assert strict.post(renewal.url, answer(renewal)).status_code == 403
    assert 'name="csrfmiddlewaretoken"' in strict.get(renewal.url).content.decode()


def test_a_survey_page_is_never_kept_in_the_page_cache(renewal, client):
    response = client.get(renewal.url)
    assert "no-cache" in response.headers["Cache-Control"] or "no-store" in response.headers["Cache-Control"]
    assert response.headers.get("X-Page-Cache") is None
