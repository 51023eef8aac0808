"""The demo's yearly membership renewal survey, in Thai and English: members only, no answers.

Its questions follow the fund's survey of its partners (``../shared/seeds/000``): finances against last year, the
threats a group faced, the work it wants to do with others. Called by ``advocacy.demo``. Idempotent: the survey
is found by its slug under the Thai home page and left alone once made; its English translation likewise.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from site_project.models import HomePage

from .models import Audience, SurveyField, SurveyPage

SLUG = "membership-renewal"
PAGE = {
    "th": {
        "title": "แบบสำรวจการต่ออายุสมาชิกภาคีประจำปี",
        "intro": "ทุกปีภาคีเครือข่ายต่ออายุสมาชิกภาพ แบบสำรวจนี้ใช้เวลาราว 5 นาที สำนักเลขาธิการอ่านทุกคำตอบ "
        "และนำไปวางแผนงานรณรงค์ปีหน้า",
        "thank_you_text": "ขอบคุณที่ตอบแบบสำรวจ สำนักเลขาธิการจะติดต่อองค์กรของท่านเรื่องการต่ออายุสมาชิกภายในเดือนนี้",
    },
    "en": {
        "title": "Yearly membership renewal survey",
        "intro": "Every year the coalition's members renew their membership. This survey takes about 5 minutes; the "
        "secretariat reads every answer and plans next year's campaigns with them.",
        "thank_you_text": "Thank you for answering. The secretariat will contact your organisation about its renewal "
        "this month.",
    },
}
# (type, required, Thai label, English label, Thai choices, English choices), in the order they are asked.
QUESTIONS = [
    ("singleline", True, "ชื่อและตำแหน่งของผู้ตอบ", "Your name and role", [], []),
    (
        "radio",
        True,
        "องค์กรของท่านจะต่ออายุสมาชิกภาคีในปีหน้าหรือไม่",
        "Will your organisation renew its membership next year?",
        ["ต่ออายุ", "ไม่ต่ออายุ", "ยังไม่แน่ใจ"],
        ["Renew", "Not renew", "Not sure yet"],
    ),
    (
        "radio",
        True,
        "เมื่อเทียบกับปีที่แล้ว สถานการณ์การเงินขององค์กรเป็นอย่างไร",
        "Compared with last year, how are your organisation's finances?",
        ["ดีขึ้น", "เท่าเดิม", "แย่ลง"],
        ["Better", "The same", "Worse"],
    ),
    (
        "checkboxes",
        False,
        "ปีที่ผ่านมาองค์กรของท่านเผชิญภัยคุกคามด้านใดบ้าง",
        "Which threats did your organisation face in the past year?",
        [
            "การล่วงละเมิดหรือการคุกคามบุคคล",
            "การใส่ร้ายป้ายสีออนไลน์",
            "อุปกรณ์ถูกขโมยหรือถูกแฮ็ก",
            "การดำเนินคดีทางกฎหมาย",
            "ข้อจำกัดทางการเงินและการธนาคาร",
        ],
        [
            "Harassment of our people",
            "Smears online",
            "Devices stolen or hacked",
            "Lawsuits or other legal action",
            "Financial and banking restrictions",
        ],
    ),
    (
        "checkboxes",
        True,
        "งานที่อยากทำร่วมกับภาคีในปีหน้า",
        "Work you want to do with the coalition next year",
        ["ให้ความรู้ด้านสิทธิ", "รณรงค์เชิงนโยบาย", "วิจัยและสร้างองค์ความรู้", "จัดตั้งชุมชน", "ช่วยเหลือทางกฎหมาย"],
        ["Rights education", "Policy advocacy", "Research", "Community organising", "Legal aid"],
    ),
    ("multiline", False, "ข้อเสนอแนะต่อสำนักเลขาธิการ", "Suggestions for the secretariat", [], []),
]
# wagtail-localize shows a translator a question's choices as one text, the lines joined by this.
LINE_BREAK = "<br/>"


def translate_strings(page, language_code: str, words: dict[str, str]):
    """Translate ``page`` string by string, as a translator does in wagtail-localize's editor, and publish it.

    A string missing from ``words`` (the slug, say) is kept as it is. wagtail-localize publishes once the
    transaction commits. Returns the translation.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language_code)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": words.get(segment.string.data, segment.string.data)},
        )
    translation.save_target(publish=True)
    return page.get_translation(locale).specific


def english_words() -> dict[str, str]:
    words = {PAGE["th"][name]: PAGE["en"][name] for name in PAGE["th"]}
    for _type, _required, thai, english, thai_choices, english_choices in QUESTIONS:
        words[thai] = english
        if thai_choices:
            words[LINE_BREAK.join(thai_choices)] = LINE_BREAK.join(english_choices)
    return words


def closing_time() -> datetime.datetime:
    """The end of this year, Bangkok time: when the renewals are due."""
    now = timezone.localtime()
    return now.replace(month=12, day=31, hour=23, minute=59, second=0, microsecond=0)


def load(stdout) -> SurveyPage | None:
    home = HomePage.objects.filter(locale__language_code="th").first()
    if home is None:
        return None
    survey = SurveyPage.objects.child_of(home).filter(slug=SLUG).first()
    if survey is None:
        survey = SurveyPage(slug=SLUG, audience=Audience.MEMBERS, closes_at=closing_time(), **PAGE["th"])
        survey.form_fields = [
            SurveyField(
                sort_order=order, field_type=kind, required=required, label=label, choices="\n".join(choices)
            )
            for order, (kind, required, label, _english, choices, _english_choices) in enumerate(QUESTIONS)
        ]
        home.add_child(instance=survey)
        survey.save_revision().publish()
    if survey.get_translation_or_none(Locale.objects.get(language_code="en")) is None:
        translate_strings(survey, "en", english_words())
    stdout.write("Surveys: the yearly membership renewal survey, in Thai and English, for members.")
    return survey


def reset() -> None:
    SurveyPage.objects.all().delete()  # every language's, with their questions and answers
