"""The inbox in a real browser: a Secretariat member signs in, reads the list and an item without accessibility
violations, and both fit a phone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from advocacy.models import InboxItem
from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from campaigns.models import EventRSVP
from campaigns.services import rsvp_submission

from .conftest import PASSWORD, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMES = ["สมชาย ใจดี", "Jane Doe", "มาลี ศรีสุข", "ณัฐวุฒิ วงศ์ใหญ่ ผู้ประสานงานเครือข่ายเยาวชนเชียงราย"]


@pytest.fixture
def inbox(home):
    """Four RSVPs to one event, filed, tagged and assigned."""
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home), title="25 พฤศจิกายน 2568")
    for number, name in enumerate(NAMES):
        rsvp = EventRSVP.objects.create(
            campaign=campaign,
            event_block_id="walk",
            event_title="เดินรณรงค์ที่หอนาฬิกาเชียงราย วันยุติความรุนแรงต่อผู้หญิงสากล",
            event_date=timezone.localdate(),
            name=name,
            language="th" if number % 2 == 0 else "en",
        )
        item = InboxItem.objects.file(rsvp_submission(rsvp))
        item.tags.add("เชียงราย", "ติดตามผล")
    return InboxItem.objects.order_by("pk")


@pytest.fixture
def signed_in(live_server, page):
    """A Secretariat member signed in to the admin, reading it in Thai."""
    user = get_user_model().objects.create_user(username="secretariat-member", password=PASSWORD)
    # The advocacy migration makes the group; a flush between browser tests may have taken it away.
    group, _created = Group.objects.get_or_create(name="Secretariat")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_inboxitem", "change_inboxitem"])
    )
    user.groups.add(group)
    InboxItem.objects.update(assignee=user)
    return sign_in_to_admin(live_server, page, user)


def pages(live_server, inbox) -> list[str]:
    return [
        live_server.url + "/admin/advocacy/inbox/",
        live_server.url + "/admin/advocacy/inbox/?language=th&tag=เชียงราย",
        live_server.url + f"/admin/advocacy/inbox/{inbox.first().pk}/",
    ]


def test_the_inbox_has_no_accessibility_violations(
    live_server, inbox, signed_in, axe_violations, format_violations
):
    for url in pages(live_server, inbox):
        signed_in.goto(url)
        violations = axe_violations(signed_in)
        assert not violations, f"{url}\n{format_violations(violations)}"


@pytest.mark.parametrize("width", [360, 1280])
def test_the_inbox_fits_the_screen_without_scrolling_sideways(live_server, inbox, signed_in, width):
    signed_in.set_viewport_size({"width": width, "height": 900})
    for url in pages(live_server, inbox):
        signed_in.goto(url)
        overflow = signed_in.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, url
