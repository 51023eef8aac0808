"""The demo tells a story on the dashboard and in the inbox on first run: a year of signatures, partners' links,
RSVPs, shared stories, co-signatures, a profile edit and the 16 members' renewal answers; loading it again
changes nothing."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone, translation

from advocacy import dashboard
from advocacy.models import InboxItem, InboxNote, InboxStatus
from advocacy.surveys.models import SurveyAnswer, SurveyPage
from advocacy.surveys.summary import choice_questions
from petitions.demo import campaign_year
from petitions.models import Signature
from site_project.demo import ADMIN_USERNAME


def _dashboard(**filters):
    """The dashboard as the demo admin sees it, in English, for a year up to today unless told otherwise."""
    since = timezone.localdate() - datetime.timedelta(days=364)
    form = dashboard.DashboardFilters(
        {"since": since.isoformat(), **filters}, choices=dashboard.load_choices()
    )
    assert form.is_valid(), form.errors
    admin = get_user_model().objects.get(username=ADMIN_USERNAME)
    return dashboard.build_dashboard(form.scope(), admin)


def _column(chart, index: int = 0) -> list:
    return [row[index] for row in chart.rows]


def _most_chosen(chart) -> str:
    return max(chart.rows, key=lambda row: row[1])[0]


def test_the_dashboard_tells_a_years_story_from_the_demo(demo, client):
    with translation.override("en"):
        charts = _dashboard().charts

    weeks = dict(zip(_column(charts["over-time"]), _column(charts["over-time"], 1), strict=True))
    assert len([week for week, count in weeks.items() if count]) >= 50  # nearly every week of the year
    busiest = max(weeks, key=weeks.get)
    key_date = datetime.date(campaign_year(), 11, 25)
    assert key_date - datetime.timedelta(days=7) < busiest <= key_date + datetime.timedelta(days=16)
    songkran = sum(count for week, count in weeks.items() if week.month == 4 and 6 <= week.day <= 19)
    assert songkran > 2 * sorted(weeks.values())[len(weeks) // 2]  # Songkran beats an ordinary week

    assert [name for name, _count in charts["provinces"].top()[:2]] == ["Chiang Rai", "Bangkok"]
    assert len(charts["provinces"].rows) > 60

    sources = {row[0]: row[-1] for row in charts["sources"].rows}
    assert {"Direct, no source", "line", "facebook"} <= set(sources)
    assert len([note for note in sources.values() if "partner's link" in note]) == 4
    assert sources["Cindy Sirinya Bishop"] == "partner's link (cindy-sirinya-bishop)"

    languages = dict(charts["languages"].rows)
    assert set(languages) == {"Thai", "English", "Khmer", "Burmese"}
    assert languages["Thai"] > 5 * languages["English"]

    this_year, last_year = _column(charts["year-over-year"], 1), _column(charts["year-over-year"], 2)
    so_far = [value for value in this_year if value is not None]  # this year's line stops at today
    assert 0 < last_year[-1] < so_far[-1]

    assert len(charts["rsvps"].rows) == 3
    assert "0 are full" in charts["rsvps"].summary  # the walk and the training, two places short each
    assert charts["cosignatures"].summary == (
        "6 organisations co-signed; 4 co-signatures approved, 2 awaiting approval."
    )

    client.force_login(get_user_model().objects.get(username=ADMIN_USERNAME))
    since = (timezone.localdate() - datetime.timedelta(days=364)).isoformat()
    cindy = next(
        value
        for value, sources in dashboard.load_choices().partner_sources.items()
        if "cindy-sirinya-bishop" in sources
    )
    html = client.get(f"/admin/advocacy/?since={since}&partner={cindy}").content.decode()
    assert "ซินดี้ สิรินยา บิชอพ" in html and "เชียงราย" in html


def test_the_inbox_holds_every_kind_of_submission_and_the_16_members_renewal_answers(
    demo, secretariat_member
):
    items = InboxItem.objects.all()
    rsvps = items.filter(content_type__model="eventrsvp")
    assert rsvps.count() > 100
    assert rsvps.filter(language="en").exists()
    assert rsvps.values("form").distinct().count() == 3  # one form per event, whichever language
    assert rsvps.dates("received", "day").count() > 7  # replies came in over the weeks before each event
    stories = items.filter(content_type__model="storysubmission")
    assert stories.count() == 5 and not stories.filter(sensitive=False).exists()
    assert not InboxItem.objects.visible_to(secretariat_member).filter(content_type__model="storysubmission")
    co_signatures = items.filter(content_type__model="organisationcosignature")
    assert co_signatures.count() == 6 and not co_signatures.filter(partner=None).exists()
    assert items.filter(content_type__model="workflowstate").count() == 1  # a profile edit awaiting review
    answers = items.filter(content_type__model="surveyanswer")
    assert answers.count() == 16
    assert answers.values("partner").distinct().count() == 16
    assert answers.filter(language="en").count() == 2
    assert set(items.values_list("status", flat=True)) == {
        InboxStatus.NEW,
        InboxStatus.IN_PROGRESS,
        InboxStatus.DONE,
    }
    assert items.exclude(assignee=None).exists()
    assert items.filter(tags__name="ต่ออายุสมาชิก").exists()
    assert InboxNote.objects.filter(item__content_type__model="storysubmission").count() == 1

    survey = SurveyPage.objects.get(slug="membership-renewal", locale__language_code="th")
    assert SurveyAnswer.objects.of_survey(survey).count() == 16
    renew, finances, threats, work = (
        (question.answers, _most_chosen(question.chart)) for question in choice_questions(survey)
    )
    assert renew == (16, "ต่ออายุ")
    assert finances == (16, "แย่ลง")
    assert threats[1] == "การใส่ร้ายป้ายสีออนไลน์"
    assert work == (16, "รณรงค์เชิงนโยบาย")


def test_loading_the_demo_twice_changes_no_count(demo):
    def counts():
        return (
            Signature.objects.count(),
            InboxItem.objects.count(),
            InboxItem.objects.exclude(status=InboxStatus.NEW).count(),
            InboxNote.objects.count(),
            SurveyAnswer.objects.count(),
            [chart.rows for chart in _dashboard().charts.values()],
        )

    before = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
