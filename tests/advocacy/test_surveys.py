"""Forms editors build: a survey made in the admin, translated, answered by members and the public, counted.

Personas: ``representative`` speaks for an active member organisation (from ``conftest``); ``outsider`` is a
signed-in member of the public; the public answers without signing in.
"""

import datetime
import io

import pytest
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from advocacy.models import InboxForm, InboxItem, SurveyAnswer, SurveyField, SurveyPage
from advocacy.surveys import demo as surveys_demo
from advocacy.surveys.demo import translate_strings
from advocacy.surveys.summary import choice_questions
from partners.factories import PartnerPageFactory, RepresentativeFactory, UserFactory
from partners.models import PartnerPage

from ..conftest import translate
from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)
from ..fuzz.corpus import HOSTILE_TEXT, INVALID_UTF8, Sweep

RENEWAL = "แบบสำรวจการต่ออายุสมาชิกประจำปี"
ENGLISH = {
    RENEWAL: "Yearly membership renewal survey",
    "ตอบแล้วส่งให้สำนักเลขาธิการ": "Answer and send it to the secretariat",
    "ขอบคุณที่ตอบแบบสำรวจ": "Thank you for answering",
    "ชื่อผู้ตอบ": "Your name",
    "จะต่ออายุสมาชิกหรือไม่": "Will you renew your membership?",
    # wagtail-localize shows a translator the choices one per line, the lines joined by <br/>.
    "ต่อ<br/>ไม่ต่อ<br/>ยังไม่แน่ใจ": "Renew<br/>Not renew<br/>Not sure yet",
    "งานที่อยากทำร่วมกัน": "Work you want to do together",
    "รณรงค์<br/>อบรม<br/>วิจัย": "Campaigns<br/>Training<br/>Research",
}


