"""The demo's stories section and one story in Khmer and Burmese: Cindy Sirinya Bishop's Songkran story.

Translations of the Thai and English texts in ``demo.py``, written for the demo and marked for a native
speaker's review like the catalogues. The story goes live in a language only under a consent that covers it,
so the demo records a second consent, for Khmer and Burmese on the website.
"""

import datetime

from site_project.factories import locale, publish_translation

from .models import WEBSITE, StoryConsent, StoryPage, Storyteller

INDEX = {
    "km": {
        "title": "រឿងរ៉ាវ",
        "intro": "មនុស្សពិត សំឡេងពិត៖ អ្នករួចផុតពីអំពើហិង្សាដែលនិយាយដោយខ្លួនឯង និងអ្នកដែលបញ្ចេញសំឡេងជាមួយយើង។",
        "share_intro": "រឿងរបស់អ្នកអាចជួយឲ្យអ្នកផ្សេងហ៊ាននិយាយ។ មានតែបុគ្គលិករបស់យើងប៉ុណ្ណោះដែលអាន "
        "ហើយគ្មានអ្វីត្រូវបានផ្សព្វផ្សាយដោយគ្មានការយល់ព្រមពីអ្នកឡើយ។",
    },
    "my": {
        "title": "ဇာတ်လမ်းများ",
        "intro": "လူအစစ်၊ အသံအစစ် - မိမိကိုယ်တိုင် ပြောဆိုသော အကြမ်းဖက်မှုမှ လွတ်မြောက်လာသူများနှင့် ကျွန်ုပ်တို့နှင့်အတူ အသံထုတ်သူများ။",
        "share_intro": "သင့်ဇာတ်လမ်းက အခြားသူများကို ရဲရဲ ပြောဆိုရန် ကူညီနိုင်သည်။ ကျွန်ုပ်တို့ ဝန်ထမ်းများသာ "
        "ဖတ်ရှုပြီး သင့်သဘောတူညီချက် မရှိဘဲ ဘာမျှ ထုတ်ဝေမည် မဟုတ်ပါ။",
    },
}

STORY_SLUG = "dont-tell-me-how-to-dress"

STORYTELLER = {
    "km": {
        "name": "ស៊ីនឌី ស៊ីរិនយ៉ា ប៊ីស្សព",
        "alias": "",
        "bio": "តារាម៉ូដែល តារាសម្តែង និងអ្នកធ្វើយុទ្ធនាការជាមួយមូលនិធិចលនាស្ត្រី និងបុរសរីកចម្រើន។",
    },
    "my": {
        "name": "စင်ဒီ စီရင်ယာ ဘစ်ရှော့",
        "alias": "",
        "bio": "မော်ဒယ်၊ သရုပ်ဆောင်နှင့် အမျိုးသမီးနှင့် အမျိုးသား တိုးတက်ရေး လှုပ်ရှားမှု ဖောင်ဒေးရှင်းနှင့်အတူ လှုံ့ဆော်သူ။",
    },
}

