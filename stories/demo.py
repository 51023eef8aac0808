"""Demo stories from the source documents (002): the influencer Cindy Sirinya Bishop and the 2018 exhibition
"DON'T TELL ME HOW TO DRESS", and a survivor who speaks for herself ("ตัวจริงเสียงจริง") under an alias.

The survivor's story is a composite written for the demo, not a real person's account. Each story has a
consent record, so it can be live. Five stories shared through the form (composites too, in Thai) wait for the
Safeguarding group in the inbox. Idempotent: pages are found by slug and left alone once made; the shared
stories are made once.
"""

import datetime

from django.utils import timezone

from petitions.demo import featured_petition
from site_project import demo_loaders
from site_project.demo_illustrations import demo_alt
from site_project.factories import demo_image, locale, publish_translation, section_index

from . import demo_km_my
from .factories import StoryIndexPageFactory, StoryPageFactory
from .models import WEBSITE, StoryConsent, StoryIndexPage, StoryPage, StorySubmission, Storyteller

INDEX = {
    "th": {
        "title": "เรื่องเล่า",
        "intro": "ตัวจริงเสียงจริง: เรื่องจากผู้ที่ผ่านพ้นความรุนแรงมาแล้ว และผู้ที่ร่วมส่งเสียงกับภาคีเครือข่าย",
        "share_intro": "เรื่องของคุณอาจช่วยให้คนอื่นกล้าพูด มีเพียงเจ้าหน้าที่ของเราที่อ่าน และจะไม่มีการเผยแพร่หากคุณไม่ยินยอม",
    },
    "en": {
        "title": "Stories",
        "intro": "Real people, real voices: survivors who speak for themselves, and the people who speak up with us.",
        "share_intro": "Your story may help someone else speak up. Only our staff read it; nothing is published without your consent.",
    },
}

STORYTELLERS = {
    "cindy": {
        "kind": "influencer",
        "use_alias": False,
        "th": {"name": "ซินดี้ สิรินยา บิชอพ", "alias": "", "bio": "นางแบบ นักแสดง และผู้ร่วมรณรงค์กับมูลนิธิหญิงชายก้าวไกล"},
        "en": {
            "name": "Cindy Sirinya Bishop",
            "alias": "",
            "bio": "Model, actor, and campaigner with the Women and Men Progressive Movement Foundation.",
        },
    },
    "nam": {
        "kind": "survivor",
        "use_alias": True,
        "th": {"name": "ผู้รอดพ้น (ชื่อจริงเก็บไว้ที่สำนักเลขาฯ)", "alias": "น้ำ", "bio": "แกนนำกลุ่มสนับสนุนในชุมชน"},
        "en": {
            "name": "Survivor (real name kept by the secretariat)",
            "alias": "Nam",
            "bio": "A support-group leader in her community.",
        },
    },
}

