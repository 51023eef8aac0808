"""Forms editors build: a survey made in the admin, translated, answered by members and the public, counted.

Personas: ``representative`` speaks for an active member organisation (from ``conftest``); ``outsider`` is a
signed-in member of the public; the public answers without signing in. Who may answer is in
``test_survey_access.py``, bad input in ``test_survey_bad_input.py``.
"""

import io

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from advocacy.models import InboxForm, InboxItem, SurveyAnswer, SurveyField, SurveyPage
from advocacy.surveys import demo as surveys_demo
from advocacy.surveys.summary import choice_questions

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from .surveys import ENGLISH, EVERY_TYPE, RENEWAL, RENEWAL_QUESTIONS, question_names, survey_page

# --- Done when: one survey, three answers, one inbox form, one chart ------------------------------------------


def test_a_translated_survey_answered_in_the_portal_and_by_the_public_lands_in_one_inbox_form_with_its_chart(
    renewal, english_renewal, representative, client, client_as, admin_user
):
    names = question_names(renewal)
    name, renew, work = names["ชื่อผู้ตอบ"], names["จะต่ออายุสมาชิกหรือไม่"], names["งานที่อยากทำร่วมกัน"]
    assert question_names(english_renewal) == {ENGLISH[label]: key for label, key in names.items()}

    member = client_as(representative)
    portal = member.get("/th/account/")
    assert RENEWAL in portal.content.decode()
    assert member.get(renewal.url).status_code == 200
    answered = member.post(renewal.url, {name: "สมศรี", renew: "ต่อ", work: ["รณรงค์", "อบรม"]})
    assert answered.status_code == 200
    assert "ขอบคุณที่ตอบแบบสำรวจ" in answered.content.decode()
    assert "answered on" in member.get("/en/account/").content.decode()

    thai = client.post(renewal.url, {name: "สมชาย", renew: "ยังไม่แน่ใจ", work: ["รณรงค์"]})
    english = client.post(
        english_renewal.url, {name: "Jane", renew: "Renew", work: ["Research", "Campaigns"]}
    )
    assert (thai.status_code, english.status_code) == (200, 200)
    assert "Thank you for answering" in english.content.decode()

    form = InboxForm.objects.get()
    assert form.label == RENEWAL
    items = InboxItem.objects.filter(form=form)
    assert sorted(items.values_list("language", flat=True)) == ["en", "th", "th"]
    assert [item.partner.title for item in items if item.partner] == ["มูลนิธิเพื่อนหญิง"]

    questions = {question.label: question for question in choice_questions(english_renewal)}
    assert dict(questions["จะต่ออายุสมาชิกหรือไม่"].chart.rows) == {"ต่อ": 2, "ไม่ต่อ": 0, "ยังไม่แน่ใจ": 1}
    assert dict(questions["งานที่อยากทำร่วมกัน"].chart.rows) == {"รณรงค์": 3, "อบรม": 1, "วิจัย": 1}

    translator = client_as(admin_user).get(reverse("wagtailadmin_pages:edit", args=[english_renewal.pk]))
    assert (
        translator.status_code == 200 and "Renew" in translator.content.decode()
    )  # wagtail-localize's editor

    chart = client_as(admin_user).get(f"/admin/advocacy/surveys/{english_renewal.pk}/")
    assert chart.status_code == 200
    page = chart.content.decode()
    assert "<svg" in page and "มีคำตอบ 3 รายการจากทุกภาษา" in page
    assert f"?form={form.pk}" in page  # the inbox, filtered to this survey
    inbox = client_as(admin_user).get(f"/admin/advocacy/inbox/?form={form.pk}").content.decode()
    assert f"/admin/advocacy/surveys/{renewal.pk}/" in inbox  # the inbox's form filter leads to the charts
    item = client_as(admin_user).get(f"/admin/advocacy/inbox/{items[0].pk}/").content.decode()
    assert f"/admin/forms/submissions/{items[0].submission.page_id}/" in item  # and back to the answer


def test_a_survey_lives_under_a_home_or_standard_page_and_has_no_children():
    parents = {model._meta.label for model in SurveyPage.allowed_parent_page_models()}
    assert parents == {"site_project.HomePage", "site_project.StandardPage"}
    assert SurveyPage.allowed_subpage_models() == []


def test_an_answer_stores_only_what_the_form_asks(renewal, client):
    names = question_names(renewal)
    client.post(renewal.url, {names["ชื่อผู้ตอบ"]: "สมชาย", names["จะต่ออายุสมาชิกหรือไม่"]: "ต่อ", "is_admin": "1"})
    answer = SurveyAnswer.objects.get()
    assert set(answer.form_data) == set(names.values())
    assert answer.partner is None


