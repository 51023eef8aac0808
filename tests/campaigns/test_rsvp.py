"""RSVPs to campaign events: kept for staff, with bad input refused."""

from django.utils import translation
from django.utils.translation import gettext

from campaigns.models import EventRSVP

from .conftest import event_block_id


def rsvp_url(campaign) -> str:
    return f"/th/campaigns/{campaign.slug}/rsvp/{event_block_id(campaign)}/"


def rsvp_data(campaign, **fields) -> dict:
    prefix = f"rsvp-{event_block_id(campaign)}"
    data = {"name": "สมชาย", "email": "somchai@example.org", "phone": "", "people": "3", **fields}
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_the_event_shows_an_rsvp_form_that_posts_to_the_campaign(client, campaign):
    html = client.get("/th/campaigns/25-november-2025/").content.decode()
    assert f'action="{rsvp_url(campaign)}"' in html
    assert "csrfmiddlewaretoken" in html


def test_an_rsvp_is_kept_with_its_event(client, campaign):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign))
    assert response.status_code == 302
    assert response["Location"] == f"/th/campaigns/25-november-2025/#event-{event_block_id(campaign)}"
    rsvp = EventRSVP.objects.get()
    assert rsvp.campaign_id == campaign.pk
    assert rsvp.event_title == "เดินรณรงค์ที่หอนาฬิกา"
    assert rsvp.people == 3
    assert rsvp.language == "th"


def test_an_rsvp_needs_an_email_or_a_phone(client, campaign):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, email=""))
    assert response.status_code == 400
    with translation.override("th"):  # the reader is on the Thai page, so the message is in Thai
        expected = gettext("Give an e-mail address or a phone number.")
    assert expected != "Give an e-mail address or a phone number."
    assert expected in response.content.decode()
    assert not EventRSVP.objects.exists()


def test_an_rsvp_refuses_a_bad_phone_and_too_many_people(client, campaign):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, email="", phone="call me", people="500"))
    assert response.status_code == 400
    assert not EventRSVP.objects.exists()


def test_an_rsvp_with_a_phone_only_is_accepted(client, campaign):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, email="", phone="081 234 5678"))
    assert response.status_code == 302
    assert EventRSVP.objects.get().phone == "081 234 5678"


def test_an_rsvp_to_an_unknown_event_is_not_found(client, campaign):
    response = client.post("/th/campaigns/25-november-2025/rsvp/not-an-event/", rsvp_data(campaign))
    assert response.status_code == 404


def test_opening_the_rsvp_address_goes_back_to_the_event(client, campaign):
    response = client.get(rsvp_url(campaign))
    assert response.status_code == 302


def test_staff_can_export_rsvps(client_as, admin_user, client, campaign):
    client.post(rsvp_url(campaign), rsvp_data(campaign))
    response = client_as(admin_user).get("/admin/snippets/campaigns/eventrsvp/?export=csv")
    assert response.status_code == 200
    assert "somchai@example.org" in b"".join(response.streaming_content).decode()


def _rsvp_row(client_as, user, language: str) -> str:
    """The row of the admin's RSVP list for Somchai, as a staff member reading the admin in ``language`` sees it."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    html = client_as(user).get("/admin/snippets/campaigns/eventrsvp/").content.decode()
    return next(row for row in html.split("<tr")[1:] if "สมชาย" in row).split("</tr>")[0]


def test_thai_staff_see_the_event_day_in_the_buddhist_era_in_the_rsvp_list(
    client_as, admin_user, client, campaign
):
    client.post(rsvp_url(campaign), rsvp_data(campaign))
    row = _rsvp_row(client_as, admin_user, "th")
    assert "25 พ.ย. 2568" in row  # the event's day, and in the RSVP's own title
    assert "2025" not in row


def test_english_staff_see_the_event_day_in_the_common_era_in_the_rsvp_list(
    client_as, admin_user, client, campaign
):
    client.post(rsvp_url(campaign), rsvp_data(campaign))
    row = _rsvp_row(client_as, admin_user, "en")
    assert "11/25/2025" in row
    assert "พ.ย. 2568" not in row
