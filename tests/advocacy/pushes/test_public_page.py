"""The public page of a policy push: the demand, who stands behind it, and one timeline per target with each
delivery's state in words, in Thai (Buddhist Era) and in English; the list of public pushes."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from advocacy.pushes.models import Commitment, Delivery, PolicyPush, Stage
from advocacy.pushes.pages import PolicyPushIndexPage, PolicyPushPage
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from site_project.dates import display_date
from site_project.models import HomePage

from ...conftest import listing_queries_with_5_and_50, queries_of_a_view, translate
from .conftest import days_from_today


@pytest.fixture
def english_push_page(push_page, english_home):
    return translate(push_page, "en", title="End 4 a.m. nightlife", intro="4 a.m. is not the answer")


def page_html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_push_pages_live_under_their_index_which_lives_under_a_home_page():
    assert PolicyPushIndexPage.allowed_parent_page_models() == [HomePage]
    assert PolicyPushIndexPage.allowed_subpage_models() == [PolicyPushPage]
    assert PolicyPushPage.allowed_parent_page_models() == [PolicyPushIndexPage]
    assert PolicyPushPage.allowed_subpage_models() == []


def test_an_answer_due_yesterday_reads_overdue_in_thai_and_in_english(client, deliver, english_push_page):
    deliver(-1)
    assert "เลยกำหนดมา 1 วัน" in page_html(client, "/th/pushes/nightlife/")
    english = page_html(client, english_push_page.url)
    assert "overdue by 1 day" in english and "very overdue" not in english


def test_the_english_page_shows_the_same_ledger_as_the_thai_one(client, deliver, english_push_page):
    deliver(-1)
    assert english_push_page.push_id == english_push_page.get_translation(english_push_page.locale).push_id
    assert "กก 0201/4567" in page_html(client, english_push_page.url)


def test_an_answer_long_past_its_deadline_reads_very_overdue(client, deliver, english_push_page):
    deliver(-45)
    assert "very overdue by 45 days" in page_html(client, english_push_page.url)
    assert "เลยกำหนดมานานแล้ว 45 วัน" in page_html(client, "/th/pushes/nightlife/")


def test_an_answered_delivery_says_when_it_was_answered_in_the_buddhist_era_in_thai(
    client, deliver, answer, english_push_page
):
    deliver(-5)
    answered = days_from_today(-2)
    answer(answered)
    assert f"answered on {display_date(answered, language='en')}" in page_html(client, english_push_page.url)
    thai = page_html(client, "/th/pushes/nightlife/")
    assert f"ตอบเมื่อ {display_date(answered, language='th')}" in thai
    assert str(answered.year + 543) in thai


def test_a_delivery_not_yet_due_says_until_when_the_answer_is_awaited(client, deliver, english_push_page):
    delivery = deliver(10)
    html = page_html(client, english_push_page.url)
    assert f"awaiting an answer until {display_date(delivery.response_deadline, language='en')}" in html


def test_the_page_shows_the_demand_the_stage_the_receipt_and_the_promises(
    client, push, ministry, deliver, push_page
):
    deliver(3)
    Commitment.objects.create(
        push=push, target=ministry, promise="ทบทวนนโยบายภายในสิ้นปี", due_on=days_from_today(30)
    )
    html = page_html(client, "/th/pushes/nightlife/")
    assert push.demand in html and "กก 0201/4567" in html and "ทบทวนนโยบายภายในสิ้นปี" in html
    assert "รอคำตอบ" in html  # the stage, awaiting response, in Thai


def test_the_private_scan_of_the_receipt_never_appears(client, private_files, deliver, push_page):
    delivery = deliver(-1)
    delivery.acknowledgement.save("receipt-scan.pdf", ContentFile(b"%PDF-1.4 stamped"), save=True)
    html = page_html(client, "/th/pushes/nightlife/")
    assert "receipt-scan" not in html and "/admin/advocacy/pushes/files/" not in html
    assert "acknowledgements" not in html and ".pdf" not in html


def test_the_targets_record_counts_every_public_push_and_no_private_one(
    client, secretariat_member, ministry, push_index, deliver, answer, english_push_page
):
    deliver(-70)  # delivered 100 days ago, answered 90 days ago
    answer(days_from_today(-90))
    deliver(-45)  # delivered 75 days ago, after that answer: 45 days overdue
    other = PolicyPush.objects.create(
        title="ตีสี่", demand="ตีสี่", owner=secretariat_member, stage=Stage.DELIVERED
    )
    other.targets.set([ministry])
    other.save()
    Delivery.objects.create(push=other, target=ministry, what="หนังสือ", response_deadline=days_from_today(20))
    push_index.add_child(instance=PolicyPushPage(title="ตีสี่", slug="other", push=other, live=False))
    private = PolicyPush.objects.create(
        title="ลับ", demand="ลับ", owner=secretariat_member, stage=Stage.DELIVERED
    )
    private.targets.set([ministry])
    private.save()
    Delivery.objects.create(
        push=private, target=ministry, what="หนังสือ", response_deadline=days_from_today(-3)
    )
    html = page_html(client, english_push_page.url)
    assert "2 deliveries, 1 answered, 1 answer overdue by 45 days" in html  # the other page is a draft
    PolicyPushPage.objects.get(slug="other").save_revision().publish()
    html = page_html(client, english_push_page.url)
    assert "3 deliveries, 1 answered, 1 answer overdue by 45 days" in html  # the private push: never


def test_a_target_nothing_was_delivered_to_says_so(client, push, governor, english_push_page):
    push.targets.add(governor)
    push.save()
    html = page_html(client, english_push_page.url)
    assert html.count("nothing delivered yet") == 2 and "Nothing delivered to them yet." in html


def test_the_coalition_and_the_petitions_link_to_their_pages_in_the_readers_language(
    client, home, push, partner, english_push_page
):
    petition = PetitionPageFactory(parent=PetitionIndexPageFactory(parent=home), title="ตีสี่ไม่เอา", slug="four")
    english_petition = translate(petition, "en", title="No to 4 a.m.")
    push.partners.set([partner])
    push.petitions.set([petition])
    push.save()
    html = page_html(client, english_push_page.url)
    assert f'href="{english_petition.url}"' in html and "No to 4 a.m." in html
    assert f'href="{partner.url}"' in html and partner.title in html  # not translated: shown as it is


def test_the_page_makes_the_same_queries_whatever_the_size_of_the_ledger(
    client, push, governor, deliver, answer, push_page
):
    url = "/th/pushes/nightlife/"
    deliver(-1)
    with_one = queries_of_a_view(client, url)
    push.targets.add(governor)
    push.save()
    for days in range(2, 22):
        deliver(-days, target=governor if days % 2 else None)
        answer(days_from_today(-days), target=governor if days % 3 else None)
        Commitment.objects.create(push=push, target=governor, promise="ทบทวน", due_on=days_from_today(days))
    assert queries_of_a_view(client, url) == with_one <= 24


def test_an_unpublished_push_page_is_not_found(client, push_page):
    push_page.unpublish()
    assert client.get("/th/pushes/nightlife/").status_code == 404


def test_the_index_lists_public_pushes_with_their_stage_and_worst_state(
    client, secretariat_member, ministry, push_index, deliver, push_page
):
    deliver(-45)
    draft = PolicyPush.objects.create(title="ร่าง", demand="ร่าง", owner=secretariat_member)
    push_index.add_child(
        instance=PolicyPushPage(title="ร่างที่ยังไม่เผยแพร่", slug="draft", push=draft, live=False)
    )
    html = page_html(client, "/th/pushes/")
    assert push_page.title in html and "รอคำตอบ" in html and "เลยกำหนดนาน" in html
    assert "ร่างที่ยังไม่เผยแพร่" not in html


def admin_page_form(push=None) -> dict:
    return nested_form_data(
        {
            "title": "ยกเลิกตีสี่",
            "slug": "four-am",
            "push": push.pk if push else "",
            "intro": "ตีสี่ไม่ใช่คำตอบ",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_an_editor_publishes_a_push_page_from_the_admin(client, client_as, admin_user, push, push_index):
    url = reverse("wagtailadmin_pages:add", args=["advocacy", "policypushpage", push_index.pk])
    response = client_as(admin_user).post(url, admin_page_form(push))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PolicyPushPage.objects.get(slug="four-am").push == push
    assert push.demand in page_html(client, "/th/pushes/four-am/")


def test_a_push_page_without_a_push_is_refused_with_a_clear_message(client_as, admin_user, push_index):
    url = reverse("wagtailadmin_pages:add", args=["advocacy", "policypushpage", push_index.pk])
    response = client_as(admin_user).post(url, admin_page_form())
    assert response.status_code == 200  # the form again, with the error where the push is chosen
    message = response.context["form"].errors["push"][0]
    with translation.override("th"):  # the admin user reads the admin in Thai, the site's language
        assert message == gettext("This field is required.") and message in response.content.decode()
    assert not PolicyPushPage.objects.filter(slug="four-am").exists()


def test_days_overdue_are_counted_in_bangkok_days(client, monkeypatch, push, ministry, english_push_page):
    Delivery.objects.create(
        push=push,
        target=ministry,
        delivered_on=datetime.date(2026, 11, 1),
        what="หนังสือ",
        response_deadline=datetime.date(2026, 12, 1),
    )
    # 18:00 on 1 December in London is 01:00 on 2 December in Bangkok: the answer is a day late there.
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2026, 12, 1, 18, 0, tzinfo=datetime.UTC))
    assert "overdue by 1 day" in page_html(client, english_push_page.url)


def test_the_index_makes_the_same_queries_with_5_pushes_and_with_50(
    client, secretariat_member, ministry, push_index
):
    def add_one():
        number = PolicyPush.objects.count()
        push = PolicyPush.objects.create(
            title=f"ข้อเรียกร้อง {number}", demand="ข้อเรียกร้อง", owner=secretariat_member
        )
        Delivery.objects.create(
            push=push, target=ministry, what="หนังสือ", response_deadline=days_from_today(-number)
        )
        page = PolicyPushPage(title=f"ข้อเรียกร้อง {number}", slug=f"push-{number}", push=push)
        push_index.add_child(instance=page)
        page.save_revision().publish()

    with_five, with_fifty = listing_queries_with_5_and_50(client, "/th/pushes/", add_one)
    assert with_five == with_fifty <= 13
