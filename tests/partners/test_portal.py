import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import TaskState, WorkflowState

from partners import portal
from partners.models import Invitation, PartnerPage, Representative
from partners.services import invite_representative
from partners.thai_sort import thai_sort_key


def _profile_data(page: PartnerPage, **changes) -> dict:
    data = {
        "title": page.title,
        "abbreviation": page.abbreviation,
        "kind": page.kind,
        "description": page.description,
        "districts": page.districts,
        "public_email": "",
        "public_phone": "",
        "address": "",
        "website": "",
        "line_official_account": "",
        "facebook_url": "",
    }
    data.update(changes)
    return data


def _png(size=(64, 64), *, exif: bool = False) -> bytes:
    image = PILImage.new("RGB", size, (200, 30, 60))
    out = io.BytesIO()
    if exif:
        metadata = PILImage.Exif()
        metadata[0x010E] = "secret GPS-ish description"
        image.save(out, format="JPEG", exif=metadata.tobytes())
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def _approve(client, page, comment=""):
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": comment})


# --- Invitations ------------------------------------------------------------------------------------------------


def test_staff_invite_a_representative_from_the_admin_and_the_worker_emails_the_link(
    client_as, admin_user, partner_a, django_capture_on_commit_callbacks
):
    url = reverse("wagtailsnippets_partners_invitation:add")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(admin_user).post(
            url, {"email": "new@example.org", "partner": partner_a.pk, "language": "en"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new@example.org")
    assert invitation.invited_by == admin_user
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert "invited" in message.subject
    assert "/en/account/invitation/" in message.body


def test_an_invitation_is_written_in_the_recipients_language(partner_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="thai@example.org", partner=partner_a, language="th")
    assert "เชิญ" in mail.outbox[0].subject
    assert "/th/account/invitation/" in mail.outbox[0].body


def test_an_accepted_invitation_creates_a_representative_who_is_not_staff_and_the_link_works_once(
    client, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_representative(email="new@example.org", partner=partner_a, language="th")
    link = re.search(r"http\S+/th/account/invitation/\S+", mail.outbox[0].body).group(0)
    path = "/" + link.split("/", 3)[3]
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation.refresh_from_db()
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64

    assert client.get(path).status_code == 200
    response = client.post(path, {"password1": "a long pass phrase 42", "password2": "a long pass phrase 42"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="new@example.org")
    assert not user.is_staff and not user.is_superuser
    assert not user.has_perm("wagtailadmin.access_admin")
    assert Representative.objects.get(user=user).partner == partner_a

    client.logout()
    assert client.get(path).status_code == 404
    again = client.post(path, {"password1": "another pass phrase 7", "password2": "another pass phrase 7"})
    assert again.status_code == 404


def test_an_invitation_with_a_wrong_token_is_refused(client, partner_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_representative(email="new@example.org", partner=partner_a, language="th")
    response = client.get(f"/th/account/invitation/{invitation.pk}/not-the-token/")
    assert response.status_code == 404


def test_an_invitation_rejects_mismatched_passwords(client, partner_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="new@example.org", partner=partner_a, language="th")
    link = re.search(r"/th/account/invitation/\S+", mail.outbox[0].body).group(0)
    response = client.post(link, {"password1": "a long pass phrase 42", "password2": "different phrase 42"})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="new@example.org").exists()


# --- Signing in ---------------------------------------------------------------------------------------------------


def test_a_representative_signs_in_on_the_public_site(client, rep_a):
    response = client.post(
        "/th/account/login/", {"username": "rep-a@example.org", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/th/account/"
    assert "มูลนิธิเอ" in client.get("/th/account/").content.decode()


def test_the_login_page_is_never_cached(client, home):
    response = client.get("/th/account/login/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_representative_cannot_open_the_wagtail_admin(client_as, rep_a):
    response = client_as(rep_a).get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")


def test_anonymous_visitors_are_sent_to_the_login_page_from_the_portal(client, partner_a):
    response = client.get(f"/th/account/partners/{partner_a.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/th/account/login/")


def test_a_signed_in_person_who_represents_no_one_cannot_edit_any_profile(client_as, outsider, partner_a):
    assert client_as(outsider).get(f"/th/account/partners/{partner_a.pk}/edit/").status_code == 403
    assert client_as(outsider).get("/th/account/").status_code == 403


# --- Editing the profile ------------------------------------------------------------------------------------------


def test_a_representative_cannot_view_the_edit_form_of_another_partner(client_as, rep_a, partner_b):
    assert client_as(rep_a).get(f"/th/account/partners/{partner_b.pk}/edit/").status_code == 403


def test_a_representative_cannot_post_an_edit_to_another_partner(client_as, rep_a, partner_b):
    revisions = partner_b.revisions.count()
    response = client_as(rep_a).post(
        f"/th/account/partners/{partner_b.pk}/edit/", _profile_data(partner_b, title="ยึดโดยเอ")
    )
    assert response.status_code == 403
    partner_b.refresh_from_db()
    assert partner_b.title == "มูลนิธิบี"
    assert partner_b.revisions.count() == revisions
    assert not WorkflowState.objects.for_instance(partner_b).exists()


def test_a_representative_cannot_edit_another_partners_translation(client_as, rep_a, partner_b, english_home):
    from ..conftest import translate

    translate(partner_b.get_parent().specific, "en", title="Partners")
    english_b = translate(partner_b, "en", title="Foundation B")
    assert client_as(rep_a).get(f"/en/account/partners/{english_b.pk}/edit/").status_code == 403


def test_an_edit_goes_live_only_after_a_moderator_approves_it(client_as, rep_a, partner_a, moderator, client):
    response = client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/",
        _profile_data(partner_a, title="มูลนิธิเอ (ใหม่)", description="ข้อความใหม่", provinces=["chiang-mai"]),
    )
    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.title == "มูลนิธิเอ"
    assert "ข้อความใหม่" not in client.get("/th/partners/a/").content.decode()
    state = WorkflowState.objects.for_instance(partner_a).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Partner profile review"
    assert "กำลังตรวจ" in client_as(rep_a).get("/th/account/").content.decode()

    approved = _approve(client_as(moderator), partner_a, comment="ดีมาก")
    assert approved.status_code in (200, 302)
    partner_a.refresh_from_db()
    assert partner_a.title == "มูลนิธิเอ (ใหม่)"
    assert partner_a.sort_key == thai_sort_key("มูลนิธิเอ (ใหม่)")
    assert list(partner_a.areas.values_list("province", flat=True)) == ["chiang-mai"]
    assert "ข้อความใหม่" in client.get("/th/partners/a/").content.decode()


def test_the_representative_sees_a_rejection_and_the_reviewers_comment(
    client_as, rep_a, partner_a, moderator
):
    client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, title="ชื่อผิด")
    )
    state = WorkflowState.objects.for_instance(partner_a).get()
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[partner_a.pk, "reject", state.current_task_state.pk]
    )
    client_as(moderator).post(url, {"comment": "Please use the registered name."})
    partner_a.refresh_from_db()
    assert partner_a.title == "มูลนิธิเอ"
    assert TaskState.objects.get(workflow_state=state).status == TaskState.STATUS_REJECTED
    html = client_as(rep_a).get("/th/account/").content.decode()
    assert "Please use the registered name." in html


def test_a_second_edit_replaces_the_one_waiting_for_review(client_as, rep_a, partner_a):
    signed_in = client_as(rep_a)
    signed_in.post(f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, title="ครั้งแรก"))
    signed_in.post(f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, title="ครั้งที่สอง"))
    states = WorkflowState.objects.for_instance(partner_a)
    assert states.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
    assert states.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1
    partner_a.refresh_from_db()
    assert partner_a.get_latest_revision_as_object().title == "ครั้งที่สอง"
    assert partner_a.title == "มูลนิธิเอ"


def test_the_edit_form_rejects_a_bad_website_address(client_as, rep_a, partner_a):
    response = client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, website="not a url")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["website"]
    assert not WorkflowState.objects.for_instance(partner_a).exists()


