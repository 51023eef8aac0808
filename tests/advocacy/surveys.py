"""What the survey tests share: the renewal survey as an editor builds it, its English words, one question of
every type, and an answer.
"""

from django.test import TestCase

from advocacy.models import SurveyField, SurveyPage
from advocacy.surveys.demo import translate_strings

from ..fuzz.conftest import error_log  # noqa: F401  (the fixture that collects ERROR records)

RENEWAL = "แบบสำรวจการต่ออายุสมาชิกประจำปี"
ENGLISH = {
    RENEWAL: "Yearly membership renewal survey",
    "ตอบแล้วส่งให้สำนักเลขาธิการ": "Answer and send it to the secretariat",
    "ขอบคุณที่ตอบแบบสำรวจ": "Thank you for answering",
    "ชื่อผู้ตอบ": "Your name",
    "จะต่ออายุสมาชิกหรือไม่": "Will you renew your membership?",
    # wagtail-localize shows a translator the choices one per line, the lines joined by <br/>.
    "ต่อ<br/>ไม่ต่อ<br/>ยังไม่แน่ใจ": "Renew<br/>Not renew<br/>Not sure yet",
    "งานที่อยากทำร่วมกัน": "Work you want to do together",
    "รณรงค์<br/>อบรม<br/>วิจัย": "Campaigns<br/>Training<br/>Research",
}


def survey_page(home, *, title=RENEWAL, slug="renewal", questions=None, **fields) -> SurveyPage:
    """A survey built as an editor builds it in the admin: a page, its questions, published."""
    page = SurveyPage(title=title, slug=slug, intro="ตอบแล้วส่งให้สำนักเลขาธิการ", **fields)
    page.thank_you_text = "ขอบคุณที่ตอบแบบสำรวจ"
    page.form_fields = [
        SurveyField(sort_order=order, **question) for order, question in enumerate(questions or [])
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


RENEWAL_QUESTIONS = [
    {"label": "ชื่อผู้ตอบ", "field_type": "singleline"},
    {"label": "จะต่ออายุสมาชิกหรือไม่", "field_type": "radio", "choices": "ต่อ\nไม่ต่อ\nยังไม่แน่ใจ"},
    {
        "label": "งานที่อยากทำร่วมกัน",
        "field_type": "checkboxes",
        "choices": "รณรงค์\nอบรม\nวิจัย",
        "required": False,
    },
]


def translate_with_localize(page, language_code: str, words: dict[str, str]):
    """Translate ``page`` as a translator does in wagtail-localize's editor, string by string, and publish."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes once the work is saved
        translation = translate_strings(page, language_code, words)
    return SurveyPage.objects.get(pk=translation.pk)


def question_names(page) -> dict[str, str]:
    return {field.label: field.clean_name for field in page.form_fields.all()}


EVERY_TYPE = {
    "singleline": ("ชื่อ", "สมชาย"),
    "multiline": ("ความเห็น", "ดีมาก"),
    "email": ("อีเมล", "somchai@example.org"),
    "number": ("จำนวนคน", "12"),
    "url": ("เว็บไซต์", "https://example.org"),
    "checkbox": ("ยินยอม", "on"),
    "checkboxes": ("หัวข้อ", ["รณรงค์"]),
    "dropdown": ("จังหวัด", "เชียงราย"),
    "radio": ("ต่ออายุ", "ต่อ"),
    "date": ("วันที่", "2026-11-30"),
    "datetime": ("เวลานัด", "2026-11-30T10:00"),
    "hidden": ("ที่มา", "line"),
    "multiselect": ("ภาษา", ["ไทย", "อังกฤษ"]),
}

CHOICES = {
    "checkboxes": "รณรงค์\nอบรม",
    "dropdown": "เชียงราย\nพะเยา",
    "radio": "ต่อ\nไม่ต่อ",
    "multiselect": "ไทย\nอังกฤษ\nพม่า",
}


def answer(page) -> dict:
    return {question_names(page)["ชื่อผู้ตอบ"]: "สมศรี"}