STORIES = [
    {
        "slug": "dont-tell-me-how-to-dress",
        "storyteller": "cindy",
        "story_date": datetime.date(2018, 4, 20),
        "campaign": "songkran-2025",
        "themes": ["songkran"],
        "colour": (179, 38, 30),
        "sensitive": False,
        "consent": {"consented_by": "ซินดี้ สิรินยา บิชอพ", "valid_until": None},
        "th": {
            "title": "DON'T TELL ME HOW TO DRESS: เสื้อผ้าไม่ใช่ข้ออ้าง",
            "intro": "ซินดี้ สิรินยา บิชอพ นำประสบการณ์การถูกคุกคามทางเพศในเทศกาลสงกรานต์ของตัวเองมาร่วมรณรงค์ และจัดนิทรรศการในปี 2561",
            "content_warning": "เรื่องนี้กล่าวถึงการคุกคามทางเพศ",
            "pull_quote": "อย่ามาบอกว่าฉันควรแต่งตัวอย่างไร",
            "body": [
                (
                    "paragraph",
                    "<p>หลังถูกคุกคามทางเพศในช่วงสงกรานต์ ซินดี้ได้ยินคำแนะนำว่าผู้หญิงควรแต่งตัวให้มิดชิด "
                    "เธอจึงตั้งคำถามกลับว่าทำไมภาระจึงตกอยู่กับผู้ถูกกระทำ</p>",
                ),
                (
                    "paragraph",
                    "<p>เธอร่วมรณรงค์กับมูลนิธิหญิงชายก้าวไกล และร่วมจัดนิทรรศการ DON'T TELL ME HOW TO DRESS "
                    "ในปี 2561 ที่จัดแสดงเสื้อผ้าที่ผู้ถูกคุกคามสวมอยู่ในวันนั้น เพื่อบอกว่าเสื้อผ้าไม่เคยเป็นสาเหตุ</p>",
                ),
            ],
        },
        "en": {
            "title": "DON'T TELL ME HOW TO DRESS: clothes are no excuse",
            "intro": "Cindy Sirinya Bishop brought her own experience of sexual harassment at Songkran to the campaign, and co-organised an exhibition in 2018.",
            "content_warning": "This story mentions sexual harassment.",
            "pull_quote": "Don't tell me how to dress.",
            "body": [
                (
                    "paragraph",
                    "<p>After she was sexually harassed during Songkran, Cindy heard the usual advice: women "
                    "should dress modestly. She asked why the burden falls on the person harassed.</p>",
                ),
                (
                    "paragraph",
                    "<p>She campaigned with the Women and Men Progressive Movement Foundation and co-organised "
                    "the 2018 exhibition DON'T TELL ME HOW TO DRESS, showing the clothes people wore when they were "
                    "harassed, to say that clothes are never the cause.</p>",
                ),
            ],
        },
    },
    {
        "slug": "nam-speaks-for-herself",
        "storyteller": "nam",
        "story_date": datetime.date(2025, 11, 25),
        "campaign": "25-november-2025",
        "themes": ["25-november"],
        "colour": (63, 29, 94),
        "sensitive": True,
        "consent": {"consented_by": "น้ำ (นามแฝง)", "valid_until": datetime.date(2027, 12, 31)},
        "th": {
            "title": "ตัวจริงเสียงจริง: วันที่ฉันเลือกพูด",
            "intro": "น้ำผ่านพ้นความรุนแรงในครอบครัวมาแล้ว วันนี้เธอเป็นแกนนำกลุ่มสนับสนุนที่ช่วยให้ผู้หญิงคนอื่นกล้าขอความช่วยเหลือ",
            "content_warning": "เรื่องนี้กล่าวถึงความรุนแรงในครอบครัว",
            "pull_quote": "ความรุนแรงไม่ใช่เรื่องส่วนตัว และไม่ใช่ความผิดของเรา",
            "body": [
                (
                    "paragraph",
                    "<p>หลายปีที่น้ำคิดว่าความรุนแรงในบ้านเป็นเรื่องที่ต้องเก็บไว้ จนเพื่อนบ้านพาเธอไปพบกลุ่มสนับสนุน "
                    "ที่นั่นเธอได้ยินเรื่องของผู้หญิงคนอื่นที่เหมือนกับเธอ</p>",
                ),
                (
                    "paragraph",
                    "<p>วันนี้น้ำชวนผู้หญิงในชุมชนมาคุยกันทุกเดือน และบอกทุกคนว่าสายด่วน 1300 เปิดตลอด 24 ชั่วโมง</p>",
                ),
            ],
        },
        "en": {
            "title": "Real people, real voices: the day I chose to speak",
            "intro": "Nam survived domestic violence. Today she leads a support group that helps other women ask for help.",
            "content_warning": "This story mentions domestic violence.",
            "pull_quote": "Violence is not a private matter, and it is not our fault.",
            "body": [
                (
                    "paragraph",
                    "<p>For years Nam thought violence at home was something to keep quiet about, until a "
                    "neighbour took her to a support group, where she heard other women's stories like her own.</p>",
                ),
                (
                    "paragraph",
                    "<p>Today Nam invites women in her community to meet every month, and tells everyone "
                    "that the 1300 hotline is open 24 hours a day.</p>",
                ),
            ],
        },
    },
]


