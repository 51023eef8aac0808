"""Copying last year's campaign, with all its translations, as drafts for the new year."""

import datetime

from django.urls import reverse
from wagtail import blocks

from campaigns import services
from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignPage
from campaigns.services import copy_campaign_to_year

from ..conftest import translate
from .conftest import EVENT


def test_copying_makes_drafts_of_every_translation_for_the_new_year(
    campaign, english_campaign_index, admin_user
):
    english = translate(campaign, "en", title="25 November 2025")
    copy = copy_campaign_to_year(campaign=campaign, year=2026, user=admin_user)

    copies = CampaignPage.objects.filter(translation_key=copy.translation_key).order_by(
        "locale__language_code"
    )
    assert [page.locale.language_code for page in copies] == ["en", "th"]
    assert all(not page.live for page in copies)
    assert copy.translation_key not in (campaign.translation_key, english.translation_key)
    thai = copies.get(locale__language_code="th")
    assert thai.title == "25 พฤศจิกายน 2569"
    assert thai.slug == "25-november-2026"
    assert thai.year == 2026
    assert thai.key_date == datetime.date(2026, 11, 25)
    assert thai.end_date == datetime.date(2026, 12, 10)
    assert thai.theme_id == campaign.theme_id
    assert [block.block_type for block in thai.body] == [block.block_type for block in campaign.body]
    assert copies.get(locale__language_code="en").title == "25 November 2026"


def test_the_original_campaign_is_left_alone(campaign, admin_user):
    copy_campaign_to_year(campaign=campaign, year=2026, user=admin_user)
    campaign.refresh_from_db()
    assert campaign.live and campaign.year == 2025 and campaign.slug == "25-november-2025"


def test_copying_twice_to_the_same_year_gives_distinct_slugs(campaign, admin_user):
    first = copy_campaign_to_year(campaign=campaign, year=2026, user=admin_user)
    second = copy_campaign_to_year(campaign=campaign, year=2026, user=admin_user)
    assert first.slug != second.slug


def test_staff_copy_from_the_admin_and_land_on_the_new_draft(campaign, admin_user, client_as):
    client = client_as(admin_user)
    url = reverse("campaigns_copy_to_year", args=[campaign.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": "2026"})
    copy = CampaignPage.objects.get(year=2026)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])


def test_the_copy_button_is_offered_on_campaign_pages(campaign, admin_user, client_as):
    html = client_as(admin_user).get(reverse("wagtailadmin_pages:edit", args=[campaign.pk])).content.decode()
    assert reverse("campaigns_copy_to_year", args=[campaign.pk]) in html


def test_a_bad_year_is_refused(campaign, admin_user, client_as):
    response = client_as(admin_user).post(
        reverse("campaigns_copy_to_year", args=[campaign.pk]), {"year": "next"}
    )
    assert response.status_code == 400
    assert not CampaignPage.objects.filter(year=2026).exists()


def test_an_outsider_cannot_copy(campaign, outsider, client_as):
    response = client_as(outsider).post(
        reverse("campaigns_copy_to_year", args=[campaign.pk]), {"year": "2026"}
    )
    assert response.status_code in (302, 403)
    assert CampaignPage.objects.count() == 1


def _events(page) -> list:
    return [(block.value["title"], block.value["date"]) for block in page.body if block.block_type == "event"]


def test_every_event_moves_by_the_same_years_as_the_campaign(campaign, english_campaign_index, admin_user):
    vigil = {**EVENT, "title": "จุดเทียน 16 วัน", "date": datetime.date(2025, 12, 10), "start_time": None}
    campaign.body.append(("event", vigil))
    campaign.save_revision().publish()
    translate(campaign, "en", title="25 November 2025")

    copy = copy_campaign_to_year(campaign=campaign, year=2026, user=admin_user)

    for page in CampaignPage.objects.filter(translation_key=copy.translation_key):
        assert _events(page) == [
            (EVENT["title"], datetime.date(2100, 11, 25)),
            (EVENT["title"], datetime.date(2026, 11, 25)),
            ("จุดเทียน 16 วัน", datetime.date(2026, 12, 10)),
        ], page.locale
        assert page.start_date == datetime.date(2026, 11, 25) and page.end_date == datetime.date(2026, 12, 10)
    walk = next(block for block in copy.body if block.block_type == "event")
    assert walk.value["start_time"] == datetime.time(16, 0)  # the times stay as they were
    assert _events(CampaignPage.objects.get(pk=campaign.pk)) == [
        (EVENT["title"], datetime.date(2099, 11, 25)),
        (EVENT["title"], datetime.date(2025, 11, 25)),
        ("จุดเทียน 16 วัน", datetime.date(2025, 12, 10)),
    ]


def test_an_event_on_29_february_moves_to_28_february_in_a_common_year(campaign_index, theme, admin_user):
    leap = CampaignPageFactory(
        parent=campaign_index,
        title="วันสตรีสากล 2567",
        slug="women-2024",
        year=2024,
        key_date=datetime.date(2024, 2, 29),
        start_date=datetime.date(2024, 2, 29),
        end_date=datetime.date(2024, 3, 8),
        theme=theme,
        body=[("event", {**EVENT, "date": datetime.date(2024, 2, 29)})],
    )
    leap.save_revision().publish()

    copy = copy_campaign_to_year(campaign=leap, year=2025, user=admin_user)
    back = copy_campaign_to_year(campaign=copy, year=2028, user=admin_user)

    assert copy.key_date == datetime.date(2025, 2, 28)
    assert _events(copy) == [(EVENT["title"], datetime.date(2025, 2, 28))]
    assert _events(back) == [(EVENT["title"], datetime.date(2028, 2, 28))]
    assert copy.title == "วันสตรีสากล 2568"


def test_dates_nested_anywhere_in_a_block_move_too():
    deadline_block = blocks.StreamBlock(
        [
            (
                "call",
                blocks.StructBlock(
                    [
                        ("deadline", blocks.DateTimeBlock()),
                        ("days", blocks.ListBlock(blocks.DateBlock())),
                        ("note", blocks.CharBlock()),
                    ]
                ),
            )
        ]
    )
    value = deadline_block.to_python(
        [
            {
                "type": "call",
                "value": {
                    "deadline": "2025-11-25T17:00:00+07:00",
                    "days": ["2025-11-25", "2024-02-29"],
                    "note": "2025",
                },
            }
        ]
    )
    raw = services._shift_raw(deadline_block, list(value.get_prep_value()), 1)
    moved = deadline_block.to_python(raw)[0].value

    assert moved["deadline"].date() == datetime.date(2026, 11, 25) and moved["deadline"].hour == 17
    assert list(moved["days"]) == [datetime.date(2026, 11, 25), datetime.date(2025, 2, 28)]
    assert moved["note"] == "2025"
