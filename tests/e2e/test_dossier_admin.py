"""One click: a member of the Secretariat opens a policy push, chooses "Make the delivery dossier" in its save
menu, sends the small form and finds the dossier listed with its download and its verify link."""

import pytest

from advocacy.dossiers.models import Dossier
from advocacy.pushes.models import PolicyPush, Stage
from petitions.factories import PetitionIndexPageFactory, SignatureFactory
from petitions.models import SignatureStatus

from ..conftest import publish_open_petition
from .conftest import sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def push(home, private_files):
    petition = publish_open_petition(PetitionIndexPageFactory(parent=home, slug="petitions"))
    SignatureFactory.create_batch(3, petition=petition, status=SignatureStatus.CONFIRMED)
    push = PolicyPush.objects.create(
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", demand="ขอให้ยกเลิก", stage=Stage.COLLECTING
    )
    push.targets.set(petition.targets.all())
    push.petitions.set([petition])
    push.save()  # a cluster's many-to-many is written when the push is saved
    return push


def test_the_secretariat_makes_a_dossier_from_a_push_in_one_click(
    live_server, page, admin_user, push, tmp_path
):
    sign_in_to_admin(live_server, page, admin_user)
    page.goto(f"{live_server.url}/admin/snippets/advocacy/policypush/edit/{push.pk}/")
    page.locator("footer .w-dropdown__toggle").click()  # the save menu
    page.get_by_role("link", name="จัดทำเอกสารยื่นข้อเรียกร้อง").click()
    page.get_by_label("แนบภาคผนวกรายชื่อผู้ลงชื่อ").check()
    page.get_by_role("button", name="จัดทำเอกสารยื่นข้อเรียกร้อง").click()
    page.get_by_role("link", name="ดาวน์โหลดเอกสาร (PDF)").wait_for()

    dossier = Dossier.objects.get()
    assert dossier.status == "ready", dossier.error
    assert dossier.annex_pages == 1
    assert (
        page.get_by_role("link", name=dossier.code)
        .get_attribute("href")
        .endswith(f"/th/verify/{dossier.code}/")
    )
    page.set_viewport_size({"width": 1100, "height": 1100})
    page.screenshot(path=str(tmp_path / "dossier-admin.png"), full_page=True)