# Stories sent through the public form: composites written for the demo, not real people's accounts. Sensitive
# by nature, so the inbox shows them to the Safeguarding group only.
SUBMISSIONS = [
    {
        "name": "ดาว",
        "contact": "LINE: dao-demo",
        "may_contact": True,
        "language": "th",
        "story": "ฉันอยู่กับสามีที่ดื่มทุกคืนจนดึก หลายครั้งเขากลับมาแล้วทำร้ายฉันต่อหน้าลูก ฉันเพิ่งรู้จากเพื่อนว่ามีสายด่วน 1300 "
        "ตอนนี้ฉันย้ายมาอยู่กับแม่ที่แม่สายแล้ว อยากให้เรื่องของฉันช่วยให้ผู้หญิงคนอื่นรู้ว่าขอความช่วยเหลือได้",
        "status": "in_progress",
        "days_ago": 26,
    },
    {
        "name": "เยาวชนเชียงราย",
        "contact": "",
        "may_contact": False,
        "language": "th",
        "story": "สงกรานต์ปีนี้ฉันถูกคนแปลกหน้าจับตัวระหว่างเล่นน้ำ ไม่มีใครช่วยและมีคนบอกว่าเป็นเรื่องสนุก "
        "ฉันไม่ได้บอกใครที่บ้าน แต่อยากให้ผู้ใหญ่รู้ว่ามันไม่สนุกเลย",
        "status": "reviewed",
        "days_ago": 19,
    },
    {
        "name": "แม่ของน้องฝน",
        "contact": "08x-xxx-xxxx (โทรหลัง 18.00 น.)",
        "may_contact": True,
        "language": "th",
        "story": "ลูกสาวอายุ 14 ถูกชวนคุยทางออนไลน์โดยคนที่อ้างว่าเป็นแมวมอง ขอรูปและนัดให้ไปเชียงใหม่ "
        "โชคดีที่ครูสังเกตเห็นก่อน อยากรู้ว่าจะแจ้งความและปกป้องลูกต่อไปอย่างไร",
        "status": "new",
        "days_ago": 8,
    },
    {
        "name": "พี่แสง",
        "contact": "",
        "may_contact": False,
        "language": "th",
        "story": "ผมเคยทำงานเรือประมงที่ไม่ได้ค่าจ้างและออกจากเรือไม่ได้เกือบปี ตอนนี้กลับบ้านที่เชียงรายแล้ว "
        "อยากเล่าให้คนรุ่นใหม่รู้ว่าการชวนไปทำงานที่ได้เงินดีเกินจริงต้องระวัง",
        "status": "new",
        "days_ago": 3,
    },
    {
        "name": "หมี่",
        "contact": "mya-demo@example.invalid",
        "may_contact": True,
        "language": "th",
        "story": "ฉันมาจากรัฐฉานเพื่อทำงานร้านอาหารในเชียงราย นายจ้างยึดบัตรและเอกสารของฉันไว้ องค์กรสมาชิกช่วยให้ได้คืน "
        "อยากเล่าเรื่องนี้เป็นภาษาพม่าด้วย ให้คนในชุมชนรู้ว่านายจ้างยึดเอกสารไม่ได้",
        "status": "new",
        "days_ago": 1,
    },
]


def _storyteller(key: str) -> Storyteller:
    data = STORYTELLERS[key]
    thai = Storyteller.objects.filter(locale=locale("th"), name=data["th"]["name"]).first()
    if thai is None:
        thai = Storyteller.objects.create(
            locale=locale("th"), kind=data["kind"], use_alias=data["use_alias"], **data["th"]
        )
    if thai.get_translation_or_none(locale("en")) is None:
        english = thai.copy_for_translation(locale("en"))
        for name, value in data["en"].items():
            setattr(english, name, value)
        english.save()
    return thai


