"""RSVPs to campaign events: kept for staff, with bad input refused, and defended without CSRF (the form
token, the honeypot and a per-address limit) so that the campaign page can be one copy for every reader."""

import re
import time
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import translation
from django.utils.functional import empty
from django.utils.translation import gettext

from campaigns import views
from campaigns.forms import FORM_TOKEN_SCOPE, TOKEN_REFUSED, event_key
from campaigns.models import EventRSVP
from site_project import form_tokens

from .conftest import event_block_id

RSVP_FORM = re.compile(r'<form\s+action="([^"]+)"[^>]*>(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
THANKS = "Thank you. We have noted that you will come."


def rsvp_url(campaign, block_id: str = "", *, language: str = "th") -> str:
    return f"/{language}/campaigns/rsvp/{campaign.pk}/{block_id or event_block_id(campaign)}/"


def rsvp_data(campaign, *, token: str | None = None, **fields) -> dict:
    """What a person sends from the event's form, with the token of the page they read unless ``token``."""
    block_id = event_block_id(campaign)
    if token is None:
        token = form_tokens.make(FORM_TOKEN_SCOPE, event_key(campaign.pk, block_id))
    data = {"name": "สมชาย", "email": "somchai@example.org", "phone": "", "people": "3", **fields}
    return {f"rsvp-{block_id}-{key}": value for key, value in {**data, "form_token": token}.items()}


def reader() -> Client:
    """An anonymous visitor with their own (empty) cookie jar, held to the CSRF check as a browser is."""
    return Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")


def rsvp_form(response) -> tuple[str, dict]:
    """The RSVP form's action and hidden fields, as a browser would send them."""
    action, form = next(
        (action, form) for action, form in RSVP_FORM.findall(response.content.decode()) if "/rsvp/" in action
    )
    return action, dict(HIDDEN.findall(form))


def person(campaign, **fields) -> dict:
    """What a person types into the event's form."""
    data = {"name": "สมหญิง ใจดี", "email": "somying@example.org", "phone": "", "people": "2", **fields}
    return {f"rsvp-{event_block_id(campaign)}-{key}": value for key, value in data.items()}


def in_thai(message) -> str:
    with translation.override("th"):  # the reader is on the Thai page, so messages are in Thai
        return gettext(message)


@pytest.fixture
def later(monkeypatch):
    """Move the clock that a token's life is checked by ``seconds`` ahead: the time between the page and the post."""

    def move(seconds: float) -> None:
        moved = time.time() + seconds
        monkeypatch.setattr("django.core.signing.time", SimpleNamespace(time=lambda: moved))

    return move


def test_the_event_shows_an_rsvp_form_that_posts_to_the_campaign_without_a_csrf_token(client, campaign):
    response = client.get("/th/campaigns/25-november-2025/")
    action, hidden = rsvp_form(response)
    assert action == rsvp_url(campaign)
    assert f"rsvp-{event_block_id(campaign)}-form_token" in hidden
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_a_reader_rsvps_from_the_page_with_no_csrf_cookie(campaign):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get("/th/campaigns/25-november-2025/"))
    response = visitor.post(action, {**hidden, **person(campaign)})
    assert response.status_code == 302
    assert response["Location"] == f"/th/campaigns/25-november-2025/#event-{event_block_id(campaign)}"
    assert in_thai(THANKS) in visitor.get(response["Location"]).content.decode()
    assert EventRSVP.objects.get().name == "สมหญิง ใจดี"


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
    expected = in_thai("Give an e-mail address or a phone number.")
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


def test_an_rsvp_to_an_unknown_event_or_campaign_is_not_found(client, campaign):
    assert client.post(rsvp_url(campaign, "not-an-event"), rsvp_data(campaign)).status_code == 404
    unknown_campaign = f"/th/campaigns/rsvp/{campaign.pk + 1000}/{event_block_id(campaign)}/"
    assert client.post(unknown_campaign, rsvp_data(campaign)).status_code == 404
    assert not EventRSVP.objects.exists()


def test_an_rsvp_to_an_unpublished_campaign_is_not_found(client, campaign):
    campaign.unpublish()
    assert client.post(rsvp_url(campaign), rsvp_data(campaign)).status_code == 404