def test_a_logo_is_re_encoded_without_its_metadata(client_as, rep_a, partner_a, moderator):
    upload = SimpleUploadedFile("logo.jpg", _png(exif=True), content_type="image/jpeg")
    data = _profile_data(partner_a, logo_upload=upload)
    assert client_as(rep_a).post(f"/th/account/partners/{partner_a.pk}/edit/", data).status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.logo is None  # not live before approval
    _approve(client_as(moderator), partner_a)
    partner_a.refresh_from_db()
    with partner_a.logo.file.open("rb") as handle, PILImage.open(handle) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.png", b"<?php echo 'not an image'; ?>", "image/png"),
        (
            "logo.gif",
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
            b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "image/png",
        ),
        ("huge.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1), "image/png"),
        ("tiny.png", None, "image/png"),
    ],
)
def test_the_logo_upload_refuses_anything_but_a_small_jpeg_png_or_webp(
    client_as, rep_a, partner_a, name, content, content_type
):
    content = content if content is not None else _png(size=(8, 8))
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/", _profile_data(partner_a, logo_upload=upload)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["logo_upload"]
    assert not WorkflowState.objects.for_instance(partner_a).exists()


def test_the_edit_form_shows_the_representatives_own_organisation_grouped_in_fieldsets(
    client_as, rep_a, partner_a
):
    response = client_as(rep_a).get(f"/th/account/partners/{partner_a.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for legend in ("องค์กร", "งานที่ทำ", "ช่องทางติดต่อสาธารณะ"):
        assert f"<legend>{legend}</legend>" in html
    assert 'value="มูลนิธิเอ"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "no-store" in response["Cache-Control"]


def test_a_representative_of_one_organisation_cannot_accept_an_invitation_for_another(
    client, rep_a, partner_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_representative(email="rep-a@example.org", partner=partner_b, language="th")
    link = re.search(r"/th/account/invitation/\S+", mail.outbox[0].body).group(0)
    response = client.post(link, {"password1": "a long pass phrase 42", "password2": "a long pass phrase 42"})
    assert response.status_code == 404
    assert Representative.objects.get(user=rep_a).partner.slug == "a"
    signed_in = client.post(
        "/th/account/login/", {"username": "rep-a@example.org", "password": "correct horse battery staple"}
    )
    assert signed_in.status_code == 302


# --- Sections the floors above add to the portal's home page -------------------------------------------------


@pytest.fixture
def reach_section(tmp_path, settings):
    """A section as a floor above would register it: shown to representatives of partner A only."""
    (tmp_path / "portal_section.html").write_text("<section><h2>Reach of {{ section.name }}</h2></section>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], str(tmp_path)]}, *settings.TEMPLATES[1:]]

    def context(request, representative):
        if representative.partner.slug != "partner-a-section":
            return None
        return {"name": representative.partner.title}

    portal.register_section(key="tests.reach", template="portal_section.html", context=context)
    yield
    portal.unregister_section("tests.reach")


def test_the_portal_home_shows_a_section_a_floor_above_registered(client, rep_a, partner_a, reach_section):
    partner_a.slug = "partner-a-section"
    partner_a.save_revision().publish()
    client.force_login(rep_a)

    response = client.get(reverse("partners:dashboard"))

    assert f"Reach of {partner_a.title}" in response.content.decode()


def test_a_section_that_has_nothing_for_this_person_is_left_out(client, rep_b, reach_section):
    client.force_login(rep_b)

    response = client.get(reverse("partners:dashboard"))

    assert response.status_code == 200
    assert "Reach of" not in response.content.decode()