CONSENT_GIVEN_ON = datetime.date(2025, 1, 15)
PUBLISHED_AFTER_DAYS = 7


def _story(index, data: dict, petition) -> StoryPage:
    existing = StoryPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    # The campaign and its themes are the campaigns app's: reached through StoryPage's relations, not by import.
    campaign_model = StoryPage._meta.get_field("related_campaign").related_model
    theme_model = StoryPage._meta.get_field("themes").related_model
    campaign = campaign_model.objects.filter(slug=data["campaign"], locale__language_code="th").first()
    fields = {key: data["th"][key] for key in ("title", "intro", "content_warning", "pull_quote", "body")}
    thai = StoryPageFactory(
        parent=index,
        slug=data["slug"],
        storyteller=_storyteller(data["storyteller"]),
        story_date=data["story_date"],
        image=None if data["sensitive"] else demo_image(data["en"]["title"], data["colour"]),
        image_alt="" if data["sensitive"] else demo_alt(data["en"]["title"])["th"],
        related_campaign=campaign,
        related_petition=petition,
        is_sensitive=data["sensitive"],
        **fields,
    )
    thai.themes.set(theme_model.objects.filter(slug__in=data["themes"], locale__language_code="th"))
    thai.save()
    StoryConsent.objects.create(
        story=thai,
        languages=["th", "en"],
        channels=[WEBSITE, "social"],
        given_on=CONSENT_GIVEN_ON,
        record_location="แฟ้มความยินยอม สำนักเลขาฯ / consent file, secretariat",
        **data["consent"],
    )
    thai.save_revision().publish()
    publish_translation(
        thai,
        "en",
        update=False,
        **{key: data["en"][key] for key in ("title", "intro", "content_warning", "pull_quote", "body")},
        image_alt=thai.image_alt and demo_alt(data["en"]["title"])["en"],
    )
    # Dated as if published on the site a week after the story (or its consent), not when the demo was loaded:
    # the Article data search engines read (datePublished) and the listings' order come from these.
    day = max(data["story_date"], CONSENT_GIVEN_ON) + datetime.timedelta(days=PUBLISHED_AFTER_DAYS)
    published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    StoryPage.objects.filter(translation_key=thai.translation_key).update(
        first_published_at=published, last_published_at=published
    )
    thai.first_published_at = thai.last_published_at = published
    return thai


def _submissions() -> int:
    """Stories people sent through the form, waiting for the Safeguarding group; made once, by their names."""
    if StorySubmission.objects.filter(name__in=[data["name"] for data in SUBMISSIONS]).exists():
        return 0
    now = timezone.now()
    made = [
        StorySubmission.objects.create(**{key: value for key, value in data.items() if key != "days_ago"})
        for data in SUBMISSIONS
    ]
    for submission, data in zip(made, SUBMISSIONS, strict=True):
        submission.created_at = now - datetime.timedelta(days=data["days_ago"], hours=submission.pk % 9)
    StorySubmission.objects.bulk_update(made, ["created_at"])  # received over the past weeks, not all now
    return len(made)


def load(stdout=None) -> dict:
    index = section_index(StoryIndexPageFactory, "stories", {**INDEX, **demo_km_my.INDEX}).get("th")
    if index is None:
        return {}
    petition = featured_petition()
    stories = {data["slug"]: _story(index, data, petition) for data in STORIES}
    demo_km_my.translate_story(stories[demo_km_my.STORY_SLUG])
    submitted = _submissions()
    if stdout is not None:
        stdout.write(
            f"Stories: {len(stories)} in Thai and English, each with consent recorded; "
            f"{submitted} shared through the form."
        )
    return {"index": index, "stories": stories}


def reset() -> None:
    for index in StoryIndexPage.objects.all():
        index.delete()
    StorySubmission.objects.all().delete()
    Storyteller.objects.all().delete()


demo_loaders.register("stories", load=load, reset=reset, menu_section="stories", menu_position=3)
