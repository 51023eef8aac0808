"""The public "share your story" form: stored for staff, e-mailed about, never published."""

from django.core import mail

from site_project.burmese import as_unicode
from site_project.models import SiteSettings
from stories.models import StoryPage, StorySubmission

STORY = "ฉันถูกคุกคามในงานสงกรานต์ และอยากให้คนอื่นรู้ว่าไม่ใช่ความผิดของเรา"


def test_the_form_is_offered_in_each_language(client, story_index, english_story_index):
    assert client.get("/th/stories/share/").status_code == 200
    response = client.get("/en/stories/share/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_story_sent_in_is_kept_for_review_and_staff_are_told(
    client, story_index, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "stories@phakhi.example"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/th/stories/share/",
            {
                "name": "นก",
                "contact": "line: nok123",
                "story": STORY,
                "may_contact": "on",
                "understood": "on",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/th/stories/share/thanks/"
    submission = StorySubmission.objects.get()
    assert submission.status == "new"
    assert submission.language == "th"
    assert submission.may_contact
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["stories@phakhi.example"]
    assert STORY not in mail.outbox[0].body  # the story stays in the admin
    assert f"/admin/snippets/stories/storysubmission/edit/{submission.pk}/" in mail.outbox[0].body


def test_nothing_is_published_from_a_submission(client, story_index):
    client.post("/th/stories/share/", {"name": "นก", "story": STORY, "understood": "on"})
    assert StorySubmission.objects.count() == 1
    assert not StoryPage.objects.exists()


def test_the_form_refuses_a_story_without_the_acknowledgement(client, story_index):
    response = client.post("/th/stories/share/", {"name": "นก", "story": STORY})
    assert response.status_code == 400
    assert not StorySubmission.objects.exists()


def test_the_form_refuses_an_empty_or_tiny_story(client, story_index):
    response = client.post("/th/stories/share/", {"name": "นก", "story": "สั้น", "understood": "on"})
    assert response.status_code == 400
    assert not StorySubmission.objects.exists()


def test_asking_to_be_contacted_needs_a_way_to_reach_you(client, story_index):
    response = client.post(
        "/th/stories/share/", {"name": "นก", "story": STORY, "may_contact": "on", "understood": "on"}
    )
    assert response.status_code == 400
    assert not StorySubmission.objects.exists()


def test_the_thank_you_page_says_nothing_is_published(client, story_index):
    response = client.get("/th/stories/share/thanks/")
    assert response.status_code == 200


def test_staff_read_submissions_in_the_admin(client_as, admin_user, story_index):
    StorySubmission.objects.create(name="นก", story=STORY)
    response = client_as(admin_user).get("/admin/snippets/stories/storysubmission/")
    assert response.status_code == 200
    assert "นก" in response.content.decode()


def test_thai_staff_are_told_in_thai_when_the_story_came_in_by_the_buddhist_era(
    client, story_index, admin_user, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from site_project.dates import THAI_MONTHS, buddhist_year

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/th/stories/share/",
            {"name": "นก", "contact": "", "story": STORY, "understood": "on"},
        )
    today = timezone.localdate()
    notice = mail.outbox[0]
    assert notice.subject == "[ภาคี] มีผู้แบ่งปันเรื่องราวกับเรา"
    assert f"{today.day} {THAI_MONTHS[today.month - 1]} {buddhist_year(today.year)} เวลา" in notice.body
    assert "แบบฟอร์ม" in notice.body and "For the sender's safety" not in notice.body


ZAWGYI = "ေႏွာင့္ယွက္မႈ ရပ္တန္႔ေရး"  # "stop harassment", typed in Zawgyi
UNICODE = "နှောင့်ယှက်မှု ရပ်တန့်ရေး"


def test_a_story_sent_in_zawgyi_is_stored_in_unicode(client, story_index):
    story = f"{ZAWGYI} ကျွန်ုပ်တို့ ပြောပါရစေ"
    response = client.post(
        "/th/stories/share/",
        {"name": "ေႏွာင့္", "story": story, "understood": "on"},
    )
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.story.startswith(UNICODE)
    assert submission.name == as_unicode("ေႏွာင့္")
    assert submission.name != "ေႏွာင့္"