def test_opening_the_rsvp_address_goes_back_to_the_event(client, campaign):
    back = f"/th/campaigns/25-november-2025/#event-{event_block_id(campaign)}"
    assert client.get(rsvp_url(campaign))["Location"] == back


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="missing"),
        pytest.param("not-a-token", id="forged"),
        pytest.param(form_tokens.make(FORM_TOKEN_SCOPE, "1/another-event"), id="for-another-event"),
        pytest.param(form_tokens.make("petitions.sign-form", 1), id="for-another-form"),
    ],
)
def test_it_refuses_an_rsvp_without_a_good_token_and_keeps_what_was_typed(client, campaign, token):
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, token=token, name="สมชาย ใจกล้า"))
    assert response.status_code == 400
    html = response.content.decode()
    assert in_thai(TOKEN_REFUSED) in html
    assert 'value="สมชาย ใจกล้า"' in html and 'value="somchai@example.org"' in html
    assert not EventRSVP.objects.exists()


def test_a_token_changed_by_hand_is_refused(client, campaign):
    token = form_tokens.make(FORM_TOKEN_SCOPE, event_key(campaign.pk, event_block_id(campaign)))
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.post(rsvp_url(campaign), rsvp_data(campaign, token=changed)).status_code == 400
    assert not EventRSVP.objects.exists()


def test_a_refused_form_comes_back_with_a_new_token_that_is_taken(campaign, later):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get("/th/campaigns/25-november-2025/"))
    later(form_tokens.max_age() + 60)  # a page left open for longer than any token lives
    refused = visitor.post(action, {**hidden, **person(campaign)})
    assert refused.status_code == 400
    assert in_thai(TOKEN_REFUSED) in refused.content.decode()
    action, hidden_again = rsvp_form(refused)
    assert hidden_again != hidden
    assert visitor.post(action, {**hidden_again, **person(campaign)}).status_code == 302
    assert EventRSVP.objects.get().email == "somying@example.org"


def test_a_form_a_day_old_from_a_last_good_copy_still_rsvps(client, campaign, later):
    data = rsvp_data(campaign)
    later(form_tokens.max_age() - 60)
    assert client.post(rsvp_url(campaign), data).status_code == 302
    assert EventRSVP.objects.count() == 1


def test_a_bot_that_fills_the_honeypot_is_thanked_and_not_recorded(campaign):
    visitor = reader()
    action, hidden = rsvp_form(visitor.get("/th/campaigns/25-november-2025/"))
    bot = {**person(campaign), f"rsvp-{event_block_id(campaign)}-website": "https://spam.example"}
    response = visitor.post(action, {**hidden, **bot})
    assert response.status_code == 302
    assert in_thai(THANKS) in visitor.get(response["Location"]).content.decode()
    assert not EventRSVP.objects.exists()


def test_one_address_sending_many_rsvps_is_asked_to_wait(client, campaign, monkeypatch):
    monkeypatch.setattr(views, "RSVP_RATE_LIMIT", "2/600")
    for _ in range(2):
        assert client.post(rsvp_url(campaign), rsvp_data(campaign)).status_code == 302
    response = client.post(rsvp_url(campaign), rsvp_data(campaign, name="คนที่สาม"))
    assert response.status_code == 429
    html = response.content.decode()
    assert (
        in_thai("We have had many replies from your connection. Wait a few minutes, then send again.") in html
    )
    assert 'value="คนที่สาม"' in html
    assert EventRSVP.objects.count() == 2
    other_address = client.post(rsvp_url(campaign), rsvp_data(campaign), REMOTE_ADDR="10.1.2.3")
    assert other_address.status_code == 302


def test_an_office_on_the_allowlist_is_not_limited(client, campaign, monkeypatch, settings):
    monkeypatch.setattr(views, "RSVP_RATE_LIMIT", "1/600")
    settings.PETITION_RATE_LIMIT_ALLOWLIST = ["127.0.0.0/8"]
    for _ in range(3):
        assert client.post(rsvp_url(campaign), rsvp_data(campaign)).status_code == 302
    assert EventRSVP.objects.count() == 3


def test_an_rsvp_never_reads_the_session_or_the_signed_in_user(campaign, editor, client_as):
    signed_in = client_as(editor)
    signed_in.handler.enforce_csrf_checks = True
    for data, status in ((rsvp_data(campaign), 302), (rsvp_data(campaign, token=""), 400)):
        response = signed_in.post(rsvp_url(campaign), data)
        assert response.status_code == status
        assert not response.wsgi_request.session.accessed
        assert response.wsgi_request.user._wrapped is empty
    assert EventRSVP.objects.count() == 1


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
    assert "25 พ.ย. 2642" in row  # the event's day, and in the RSVP's own title
    assert "2099" not in row


def test_english_staff_see_the_event_day_in_the_common_era_in_the_rsvp_list(
    client_as, admin_user, client, campaign
):
    client.post(rsvp_url(campaign), rsvp_data(campaign))
    row = _rsvp_row(client_as, admin_user, "en")
    assert "11/25/2099" in row
    assert "พ.ย. 2642" not in row
