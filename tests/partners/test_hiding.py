"""Safety: a representative hides the organisation's contacts, or takes it out of the directory, at once.

Personas: ``rep_a`` represents organisation A, ``rep_b`` organisation B; ``admin_user`` is secretariat staff.
"""

from django.urls import reverse
from wagtail.models import PageLogEntry

from partners.models import PartnerContacts

from .accounts import approve_contacts, profile_form, public_html


def _safety(client, page, action):
    return client.post(f"/th/account/partners/{page.pk}/safety/", {"action": action})


def test_a_representative_hides_the_contacts_at_once_in_every_language_and_cached_pages_follow(
    client, client_as, rep_a, english_a, contacts_a, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    for path in ("/th/partners/a/", "/en/partners/a/"):
        assert "053 111 222" in public_html(client, path)
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    dashboard = client_as(rep_a).get("/th/account/").content.decode()
    assert "ซ่อนที่อยู่และช่องทางติดต่อของเราเดี๋ยวนี้" in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        response = _safety(client_as(rep_a), english_a, "hide_contacts")
    assert response.status_code == 302
    for path in ("/th/partners/a/", "/en/partners/a/"):
        html = public_html(client, path)
        assert "053 111 222" not in html and "พหลโยธิน" not in html and "info@a.example.org" not in html
    assert "ซ่อนอยู่" in client_as(rep_a).get("/th/account/").content.decode()
    logged = PageLogEntry.objects.filter(action="partners.hide_contacts")
    assert sorted(entry.page_id for entry in logged) == sorted(
        [english_a.pk, english_a.get_translation(english_a.locale.get_default()).pk]
    )
    assert {entry.user for entry in logged} == {rep_a}


def test_a_representative_takes_the_organisation_out_of_the_directory_at_once(
    client, client_as, rep_a, partner_b, english_a, contacts_a, admin_user
):
    assert "มูลนิธิเอ" in public_html(client, "/th/partners/")
    assert _safety(client_as(rep_a), english_a, "unlist").status_code == 302
    directory = public_html(client, "/th/partners/")
    assert "มูลนิธิเอ" not in directory and "มูลนิธิบี" in directory
    assert client.get("/th/partners/a/").status_code == 404
    assert client.get("/en/partners/a/").status_code == 404
    assert client_as(rep_a).get("/th/partners/a/").status_code == 404  # not even to its own representative
    assert "/th/partners/a/" not in client.get("/sitemap-th.xml").content.decode()
    assert client_as(admin_user).get("/th/partners/a/").status_code == 200  # staff still see it
    assert PageLogEntry.objects.filter(action="partners.unlist").count() == 2


def test_another_partners_representative_cannot_hide_or_unlist_someone_else(
    client, client_as, rep_b, partner_a, contacts_a
):
    for action in ("hide_contacts", "unlist"):
        assert _safety(client_as(rep_b), partner_a, action).status_code == 403
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden and not contacts_a.unlisted
    assert "053 111 222" in public_html(client, "/th/partners/a/")


def test_an_anonymous_visitor_cannot_hide_anyone(client, partner_a, contacts_a):
    response = _safety(client, partner_a, "hide_contacts")
    assert response.status_code == 302 and response["Location"].startswith("/th/account/login/")
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden


def test_the_safety_control_refuses_an_action_it_does_not_know(client_as, rep_a, partner_a, contacts_a):
    response = _safety(client_as(rep_a), partner_a, "delete_everything")
    assert response.status_code == 400
    assert "เลือกสิ่งที่จะซ่อน" in response.content.decode()
    contacts_a.refresh_from_db()
    assert not contacts_a.is_protected


def test_hiding_is_undone_only_when_an_edit_asking_for_it_is_approved(
    client, client_as, rep_a, moderator, english_a, contacts_a
):
    _safety(client_as(rep_a), english_a, "hide_contacts")
    _safety(client_as(rep_a), english_a, "unlist")
    form = client_as(rep_a).get(f"/en/account/partners/{english_a.pk}/edit/").content.decode()
    assert 'name="restore_visibility"' in form
    data = profile_form(
        english_a,
        public_phone=contacts_a.public_phone,
        address=contacts_a.address,
        public_email=contacts_a.public_email,
        restore_visibility="on",
    )
    assert client_as(rep_a).post(f"/en/account/partners/{english_a.pk}/edit/", data).status_code == 302
    assert client.get("/th/partners/a/").status_code == 404  # still hidden while in review

    approve_contacts(client_as(moderator), contacts_a)
    contacts_a.refresh_from_db()
    assert not contacts_a.is_protected
    assert "053 111 222" in public_html(client, "/th/partners/a/")
    assert "มูลนิธิเอ" in public_html(client, "/th/partners/")
    assert PageLogEntry.objects.filter(action="partners.restore_visibility").count() == 2


def test_an_edit_sent_before_hiding_and_approved_after_cannot_bring_the_contacts_back(
    client, client_as, rep_a, moderator, partner_a, contacts_a
):
    client_as(rep_a).post(
        f"/th/account/partners/{partner_a.pk}/edit/",
        profile_form(partner_a, public_phone="053 999 999", public_email=contacts_a.public_email),
    )
    _safety(client_as(rep_a), partner_a, "hide_contacts")
    approve_contacts(client_as(moderator), contacts_a)
    contacts_a.refresh_from_db()
    assert contacts_a.public_phone == "053 999 999"
    assert contacts_a.contacts_hidden
    assert "053 999 999" not in public_html(client, "/th/partners/a/")


def test_staff_show_the_contacts_again_from_the_admin(
    client, client_as, rep_a, admin_user, partner_a, contacts_a
):
    _safety(client_as(rep_a), partner_a, "hide_contacts")
    url = reverse("wagtailsnippets_partners_partnercontacts:edit", args=[contacts_a.pk])
    staff = client_as(admin_user)
    assert 'name="restore_visibility"' in staff.get(url).content.decode()
    data = {
        "public_email": contacts_a.public_email,
        "public_phone": contacts_a.public_phone,
        "address": contacts_a.address,
        "website": "",
        "line_official_account": "",
        "facebook_url": "",
        "restore_visibility": "on",
        "action-publish": "action-publish",
    }
    assert staff.post(url, data).status_code == 302
    contacts_a.refresh_from_db()
    assert not contacts_a.contacts_hidden
    assert "053 111 222" in public_html(client, "/th/partners/a/")


def test_staff_cannot_add_a_second_contact_record_by_hand(client_as, admin_user, contacts_a):
    listing = client_as(admin_user).get(reverse("wagtailsnippets_partners_partnercontacts:list"))
    assert listing.status_code == 200 and "มูลนิธิเอ" in listing.content.decode()
    response = client_as(admin_user).get(reverse("wagtailsnippets_partners_partnercontacts:add"))
    assert response.status_code in (302, 403)
    assert PartnerContacts.objects.count() == 1
