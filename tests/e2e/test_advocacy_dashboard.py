"""The advocacy dashboard in a real browser: a Secretariat member signs in, reads it without violations, and it
fits a phone."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from campaigns.models import EventRSVP
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory
from petitions.models import SignatureStatus, SignatureStatusCount, SignatureTally
from tests.advocacy.dashboard.helpers import count_in, count_statuses

from .conftest import PASSWORD, sign_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TODAY = timezone.localdate()


@pytest.fixture
def figures(home):
    """Two petitions, a year apart, each carried by that year's 25 November campaign, a partner and an event."""
    petitions = PetitionIndexPageFactory(parent=home)
    campaigns = CampaignIndexPageFactory(parent=home)
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="มูลนิธิเพื่อนหญิง", slug="friends"
    )
    theme = CampaignThemeFactory(name="25 พฤศจิกายน", slug="25-november")
    this_key = TODAY - datetime.timedelta(days=10)
    rows = []
    for years_ago, title in ((0, "ยุติความรุนแรงต่อเด็ก"), (1, "ยุติความรุนแรงต่อผู้หญิง")):
        key = this_key.replace(year=this_key.year - years_ago)
        petition = PetitionPageFactory(parent=petitions, title=title)
        campaign = CampaignPageFactory(
            parent=campaigns,
            title=f"25 พฤศจิกายน {key.year + 543}",
            theme=theme,
            year=key.year,
            key_date=key,
            body=[("petition", {"petition": petition, "intro": ""})],
        )
        for offset in range(-30, 31):
            day = key + datetime.timedelta(days=offset)
            if day > TODAY:
                continue
            for index, (province, source, locale) in enumerate(
                (
                    ("chiang-rai", "", "th"),
                    ("bangkok", "friends", "en"),
                    ("songkhla", "line", "th"),
                    ("yala", "", "my"),
                )
            ):
                count = max(0, 40 - abs(offset) - 7 * index + years_ago * 5)
                if count:
                    rows.append(
                        SignatureTally(
                            petition=petition,
                            day=day,
                            province=province,
                            source=source,
                            locale=locale,
                            count=count,
                        )
                    )
        count_statuses(
            SignatureStatusCount(
                petition=petition, day=TODAY - datetime.timedelta(days=n), status=status, count=count
            )
            for n in range(20)
            for status, count in (
                (SignatureStatus.CONFIRMED, 40 + n),
                (SignatureStatus.PENDING, 5 + n % 4),
                (SignatureStatus.QUARANTINED, n % 3),
            )
        )
    count_in(rows)
    EventRSVP.objects.create(
        campaign=campaign,
        event_block_id="walk",
        event_title="เดินรณรงค์ยุติความรุนแรงต่อเด็กและสตรีที่หอนาฬิกาเชียงราย",
        event_date=TODAY,
        name="ก",
        people=12,
    )
    return partner


@pytest.fixture
def signed_in(live_server, page):
    """A Secretariat member signed in to the admin, reading it in Thai."""
    user = get_user_model().objects.create_user(username="secretariat-member", password=PASSWORD)
    # The advocacy migration makes the group; a flush between browser tests may have taken it away.
    group, _created = Group.objects.get_or_create(name="Secretariat")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return sign_in_to_admin(live_server, page, user)


def test_the_dashboard_has_no_accessibility_violations(
    live_server, signed_in, figures, axe_violations, format_violations
):
    signed_in.goto(live_server.url + "/admin/advocacy/")
    assert signed_in.locator("svg[role=img]").count() == 9
    violations = axe_violations(signed_in)
    assert not violations, format_violations(violations)


def test_the_secretariats_admin_home_has_no_accessibility_violations(
    live_server, signed_in, figures, axe_violations, format_violations
):
    assert signed_in.locator("#advocacy-dashboard-section svg[role=img]").count() == 1
    violations = axe_violations(signed_in)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_dashboard_fits_the_screen_without_scrolling_sideways(live_server, signed_in, figures, width):
    signed_in.set_viewport_size({"width": width, "height": 900})
    signed_in.goto(live_server.url + f"/admin/advocacy/?partner={figures.pk}")
    overflow = signed_in.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert signed_in.evaluate(WORDS_OUTSIDE_THEIR_CHART) == []
    assert signed_in.evaluate(WORDS_TOO_SMALL) == []


# Every word of every chart as the browser draws it, in its own font: none may start or end outside its chart.
WORDS_OUTSIDE_THEIR_CHART = """() => Array.from(document.querySelectorAll("svg.advocacy-chart text")).filter(text => {
    const box = text.getBBox(), view = text.ownerSVGElement.viewBox.baseVal;
    return box.x < 0 || box.x + box.width > view.width;
}).map(text => text.textContent)"""

# The words of a chart that shrinks to the screen stay 11 pixels or near it (a wide chart scrolls instead).
WORDS_TOO_SMALL = """() => Array.from(document.querySelectorAll("svg.advocacy-chart text")).filter(text => {
    const svg = text.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return parseFloat(text.getAttribute("font-size")) * scale < 10.9;
}).map(text => text.textContent)"""