STORY = {
    "km": {
        "title": "កុំប្រាប់ខ្ញុំពីរបៀបស្លៀកពាក់៖ សម្លៀកបំពាក់មិនមែនជាលេសទេ",
        "image_alt": "គំនូរ៖ ខ្សែហាលសម្លៀកបំពាក់ដែលមានសម្លៀកបំពាក់គ្រប់ប្រភេទ និងគ្រប់ពណ៌ "
        "និងពពុះសម្តីដែលមានដៃលើកហាមឃាត់៖ សម្លៀកបំពាក់មិនមែនជាលេសទេ។",
        "intro": "ស៊ីនឌី ស៊ីរិនយ៉ា ប៊ីស្សព បាននាំយកបទពិសោធន៍ផ្ទាល់ខ្លួននៃការយាយីផ្លូវភេទក្នុងពិធីបុណ្យសុងក្រាន "
        "មកចូលរួមក្នុងយុទ្ធនាការ ហើយបានរួមរៀបចំការតាំងពិព័រណ៍មួយនៅឆ្នាំ 2018។",
        "content_warning": "រឿងនេះនិយាយអំពីការយាយីផ្លូវភេទ។",
        "pull_quote": "កុំប្រាប់ខ្ញុំពីរបៀបស្លៀកពាក់។",
        "body": [
            (
                "paragraph",
                "<p>បន្ទាប់ពីត្រូវគេយាយីផ្លូវភេទក្នុងអំឡុងពិធីបុណ្យសុងក្រាន ស៊ីនឌីបានឮដំបូន្មានដដែលៗថា "
                "ស្ត្រីគួរស្លៀកពាក់ឲ្យបានសមរម្យ។ នាងបានសួរថា ហេតុអ្វីបានជាបន្ទុកធ្លាក់លើអ្នកដែលត្រូវគេយាយី។</p>",
            ),
            (
                "paragraph",
                "<p>នាងបានធ្វើយុទ្ធនាការជាមួយមូលនិធិចលនាស្ត្រី និងបុរសរីកចម្រើន ហើយបានរួមរៀបចំការតាំងពិព័រណ៍ "
                "«កុំប្រាប់ខ្ញុំពីរបៀបស្លៀកពាក់» នៅឆ្នាំ 2018 ដែលបង្ហាញសម្លៀកបំពាក់ដែលមនុស្សបានស្លៀក "
                "នៅថ្ងៃដែលពួកគេត្រូវគេយាយី ដើម្បីបញ្ជាក់ថា សម្លៀកបំពាក់មិនដែលជាមូលហេតុឡើយ។</p>",
            ),
        ],
    },
    "my": {
        "title": "ဘယ်လို ဝတ်စားရမလဲ မပြောပါနဲ့ - အဝတ်အစားက ဆင်ခြေ မဟုတ်ပါ",
        "image_alt": "ပုံဆွဲ - အမျိုးအစားစုံ၊ အရောင်စုံ အဝတ်အစားများ လှန်းထားသော ကြိုးတန်းနှင့် "
        "တားမြစ်သည့် လက်ပါသော စကားပြောပူဖောင်း - အဝတ်အစားက ဆင်ခြေ မဟုတ်ပါ။",
        "intro": "စင်ဒီ စီရင်ယာ ဘစ်ရှော့သည် သင်္ကြန်ပွဲတော်အတွင်း မိမိကိုယ်တိုင် ကြုံခဲ့ရသော လိင်ပိုင်းဆိုင်ရာ "
        "နှောင့်ယှက်ခံရမှု အတွေ့အကြုံကို လှုံ့ဆော်ရေး လုပ်ငန်းသို့ ယူဆောင်လာခဲ့ပြီး 2018 ခုနှစ်တွင် "
        "ပြပွဲတစ်ခုကို ပူးတွဲ ကျင်းပခဲ့သည်။",
        "content_warning": "ဤဇာတ်လမ်းတွင် လိင်ပိုင်းဆိုင်ရာ နှောင့်ယှက်မှုအကြောင်း ပါဝင်သည်။",
        "pull_quote": "ငါ ဘယ်လို ဝတ်စားရမလဲ မပြောပါနဲ့။",
        "body": [
            (
                "paragraph",
                "<p>သင်္ကြန်ပွဲတော်အတွင်း လိင်ပိုင်းဆိုင်ရာ နှောင့်ယှက်ခံရပြီးနောက် အမျိုးသမီးများ "
                "ယဉ်ကျေးစွာ ဝတ်စားသင့်သည် ဆိုသော အကြံဉာဏ်ကို စင်ဒီ ကြားခဲ့ရသည်။ ဝန်ထုပ်ဝန်ပိုးက "
                "နှောင့်ယှက်ခံရသူအပေါ် ဘာကြောင့် ကျရောက်ရသလဲဟု သူမ မေးခွန်းထုတ်ခဲ့သည်။</p>",
            ),
            (
                "paragraph",
                "<p>သူမသည် အမျိုးသမီးနှင့် အမျိုးသား တိုးတက်ရေး လှုပ်ရှားမှု ဖောင်ဒေးရှင်းနှင့်အတူ လှုံ့ဆော်ခဲ့ပြီး "
                "နှောင့်ယှက်ခံရသည့်နေ့က လူများ ဝတ်ဆင်ခဲ့သော အဝတ်အစားများကို ပြသသည့် 2018 ခုနှစ် "
                "«ဘယ်လို ဝတ်စားရမလဲ မပြောပါနဲ့» ပြပွဲကို ပူးတွဲ ကျင်းပခဲ့သည်။ အဝတ်အစားသည် "
                "ဘယ်တော့မှ အကြောင်းရင်း မဟုတ်ကြောင်း ပြောရန် ဖြစ်သည်။</p>",
            ),
        ],
    },
}

CONSENT = {
    "languages": ["km", "my"],
    "channels": [WEBSITE],
    "given_on": datetime.date(2026, 11, 2),
    "record_location": "แฟ้มความยินยอม สำนักเลขาฯ / consent file, secretariat",
}


def _storyteller(thai: Storyteller, code: str) -> Storyteller:
    translated = thai.get_translation_or_none(locale(code))
    if translated is not None:
        return translated
    translated = thai.copy_for_translation(locale(code))
    for name, value in STORYTELLER[code].items():
        setattr(translated, name, value)
    translated.save()
    return translated


def translate_story(thai: StoryPage) -> list[StoryPage]:
    """The Songkran story in Khmer and Burmese, with its storyteller and a consent that covers both."""
    if not StoryConsent.objects.filter(story=thai, languages=CONSENT["languages"]).exists():
        consented_by = thai.consents.values_list("consented_by", flat=True).first() or thai.storyteller.name
        StoryConsent.objects.create(story=thai, consented_by=consented_by, **CONSENT)
    translated = []
    for code, fields in STORY.items():
        # As wagtail-localize does, the translation points at the storyteller's translation.
        storyteller = _storyteller(thai.storyteller, code)
        translated.append(publish_translation(thai, code, storyteller=storyteller, **fields))
    return translated
