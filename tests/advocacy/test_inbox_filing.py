"""What reaches the inbox: each domain's submission, once, in one form for every translation of it."""

import io

from django.core.management import call_command

from advocacy.models import InboxForm, InboxItem, InboxStatus
from campaigns.models import EventRSVP
from partners.models import Representative
from partners.services import submit_profile_edit
from petitions.services import cosign_petition

from ..campaigns.conftest import event_block_id
from ..conftest import publish_open_petition


def test_an_rsvp_in_thai_and_one_in_english_for_one_event_are_two_rows_of_one_form(
    rsvp, event_campaign, english_event_campaign
):
    assert event_block_id(english_event_campaign) == event_block_id(event_campaign)
    rsvp(event_campaign, "สมชาย ใจดี", "th")
    rsvp(english_event_campaign, "Jane Doe", "en")
    form = InboxForm.objects.get()
    assert form.label == "เดินรณรงค์ที่หอนาฬิกา"
    assert sorted(form.items.values_list("summary", "language")) == [("Jane Doe", "en"), ("สมชาย ใจดี", "th")]
    assert set(form.items.values_list("status", flat=True)) == {InboxStatus.NEW}


def test_a_shared_story_is_filed_as_sensitive(story):
    item = InboxItem.objects.get()
    assert item.sensitive
    assert item.submission == story


def test_deleting_the_rsvp_removes_its_item(rsvp):
    rsvp().delete()
    assert not InboxItem.objects.exists()


def test_filing_old_submissions_files_each_once(rsvp, story):
    rsvp()
    InboxItem.objects.all().delete()
    call_command("file_submissions", stdout=io.StringIO())
    call_command("file_submissions", stdout=io.StringIO())
    assert InboxItem.objects.count() == 2
    assert InboxItem.objects.filter(sensitive=True).count() == 1
    assert InboxItem.objects.get(sensitive=False).received == EventRSVP.objects.get().created_at


def test_an_organisations_co_signature_is_filed_under_its_petition_with_its_partner(
    partner, representative, petition_index
):
    petition = publish_open_petition(petition_index)
    cosign_petition(petition_id=petition.pk, partner=partner, user=representative, statement="เห็นด้วย")
    item = InboxItem.objects.get()
    assert (item.partner, item.form.key, item.summary) == (
        partner,
        f"petitions.cosignature:{petition.pk}",
        partner.title,
    )


def test_a_partner_profile_edit_is_filed_with_a_link_to_its_review_task(
    client_as, secretariat_member, partner, representative
):
    state = submit_profile_edit(
        partner=partner,
        representative=Representative.objects.get(user=representative),
        data={"description": "ใหม่"},
    )
    item = InboxItem.objects.get()
    assert (item.submission, item.partner) == (state, partner)
    page = client_as(secretariat_member).get(f"/admin/advocacy/inbox/{item.pk}/").content.decode()
    assert f"/admin/pages/{partner.pk}/workflow_history/detail/{state.pk}/" in page