def test_the_chart_counts_an_answer_whose_choice_was_since_removed_under_its_own_words(renewal, client):
    renew = question_names(renewal)["จะต่ออายุสมาชิกหรือไม่"]
    client.post(renewal.url, {question_names(renewal)["ชื่อผู้ตอบ"]: "สมชาย", renew: "ยังไม่แน่ใจ"})
    SurveyField.objects.filter(page=renewal, clean_name=renew).update(choices="ต่อ\nไม่ต่อ")
    rows = choice_questions(renewal)[0].chart.rows
    assert ["ยังไม่แน่ใจ", 1, "ไม่ได้เป็นตัวเลือกแล้ว"] in [list(row) for row in rows]


def test_the_chart_is_refused_to_a_member_of_the_public(renewal, client_as, outsider):
    assert client_as(outsider).get(f"/admin/advocacy/surveys/{renewal.pk}/").status_code in (302, 403)


def test_the_page_listing_links_a_survey_to_its_chart(renewal, client_as, admin_user):
    listing = client_as(admin_user).get(f"/admin/pages/{renewal.get_parent().pk}/")
    assert f"/admin/advocacy/surveys/{renewal.pk}/" in listing.content.decode()


def test_an_editor_builds_a_members_only_survey_in_the_admin(home, admin_user, client_as, client):
    questions = [
        {"label": "ชื่อผู้ตอบ", "field_type": "singleline", "required": "on"},
        {"label": "จะต่ออายุสมาชิกหรือไม่", "field_type": "radio", "required": "on", "choices": "ต่อ\nไม่ต่อ"},
    ]
    data = nested_form_data(
        {
            "title": RENEWAL,
            "slug": "built-in-the-admin",
            "intro": "ตอบแล้วส่งให้สำนักเลขาธิการ",
            "thank_you_text": "ขอบคุณ",
            "audience": "members",
            "opens_at": "",
            "closes_at": "2026-12-31 23:59",
            "form_fields": inline_formset(
                [{"help_text": "", "choices": "", "default_value": "", **question} for question in questions]
            ),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["target_kinds"] = [
        "ngo",
        "community_network",
    ]  # ticked boxes: one value each, as a browser sends them
    add = reverse("wagtailadmin_pages:add", args=["advocacy", "surveypage", home.pk])
    editor = client_as(admin_user)
    assert editor.get(add).status_code == 200
    response = editor.post(add, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = SurveyPage.objects.get(slug="built-in-the-admin")
    assert page.live and page.audience == "members" and page.target_kinds == ["ngo", "community_network"]
    assert [field.label for field in page.form_fields.all()] == ["ชื่อผู้ตอบ", "จะต่ออายุสมาชิกหรือไม่"]
    assert (
        "Sign in" in client.get("/en/built-in-the-admin/").content.decode()
        or client.get(page.url).status_code == 200
    )
    assert editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


# --- The demo -----------------------------------------------------------------------------------------------


def test_the_demo_makes_the_renewal_survey_in_thai_and_english_once(
    home, english_home, representative, client_as
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        surveys_demo.load(io.StringIO())
    with TestCase.captureOnCommitCallbacks(execute=True):
        surveys_demo.load(io.StringIO())
    assert SurveyPage.objects.count() == 2
    english = SurveyPage.objects.get(locale__language_code="en")
    assert english.live and english.title == "Yearly membership renewal survey"
    renew = english.form_fields.get(sort_order=1)
    assert renew.choice_list() == ["Renew", "Not renew", "Not sure yet"]
    assert (
        "Yearly membership renewal survey" in client_as(representative).get("/en/account/").content.decode()
    )


# --- Query budgets ----------------------------------------------------------------------------------------------


def test_a_survey_page_runs_at_most_sixteen_queries_with_one_question_or_twelve(
    every_type, home, client, django_assert_max_num_queries
):
    short = survey_page(home, title="สั้น", slug="short", questions=RENEWAL_QUESTIONS[:1])
    for page in (short, every_type):
        client.get(page.url)  # the site chrome is cached after the first visitor
        with django_assert_max_num_queries(16):
            response = client.get(page.url)
    shown = [label for kind, (label, _value) in EVERY_TYPE.items() if kind != "hidden"]
    assert all(label in response.content.decode() for label in shown)


def test_an_answer_filed_in_the_inbox_runs_at_most_thirty_six_queries(
    renewal, client, django_assert_max_num_queries
):
    client.get(renewal.url)
    names = question_names(renewal)
    with django_assert_max_num_queries(36):
        response = client.post(renewal.url, {names["ชื่อผู้ตอบ"]: "สมชาย", names["จะต่ออายุสมาชิกหรือไม่"]: "ต่อ"})
    assert response.status_code == 200
    assert InboxItem.objects.count() == 1
