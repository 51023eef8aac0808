"""The petitions section and the open petition (against 4 a.m. nightlife hours) in Khmer and Burmese.

Translations of the Thai and English texts in ``demo.py``, written for the demo and marked for a native speaker's
review like the catalogues. The petition is translated as the English one is: a copy of the Thai page for the
language, its words replaced and its timeline entries (copied with it) reworded, then published.
"""

from site_project.factories import locale, publish_translation

from .models import PetitionPage

# The petition's decision maker, as demo.TARGETS: {language: (institution, office)}.
TOURISM = {
    "km": ("ក្រសួងទេសចរណ៍ និងកីឡា", "រដ្ឋមន្ត្រីក្រសួងទេសចរណ៍ និងកីឡា"),
    "my": ("ခရီးသွားလာရေးနှင့် အားကစား ဝန်ကြီးဌာန", "ခရီးသွားလာရေးနှင့် အားကစား ဝန်ကြီး"),
}

INDEX = {
    "km": {"title": "ញត្តិ", "intro": "ចុះឈ្មោះគាំទ្រការទាមទារគោលនយោបាយរបស់បណ្តាញដៃគូយើង។ ហត្ថលេខានីមួយៗមានអំណាច។"},
    "my": {
        "title": "အသနားခံစာများ",
        "intro": "ကျွန်ုပ်တို့ မိတ်ဖက်ကွန်ရက်များ၏ မူဝါဒ တောင်းဆိုချက်များကို သင့်အမည်ဖြင့် ထောက်ခံပါ။ လက်မှတ်တိုင်း အင်အားရှိသည်။",
    },
}

