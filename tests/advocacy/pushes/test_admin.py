import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advocacy.pushes.models import Delivery, PolicyPush
from advocacy.pushes.states import DeliveryState

from .conftest import days_from_today

LIST = reverse("wagtailsnippets_advocacy_policypush:list")
ADD = reverse("wagtailsnippets_advocacy_policypush:add")


def edit_url(push) -> str:
    return reverse("wagtailsnippets_advocacy_policypush:edit", args=[push.pk])


def formset(prefix: str, *forms: dict) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, form in enumerate(forms):
        data.update({f"{prefix}-{index}-{name}": value for name, value in form.items()})
    return data


def push_form(owner, target, *, deliveries=(), responses=(), commitments=()) -> dict:
    return {
        "title": "ห้ามขายเหล้าหลังเที่ยงคืน",
        "demand": "ขอให้จังหวัดออกประกาศห้ามขายเครื่องดื่มแอลกอฮอล์หลังเที่ยงคืน",
        "stage": "delivered",
        "owner": str(owner.pk),
        "targets": [str(target.pk)],
        **formset("deliveries", *deliveries),
        **formset("responses", *responses),
        **formset("commitments", *commitments),
    }


def delivery_form(target, *, on: datetime.date, deadline: datetime.date | None = None) -> dict:
    return {
        "target": str(target.pk),
        "delivered_on": on.isoformat(),
        "what": "หนังสือข้อเรียกร้อง",
        "response_deadline": deadline.isoformat() if deadline else "",
    }


def test_the_secretariat_records_a_push_with_its_delivery_and_the_usual_deadline(
    client_as, secretariat_member, ministry, partner, settings
):
    settings.POLICY_RESPONSE_DAYS = 30
    delivery = delivery_form(ministry, on=datetime.date(2026, 11, 1))
    delivery.update({"delivered_by_partners": [str(partner.pk)], "receipt_number": "ชร 0017/2568"})
    data = push_form(secretariat_member, ministry, deliveries=[delivery])
    data["partners"] = [str(partner.pk)]
    response = client_as(secretariat_member).post(ADD, data)
    assert response.status_code == 302
    delivery = Delivery.objects.get(push__title="ห้ามขายเหล้าหลังเที่ยงคืน")
    assert delivery.response_deadline == datetime.date(2026, 12, 1)
    assert list(delivery.delivered_by_partners.all()) == [partner]
    assert list(delivery.push.partners.all()) == [partner]


def test_a_deadline_before_the_delivery_is_refused_with_a_clear_message(client_as, english_admin, ministry):
    data = push_form(
        english_admin,
        ministry,
        deliveries=[
            delivery_form(ministry, on=datetime.date(2026, 11, 1), deadline=datetime.date(2026, 10, 1))
        ],
    )
    response = client_as(english_admin).post(ADD, data)
    assert response.status_code == 200
    assert "cannot be due before the day the demand was delivered" in response.content.decode()
    assert not PolicyPush.objects.exists()


def test_an_answer_dated_in_the_future_is_refused_with_a_clear_message(client_as, english_admin, ministry):
    answer = {
        "target": str(ministry.pk),
        "received_on": days_from_today(1).isoformat(),
        "summary": "รับเรื่องไว้พิจารณา",
        "classification": "referred",
    }
    response = client_as(english_admin).post(ADD, push_form(english_admin, ministry, responses=[answer]))
    assert response.status_code == 200
    assert "cannot come from the future" in response.content.decode()
    assert not PolicyPush.objects.exists()


def test_a_thai_admin_reads_the_refusal_in_thai(client_as, admin_user, ministry):
    data = push_form(
        admin_user,
        ministry,
        deliveries=[
            delivery_form(ministry, on=datetime.date(2026, 11, 1), deadline=datetime.date(2026, 10, 1))
        ],
    )
    response = client_as(admin_user).post(ADD, data)
    assert response.status_code == 200
    assert "ก่อนวันที่ยื่นข้อเรียกร้อง" in response.content.decode()


def test_nonsense_dates_and_unknown_choices_are_form_errors_not_crashes(
    client_as, secretariat_member, ministry
):
    data = push_form(
        secretariat_member, ministry, deliveries=[delivery_form(ministry, on=datetime.date(2026, 11, 1))]
    )
    data.update({"stage": "finished", "deliveries-0-delivered_on": "31/31/2026", "targets": ["999999"]})
    response = client_as(secretariat_member).post(ADD, data)
    assert response.status_code == 200
    assert not PolicyPush.objects.exists()


def test_the_list_shows_stage_owner_and_the_overdue_deliveries(client_as, english_admin, push, deliver):
    deliver(-1)
    deliver(-2)
    html = client_as(english_admin).get(LIST).content.decode()
    assert "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่" in html
    assert "awaiting response" in html  # the stage
    assert "overdue (2 overdue)" in html


def test_the_list_filters_pushes_by_stage(client_as, english_admin, push):
    signed_in = client_as(english_admin)
    assert push.title in signed_in.get(LIST, {"stage": "awaiting"}).content.decode()
    assert push.title not in signed_in.get(LIST, {"stage": "won"}).content.decode()


