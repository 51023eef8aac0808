"""The demo's policy pushes (seeds 002 and 004): the draft-beer ban won and in force from 30 October 2018, the
nightlife demand overdue at the Ministry of Tourism and Sports, and the Chiang Rai committee's provincial push
with a paper batch from the 25 November event, entered by one person and confirmed by another; loading the demo
again adds nothing."""

import datetime
import io

from django.core.management import call_command

from advocacy.pushes.models import Classification, Commitment, Delivery, Kept, PolicyPush, Stage
from advocacy.pushes.pages import PolicyPushPage
from advocacy.pushes.states import DeliveryState
from petitions.demo import campaign_day
from petitions.models import PaperBatch, PaperBatchState, PetitionPage
from petitions.selectors import public_totals


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_draft_beer_push_is_won_and_in_force_from_30_october_2018(demo, client):
    push = PolicyPush.objects.get(title="ห้ามขายเบียร์สดในร้านสะดวกซื้อ")
    assert (push.stage, push.won_on, push.in_force_from) == (
        Stage.WON,
        datetime.date(2018, 10, 30),
        datetime.date(2018, 10, 30),
    )
    assert push.petitions.get().slug == "draft-beer-convenience-stores"
    assert push.deliveries.count() == 1
    assert push.responses.get().classification == Classification.ACCEPTED
    assert push.commitments.get().kept == Kept.YES
    assert "มีผลตั้งแต่ 30 ตุลาคม 2561" in html_of(client, "/th/pushes/draft-beer-convenience-stores/")
    petition = html_of(client, "/th/petitions/draft-beer-convenience-stores/")
    assert "คำตอบจาก" in petition and "(รับข้อเรียกร้อง)" in petition


def test_the_nightlife_push_is_overdue_at_the_ministry_in_thai_and_in_english(demo, client):
    push = PolicyPush.objects.get(title="ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่")
    assert push.owner.username == "secretariat" and push.owner.groups.filter(name="Secretariat").exists()
    delivery = push.deliveries.get()
    assert delivery.target.institution == "กระทรวงการท่องเที่ยวและกีฬา"
    assert delivery.receipt_number == "กก 0201/4518"
    assert delivery.state == DeliveryState.OVERDUE
    assert delivery.reminded_overdue_at is not None  # counted as sent: the demo mails nobody
    thai = html_of(client, "/th/pushes/nightlife-4am/")
    assert "เลยกำหนดมา 12 วัน" in thai and "กก 0201/4518" in thai
    english = html_of(client, "/en/pushes/nightlife-4am/")
    assert "Drop the 4 a.m. nightlife hours" in english and "overdue by 12 days" in english
    assert "overdue by 12 days" in html_of(client, "/en/petitions/nightlife-4am/")


def test_the_chiang_rai_push_has_a_paper_batch_from_25_november_checked_by_two_people(demo, client):
    push = PolicyPush.objects.get(title="กลไกคุ้มครองเด็กครบทุกตำบลในเชียงราย")
    assert {target.institution for target in push.targets.all()} == {
        "จังหวัดเชียงราย",
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
    }
    assert push.partners.filter(slug="world-vision-foundation-of-thailand").exists()
    assert push.partners.count() == 6
    petition = PetitionPage.objects.get(slug="chiang-rai-child-protection", locale__language_code="th")
    assert list(push.petitions.all()) == [petition]
    batch = PaperBatch.objects.get(petition=petition)
    assert (batch.state, batch.count, batch.event_date, batch.province) == (
        PaperBatchState.CONFIRMED,
        312,
        campaign_day(),
        "chiang-rai",
    )
    assert batch.entered_by != batch.confirmed_by and batch.confirmed_by.username == "secretariat"
    assert batch.partner.slug == "chiang-rai-women-empowerment-network"
    assert public_totals(petition.pk).paper == 312
    assert "ยื่นถึง" in html_of(client, "/th/petitions/chiang-rai-child-protection/")
    assert "Child protection in every sub-district" in html_of(
        client, "/en/pushes/chiang-rai-child-protection/"
    )


def test_loading_the_demo_twice_adds_no_push_ledger_page_or_batch(demo):
    def counts() -> tuple:
        return tuple(
            model.objects.count() for model in (PolicyPush, Delivery, Commitment, PolicyPushPage, PaperBatch)
        )

    before = counts()
    assert before == (3, 4, 1, 6, 1)
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