def survey_page(home, *, title=RENEWAL, slug="renewal", questions=None, **fields) -> SurveyPage:
    """A survey built as an editor builds it in the admin: a page, its questions, published."""
    page = SurveyPage(title=title, slug=slug, intro="ตอบแล้วส่งให้สำนักเลขาธิการ", **fields)
    page.thank_you_text = "ขอบคุณที่ตอบแบบสำรวจ"
    page.form_fields = [
        SurveyField(sort_order=order, **question) for order, question in enumerate(questions or [])
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


RENEWAL_QUESTIONS = [
    {"label": "ชื่อผู้ตอบ", "field_type": "singleline"},
    {"label": "จะต่ออายุสมาชิกหรือไม่", "field_type": "radio", "choices": "ต่อ\nไม่ต่อ\nยังไม่แน่ใจ"},
    {
        "label": "งานที่อยากทำร่วมกัน",
        "field_type": "checkboxes",
        "choices": "รณรงค์\nอบรม\nวิจัย",
        "required": False,
    },
]


def translate_with_localize(page, language_code: str, words: dict[str, str]):
    """Translate ``page`` as a translator does in wagtail-localize's editor, string by string, and publish."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes once the work is saved
        translation = translate_strings(page, language_code, words)
    return SurveyPage.objects.get(pk=translation.pk)


def question_names(page) -> dict[str, str]:
    return {field.label: field.clean_name for field in page.form_fields.all()}


@pytest.fixture
def renewal(home):
    return survey_page(home, questions=RENEWAL_QUESTIONS, show_in_portal=True)


@pytest.fixture
def english_renewal(renewal, english_home):
    return translate_with_localize(renewal, "en", ENGLISH)


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


# --- Bad input: every field type ----------------------------------------------------------------------------

EVERY_TYPE = {
    "singleline": ("ชื่อ", "สมชาย"),
    "multiline": ("ความเห็น", "ดีมาก"),
    "email": ("อีเมล", "somchai@example.org"),
    "number": ("จำนวนคน", "12"),
    "url": ("เว็บไซต์", "https://example.org"),
    "checkbox": ("ยินยอม", "on"),
    "checkboxes": ("หัวข้อ", ["รณรงค์"]),
    "dropdown": ("จังหวัด", "เชียงราย"),
    "radio": ("ต่ออายุ", "ต่อ"),
    "date": ("วันที่", "2026-11-30"),
    "datetime": ("เวลานัด", "2026-11-30T10:00"),
    "hidden": ("ที่มา", "line"),
    "multiselect": ("ภาษา", ["ไทย", "อังกฤษ"]),
}
TYPED = ("singleline", "multiline", "email", "number", "url", "date", "datetime", "hidden")
CHOICES = {
    "checkboxes": "รณรงค์\nอบรม",
    "dropdown": "เชียงราย\nพะเยา",
    "radio": "ต่อ\nไม่ต่อ",
    "multiselect": "ไทย\nอังกฤษ\nพม่า",
}
BAD = [
    ("singleline", "ก" * 256, "Ensure this value has at most 255 characters"),
    ("multiline", "x" * 5_001, "Ensure this value has at most 5000 characters"),
    ("email", "somchai-at-example", "Enter a valid email address."),
    ("number", "twelve", "Enter a number."),
    ("url", "http://", "Enter a valid URL."),
    ("checkbox", None, "This field is required."),
    ("checkboxes", ["ไม่มีในตัวเลือก"], "Select a valid choice."),
    ("dropdown", "กรุงเทพ", "Select a valid choice."),
    ("radio", "บางที", "Select a valid choice."),
    ("date", "31/02/2026", "Enter a valid date."),
    ("datetime", "พรุ่งนี้เช้า", "Enter a valid date/time."),
    ("hidden", "x" * 256, "Ensure this value has at most 255 characters"),
    ("multiselect", ["ไทย", "จีน"], "Select a valid choice."),
]


@pytest.fixture
def every_type(home, english_home):
    """A survey with one question of each type, in English so that the messages read as below."""
    questions = [
        {"label": label, "field_type": kind, "choices": CHOICES.get(kind, "")}
        for kind, (label, _value) in EVERY_TYPE.items()
    ]
    return translate(survey_page(home, title="ทุกแบบคำถาม", slug="every-type", questions=questions), "en")


def test_every_field_type_takes_a_good_answer(every_type, client):
    names = question_names(every_type)
    data = {names[label]: value for label, value in EVERY_TYPE.values()}
    assert client.post(every_type.url, data).status_code == 200
    stored = SurveyAnswer.objects.get().form_data
    assert stored[names["จำนวนคน"]] == "12" and stored[names["ยินยอม"]] is True
    assert stored[names["หัวข้อ"]] == ["รณรงค์"] and stored[names["วันที่"]] == "2026-11-30"


@pytest.mark.parametrize(("kind", "bad", "message"), BAD, ids=[kind for kind, _bad, _message in BAD])
def test_it_refuses_bad_input_in_each_field_type_and_keeps_what_was_typed(
    every_type, client, kind, bad, message
):
    names = question_names(every_type)
    data = {names[label]: value for label, value in EVERY_TYPE.values()}
    label = EVERY_TYPE[kind][0]
    if bad is None:
        del data[names[label]]
    else:
        data[names[label]] = bad

    response = client.post(every_type.url, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    kept = [value for other, (_label, value) in EVERY_TYPE.items() if other in TYPED and other != kind]
    assert all(value in page for value in kept)  # the other answers are still there
    if kind in TYPED:
        assert bad[:50] in page  # and so is what was typed in the wrong field
    assert not SurveyAnswer.objects.exists()


# --- Who may answer, and when -------------------------------------------------------------------------------


@pytest.fixture
def members_only(home):
    return survey_page(
        home, title="สำหรับสมาชิก", slug="members", questions=RENEWAL_QUESTIONS[:1], audience="members"
    )


def answer(page) -> dict:
    return {question_names(page)["ชื่อผู้ตอบ"]: "สมศรี"}


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


# --- The fuzz corpus ----------------------------------------------------------------------------------------------


def test_hostile_values_in_every_question_never_cause_a_server_error(
    every_type,
    members_only,
    representative,
    client_as,
    error_log,  # noqa: F811
):
    names = question_names(every_type)
    good = {names[label]: value for label, value in EVERY_TYPE.values()}
    visitors = [Client(HTTP_HOST="127.0.0.1", raise_request_exception=False), client_as(representative)]
    sweep = Sweep()
    for value in [*HOSTILE_TEXT, *INVALID_UTF8]:
        for visitor in visitors:
            sweep.post_form(visitor, every_type.url, dict.fromkeys(names.values(), value))
            for name in names.values():
                sweep.post_form(visitor, every_type.url, {**good, name: value})
            sweep.post_form(
                visitor, members_only.url, dict.fromkeys(question_names(members_only).values(), value)
            )
    sweep.assert_clean(error_log(), at_least=900)
    stored = SurveyAnswer.objects.filter(page=every_type).values_list("form_data", flat=True)
    assert stored and all(set(answer) == set(names.values()) for answer in stored)