def test_a_push_with_a_scanned_receipt_opens_for_editing_and_the_scan_downloads(
    client_as, secretariat_member, deliver, private_files
):
    delivery = deliver(-1)
    delivery.acknowledgement = SimpleUploadedFile(
        "receipt.pdf", b"%PDF-1.4 receipt", content_type="application/pdf"
    )
    delivery.save()
    signed_in = client_as(secretariat_member)
    page = signed_in.get(edit_url(delivery.push))
    assert page.status_code == 200
    file_url = reverse("advocacy_pushes:file", args=["delivery", delivery.pk])
    assert file_url in page.content.decode()
    download = signed_in.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 receipt"


@pytest.mark.parametrize("persona", ["representative", "safeguarding_member", "editor", "outsider"])
def test_nobody_outside_the_secretariat_reaches_the_pushes(
    request, client_as, persona, push, deliver, private_files
):
    delivery = deliver(-1)
    delivery.acknowledgement = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt")
    delivery.save()
    signed_in = client_as(request.getfixturevalue(persona))
    for url in (LIST, ADD, edit_url(push), reverse("advocacy_pushes:file", args=["delivery", delivery.pk])):
        response = signed_in.get(url)
        assert response.status_code in (302, 403), url
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    response = signed_in.post(ADD, push_form(push.owner, push.targets.first()))
    assert response.status_code in (302, 403)
    assert PolicyPush.objects.count() == 1
    response = signed_in.post(edit_url(push), push_form(push.owner, push.targets.first()))
    assert response.status_code in (302, 403)
    push.refresh_from_db()
    assert push.title == "ยกเลิกการเปิดสถานบันเทิงถึงตีสี่"


def test_recording_the_answer_on_the_push_keeps_the_scanned_receipt_and_closes_the_delivery(
    client_as, secretariat_member, push, ministry, deliver, private_files
):
    delivery = deliver(-1)
    delivery.acknowledgement = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt")
    delivery.save()
    data = push_form(
        secretariat_member,
        ministry,
        deliveries=[
            {
                **delivery_form(ministry, on=delivery.delivered_on, deadline=delivery.response_deadline),
                "id": str(delivery.pk),
            }
        ],
        responses=[
            {
                "target": str(ministry.pk),
                "received_on": days_from_today(0).isoformat(),
                "summary": "กระทรวงส่งเรื่องต่อให้คณะกรรมการพิจารณา",
                "classification": "referred",
                "document": SimpleUploadedFile("answer.pdf", b"%PDF-1.4 answer"),
            }
        ],
    )
    data["deliveries-INITIAL_FORMS"] = "1"
    assert client_as(secretariat_member).post(edit_url(push), data).status_code == 302
    delivery.refresh_from_db()
    assert delivery.acknowledgement.read() == b"%PDF-1.4 receipt"
    assert delivery.state == DeliveryState.ANSWERED
    answer = push.responses.get()
    download = client_as(secretariat_member).get(
        reverse("advocacy_pushes:file", args=["response", answer.pk])
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 answer"


def test_a_scan_that_is_not_a_document_or_an_image_is_refused(
    client_as, english_admin, ministry, private_files
):
    delivery = delivery_form(ministry, on=datetime.date(2026, 11, 1))
    delivery["acknowledgement"] = SimpleUploadedFile("receipt.exe", b"MZ")
    response = client_as(english_admin).post(ADD, push_form(english_admin, ministry, deliveries=[delivery]))
    assert response.status_code == 200
    assert "File extension “exe” is not allowed" in response.content.decode()
    assert not PolicyPush.objects.exists()


def test_the_secretariat_finds_pushes_in_its_menu_and_opens_them(client_as, secretariat_member, push):
    signed_in = client_as(secretariat_member)
    assert signed_in.get(LIST).status_code == 200
    assert signed_in.get(edit_url(push)).status_code == 200
    assert LIST in signed_in.get(reverse("wagtailadmin_home")).content.decode()


def test_the_list_costs_the_same_queries_for_three_pushes_as_for_nine(
    client_as, english_admin, secretariat_member, ministry
):
    def add_pushes(count: int):
        for number in range(count):
            push = PolicyPush.objects.create(title=f"push {number}", demand="-", owner=secretariat_member)
            push.targets.set([ministry])
            push.save()
            Delivery.objects.create(push=push, target=ministry, what="-", delivered_on=days_from_today(-40))

    def queries() -> int:
        signed_in.get(LIST)
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(LIST).status_code == 200
        return len(captured)

    signed_in = client_as(english_admin)
    add_pushes(3)
    with_three = queries()
    add_pushes(6)
    assert queries() == with_three


def test_a_delivery_to_someone_who_is_not_a_target_of_the_push_is_refused(
    client_as, english_admin, ministry, governor
):
    data = push_form(
        english_admin, ministry, deliveries=[delivery_form(governor, on=datetime.date(2026, 11, 1))]
    )
    response = client_as(english_admin).post(ADD, data)
    assert response.status_code == 200
    assert "is not one of this push&#x27;s targets" in response.content.decode()
    assert not PolicyPush.objects.exists()


def test_a_thai_admin_reads_the_stage_and_the_overdue_count_in_thai(client_as, admin_user, push, deliver):
    deliver(-1)
    html = client_as(admin_user).get(LIST).content.decode()
    assert "รอคำตอบ" in html  # awaiting response
    assert "เลยกำหนด 1 รายการ" in html