NIGHTLIFE = {
    "km": {
        "title": "លុបចោលគោលនយោបាយបើកកន្លែងកម្សាន្តរហូតដល់ម៉ោង 4 ទៀបភ្លឺ",
        "summary": "យើងស្នើឲ្យក្រសួងទេសចរណ៍ និងកីឡា លុបចោលគោលនយោបាយអនុញ្ញាតឲ្យកន្លែងកម្សាន្តបើករហូតដល់ម៉ោង 4 "
        "ទៀបភ្លឺ ព្រោះស្ត្រី និងកុមារនៅផ្ទះជាអ្នករងផលប៉ះពាល់។",
        "demand": "យើងស្នើឲ្យក្រសួងទេសចរណ៍ និងកីឡា ដកគោលនយោបាយពន្យារម៉ោងបើកកន្លែងកម្សាន្តរហូតដល់ម៉ោង 4 "
        "ទៀបភ្លឺ ហើយស្តាប់ភស្តុតាងនៃផលប៉ះពាល់ពីបណ្តាញដៃគូ មុននឹងកំណត់គោលនយោបាយណាមួយទាក់ទងនឹងគ្រឿងស្រវឹង។",
        "background": [
            (
                "paragraph",
                "<p>តាមបទពិសោធន៍ក្នុងការជួយអ្នករងគ្រោះ មូលនិធិចលនាស្ត្រី និងបុរសរីកចម្រើន ឃើញថាម៉ោងផឹកស្រាកាន់តែយូរ "
                "បង្កើនអំពើហិង្សាក្នុងគ្រួសារ ធ្វើឲ្យទំនាក់ទំនងក្នុងគ្រួសារតានតឹង បង្កើនហានិភ័យនៃអំពើហិង្សាផ្លូវភេទ "
                "និងប៉ះពាល់ដល់ជីវភាពគ្រួសារ។</p>",
            ),
            (
                "paragraph",
                "<p>យើងជំរុញគោលនយោបាយគ្រប់គ្រងគ្រឿងស្រវឹង រួមជាមួយបណ្តាញឈប់ផឹកស្រា "
                "បណ្តាញយុទ្ធនាការការពារគ្រោះថ្នាក់ពីគ្រឿងស្រវឹង និងបណ្តាញតាមដានអាជីវកម្មស្រា។</p>",
            ),
        ],
        "organiser_name": "មូលនិធិចលនាស្ត្រី និងបុរសរីកចម្រើន",
        "timeline": [
            "បើកឲ្យចុះហត្ថលេខា",
            "បានប្រគល់សំណើ និងហត្ថលេខាជំនាន់ដំបូងទៅក្រសួងទេសចរណ៍ និងកីឡា នៅទិវាសិទ្ធិមនុស្សអន្តរជាតិ",
        ],
    },
    "my": {
        "title": "မနက် 4 နာရီအထိ ဖျော်ဖြေရေးဆိုင် ဖွင့်ခွင့် မူဝါဒကို ရုပ်သိမ်းပါ",
        "summary": "အိမ်ရှိ အမျိုးသမီးများနှင့် ကလေးများက ဆိုးကျိုးကို ခံစားရသောကြောင့် ဖျော်ဖြေရေးဆိုင်များကို "
        "မနက် 4 နာရီအထိ ဖွင့်ခွင့်ပြုသည့် မူဝါဒကို ရုပ်သိမ်းရန် ခရီးသွားလာရေးနှင့် အားကစား ဝန်ကြီးဌာနကို "
        "တောင်းဆိုပါသည်။",
        "demand": "ဖျော်ဖြေရေးဆိုင်များ၏ ဖွင့်ချိန်ကို မနက် 4 နာရီအထိ တိုးမြှင့်သည့် မူဝါဒကို ရုပ်သိမ်းရန်နှင့် "
        "အရက်နှင့် ပတ်သက်သည့် မည်သည့်မူဝါဒကိုမဆို မချမှတ်မီ မိတ်ဖက်ကွန်ရက်များထံမှ ဆိုးကျိုး "
        "အထောက်အထားများကို နားထောင်ရန် ခရီးသွားလာရေးနှင့် အားကစား ဝန်ကြီးဌာနကို တောင်းဆိုပါသည်။",
        "background": [
            (
                "paragraph",
                "<p>အကြမ်းဖက်ခံရသူများကို ကူညီခဲ့သည့် အတွေ့အကြုံအရ အမျိုးသမီးနှင့် အမျိုးသား တိုးတက်ရေး "
                "လှုပ်ရှားမှု ဖောင်ဒေးရှင်းသည် အရက်သောက်ချိန် ပိုကြာလာခြင်းက အိမ်တွင်းအကြမ်းဖက်မှုကို "
                "ပိုများစေပြီး မိသားစု ဆက်ဆံရေးကို ထိခိုက်စေကာ လိင်ပိုင်းဆိုင်ရာ အကြမ်းဖက်မှု အန္တရာယ်ကို "
                "မြင့်တက်စေပြီး မိသားစု စီးပွားရေးကို ထိခိုက်စေသည်ကို တွေ့ရှိရသည်။</p>",
            ),
            (
                "paragraph",
                "<p>အရက်ဖြတ် ကွန်ရက်၊ အရက်ဘေး ကာကွယ်ရေး လှုံ့ဆော်မှု ကွန်ရက်နှင့် အရက်လုပ်ငန်း "
                "စောင့်ကြည့်ရေး ကွန်ရက်တို့နှင့်အတူ အရက်ထိန်းချုပ်ရေး မူဝါဒကို ကျွန်ုပ်တို့ တွန်းအားပေးနေပါသည်။</p>",
            ),
        ],
        "organiser_name": "အမျိုးသမီးနှင့် အမျိုးသား တိုးတက်ရေး လှုပ်ရှားမှု ဖောင်ဒေးရှင်း",
        "timeline": [
            "လက်မှတ်ထိုးရန် ဖွင့်လှစ်ခဲ့သည်",
            "အပြည်ပြည်ဆိုင်ရာ လူ့အခွင့်အရေးနေ့တွင် တောင်းဆိုချက်များနှင့် ပထမအသုတ် လက်မှတ်များကို "
            "ခရီးသွားလာရေးနှင့် အားကစား ဝန်ကြီးဌာနသို့ ပေးအပ်ခဲ့သည်",
        ],
    },
}


def translate_petition(thai: PetitionPage | None) -> list[PetitionPage]:
    """The open petition in Khmer and Burmese, made once, with its decision maker; its timeline entries reworded."""
    if thai is None:
        return []
    for target in thai.targets.filter(office__contains="ท่องเที่ยว"):
        for code, (institution, office) in TOURISM.items():
            if target.get_translation_or_none(locale(code)) is None:
                translation = target.copy_for_translation(locale(code))
                translation.institution, translation.office = institution, office
                translation.save()
    translated = []
    for code, texts in NIGHTLIFE.items():
        existing = thai.get_translation_or_none(locale(code))
        if existing is not None:
            translated.append(existing.specific)
            continue
        page = publish_translation(
            thai, code, **{key: value for key, value in texts.items() if key != "timeline"}
        )
        updates = list(page.updates.all().order_by("sort_order"))
        for entry, text in zip(updates, texts["timeline"], strict=False):
            entry.text = text
        page.updates = updates
        page.save_revision().publish()
        translated.append(page)
    return translated
