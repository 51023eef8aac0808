"""The campaigns section, its themes and the 30 July anti-trafficking campaign in Khmer and Burmese.

Translations of the Thai and English texts in ``demo.py`` and ``demo_key_dates.py``, written for the demo and
marked for a native speaker's review like the catalogues. The 30 July campaign is for the migrant workers and
stateless people along the Lao and Myanmar borders (seed 004), so it is the one campaign in their languages.
Each block of a translation keeps its Thai block's id and its synchronised values (dates, province, RSVP), as
a translation through wagtail-localize does; only the words are replaced.
"""

import copy

from site_project.factories import locale, publish_translation

from .models import CampaignPage, CampaignTheme

CAMPAIGN_SLUG = "30-july-2025"
WORDS = ("title", "intro", "hero_image_alt")  # the page's own fields translated; the body's words by block

INDEX = {
    "km": {"title": "យុទ្ធនាការ", "intro": "យុទ្ធនាការដែលដៃគូធ្វើរួមគ្នានៅថ្ងៃសំខាន់ៗជារៀងរាល់ឆ្នាំ។"},
    "my": {
        "title": "လှုံ့ဆော်ရေး လုပ်ငန်းများ",
        "intro": "မိတ်ဖက်များ နှစ်စဉ် အရေးကြီးသော နေ့များတွင် အတူတကွ ဆောင်ရွက်သော လှုံ့ဆော်ရေး လုပ်ငန်းများ။",
    },
}

# By theme slug, as demo.THEMES: {language: (name, key dates)}.
THEMES = {
    "25-november": {
        "km": ("25 វិច្ឆិកា / 16 ថ្ងៃនៃយុទ្ធនាការ", "25 វិច្ឆិកា ដល់ 10 ធ្នូ"),
        "my": ("နိုဝင်ဘာ 25 / လှုံ့ဆော်ရေး 16 ရက်", "နိုဝင်ဘာ 25 မှ ဒီဇင်ဘာ 10"),
    },
    "songkran": {"km": ("សុងក្រានប្រកបដោយសុវត្ថិភាព", "13 ដល់ 15 មេសា"), "my": ("ဘေးကင်းသော သင်္ကြန်", "ဧပြီ 13 မှ 15")},
    "mothers-day": {"km": ("ទិវាម្តាយ", "12 សីហា"), "my": ("မိခင်များနေ့", "ဩဂုတ် 12")},
    "30-july": {
        "km": ("30 កក្កដា ទិវាពិភពលោកប្រឆាំងការជួញដូរមនុស្ស", "30 កក្កដា"),
        "my": ("ဇူလိုင် 30 ကမ္ဘာ့ လူကုန်ကူးမှု တိုက်ဖျက်ရေးနေ့", "ဇူလိုင် 30"),
    },
}

# The words of each block of the Thai page's body, in order; a list item's words by position.
JULY_30 = {
    "km": {
        "title": "30 កក្កដា 2025៖ បញ្ចប់ការជួញដូរមនុស្សនៅតាមព្រំដែនឈៀងរ៉ាយ",
        "hero_image_alt": "គំនូរ៖ បេះដូងពណ៌ខៀវពីលើទន្លេព្រំដែន និងរបងដែលមានទ្វារបើកចំហ ជានិមិត្តសញ្ញានៃការប្រឆាំងការជួញដូរមនុស្ស។",
        "intro": "នៅទិវាពិភពលោកប្រឆាំងការជួញដូរមនុស្ស ដៃគូនៅឈៀងរ៉ាយការពារពលករចំណាកស្រុក ជនគ្មានសញ្ជាតិ "
        "ស្ត្រី និងកុមារ នៅតាមព្រំដែនឡាវ និងមីយ៉ាន់ម៉ា។",
        "body": [
            "<p>គណៈកម្មាធិការសម្របសម្រួលអង្គការសង្គមស៊ីវិល ដើម្បីការពារកុមារ និងស្ត្រី និងប្រឆាំងការជួញដូរមនុស្ស "
            "នៅខេត្តឈៀងរ៉ាយ មានអង្គការសមាជិក 16 នៅទីរួមខេត្ត និងស្រុកនានាតាមព្រំដែនឡាវ និងមីយ៉ាន់ម៉ា។ "
            "គណៈកម្មាធិការធ្វើការលើសសរស្តម្ភបួន (ប្រឆាំងការជួញដូរមនុស្ស ភាពគ្មានសញ្ជាតិ ការការពារ និងការអប់រំ) "
            "ហើយរៀបចំយុទ្ធនាការប្រឆាំងការជួញដូរមនុស្សប្រចាំឆ្នាំរបស់ខេត្ត។</p>",
            {
                "heading": "ការងាររួមគ្នា ជាតួលេខ",
                "facts": [
                    {"label": "អង្គការសមាជិក", "source": "គណៈកម្មាធិការឈៀងរ៉ាយ"},
                    {"label": "មនុស្សដែលយុទ្ធនាការបានឈានដល់", "source": "គណៈកម្មាធិការឈៀងរ៉ាយ"},
                    {"label": "សមាជិកក្រុមពហុជំនាញដែលបានទទួលការបណ្តុះបណ្តាល", "source": "2019–2021"},
                ],
            },
            {
                "quote": "អង្គការមិនមែនរដ្ឋាភិបាលខ្វះកម្លាំង នៅពេលធ្វើការតែឯង។ បើយើងធ្វើការរួមគ្នា "
                "យើងនឹងខ្លាំងជាងមុន ហើយអាចចរចាបាន។",
                "attribution": "សមាជិកម្នាក់នៃគណៈកម្មាធិការឈៀងរ៉ាយ",
            },
            {
                "title": "យុវជនធ្វើយុទ្ធនាការបញ្ចប់ការជួញដូរមនុស្ស",
                "description": "យុវជន និងអង្គការសមាជិកលើកកម្ពស់ការយល់ដឹងអំពីការជួញដូរមនុស្ស សិទ្ធិការងារ "
                "ការកំណត់អត្តសញ្ញាណជនរងគ្រោះ និងការរាយការណ៍។",
            },
            {
                "heading": "ជួយចែករំលែក",
                "line_message": "30 កក្កដា ជាទិវាពិភពលោកប្រឆាំងការជួញដូរមនុស្ស។ បើអ្នកឃើញការជួញដូរមនុស្ស "
                "សូមទូរស័ព្ទទៅលេខ 1300 បាន 24 ម៉ោង (ឆ្លើយជាភាសាថៃ)។",
                "facebook_message": "ការជួញដូរមនុស្សកើតឡើងក្បែរយើង៖ នៅតាមព្រំដែន ការដ្ឋានសំណង់ លើទូកនេសាទ "
                "និងចម្ការ។ ស្គាល់សញ្ញា ហើយទូរស័ព្ទទៅលេខ 1300។",
                "hashtags": "#បញ្ចប់ការជួញដូរមនុស្ស #EndHumanTrafficking",
            },
        ],
    },
    "my": {
        "title": "ဇူလိုင် 30၊ 2025 - ချင်းရိုင် နယ်စပ်တွင် လူကုန်ကူးမှုကို အဆုံးသတ်ပါ",
        "hero_image_alt": "ပုံဆွဲ - နယ်စပ်မြစ်ပေါ်ရှိ အပြာရောင် နှလုံးသားနှင့် တံခါးပွင့်နေသော ခြံစည်းရိုး၊ လူကုန်ကူးမှု တိုက်ဖျက်ရေး သင်္ကေတ။",
        "intro": "ကမ္ဘာ့ လူကုန်ကူးမှု တိုက်ဖျက်ရေးနေ့တွင် ချင်းရိုင်ရှိ မိတ်ဖက်များသည် လာအိုနှင့် မြန်မာ "
        "နယ်စပ်တစ်လျှောက်ရှိ ရွှေ့ပြောင်းအလုပ်သမားများ၊ နိုင်ငံမဲ့ လူများ၊ အမျိုးသမီးများနှင့် "
        "ကလေးများကို ကာကွယ်ကြသည်။",
        "body": [
            "<p>ချင်းရိုင်ရှိ ကလေးသူငယ်နှင့် အမျိုးသမီးများ ကာကွယ်ရေးနှင့် လူကုန်ကူးမှု တိုက်ဖျက်ရေး "
            "အရပ်ဘက်အဖွဲ့အစည်းများ ညှိနှိုင်းရေးကော်မတီတွင် ခရိုင်မြို့တော်နှင့် လာအို၊ မြန်မာ "
            "နယ်စပ်တစ်လျှောက်ရှိ မြို့နယ်များတွင် အဖွဲ့ဝင် အဖွဲ့အစည်း 16 ခု ရှိသည်။ ကော်မတီသည် "
            "မဏ္ဍိုင် လေးရပ် (လူကုန်ကူးမှု တိုက်ဖျက်ရေး၊ နိုင်ငံမဲ့ဖြစ်မှု၊ ကာကွယ်ရေးနှင့် ပညာရေး) ဖြင့် "
            "လုပ်ဆောင်ပြီး ခရိုင်၏ နှစ်စဉ် လူကုန်ကူးမှု တိုက်ဖျက်ရေး လှုံ့ဆော်ပွဲကို ကျင်းပသည်။</p>",
            {
                "heading": "အတူတကွ လုပ်ဆောင်မှု - ကိန်းဂဏန်းများဖြင့်",
                "facts": [
                    {"label": "အဖွဲ့ဝင် အဖွဲ့အစည်းများ", "source": "ချင်းရိုင် ကော်မတီ"},
                    {"label": "လှုံ့ဆော်ရေး လုပ်ငန်းများ ရောက်ရှိခဲ့သော လူဦးရေ", "source": "ချင်းရိုင် ကော်မတီ"},
                    {"label": "သင်တန်းတက်ခဲ့သော ဘက်စုံ ကျွမ်းကျင်သူ အဖွဲ့ဝင်များ", "source": "2019–2021"},
                ],
            },
            {
                "quote": "အစိုးရမဟုတ်သော အဖွဲ့အစည်းများသည် တစ်ဦးတည်း လုပ်ဆောင်သောအခါ အင်အားချို့တဲ့သည်။ "
                "အတူတကွ လုပ်ဆောင်လျှင် ပိုမို အားကောင်းပြီး ညှိနှိုင်းဆွေးနွေးနိုင်သည်။",
                "attribution": "ချင်းရိုင် ကော်မတီ အဖွဲ့ဝင်တစ်ဦး",
            },
            {
                "title": "လူကုန်ကူးမှု အဆုံးသတ်ရန် လူငယ်များ လှုံ့ဆော်ကြသည်",
                "description": "လူငယ်များနှင့် အဖွဲ့ဝင် အဖွဲ့အစည်းများသည် လူကုန်ကူးမှု၊ အလုပ်သမား အခွင့်အရေး၊ "
                "ခံစားရသူများကို ဖော်ထုတ်ခြင်းနှင့် တိုင်ကြားခြင်းအကြောင်း အသိပညာ မြှင့်တင်ကြသည်။",
            },
            {
                "heading": "သတင်း ဖြန့်ဝေ ကူညီပါ",
                "line_message": "ဇူလိုင် 30 သည် ကမ္ဘာ့ လူကုန်ကူးမှု တိုက်ဖျက်ရေးနေ့ ဖြစ်သည်။ လူကုန်ကူးမှုကို "
                "တွေ့ပါက 1300 သို့ 24 နာရီ ဖုန်းဆက်နိုင်သည် (ထိုင်းဘာသာဖြင့် ဖြေကြားသည်)။",
                "facebook_message": "လူကုန်ကူးမှုသည် ကျွန်ုပ်တို့အနီးတွင် ဖြစ်ပွားနေသည် - နယ်စပ်တွင်၊ "
                "ဆောက်လုပ်ရေး လုပ်ငန်းခွင်များတွင်၊ ငါးဖမ်းလှေများနှင့် လယ်ယာများတွင်။ လက္ခဏာများကို သိပြီး "
                "1300 ကို ဖုန်းဆက်ပါ။",
                "hashtags": "#လူကုန်ကူးမှုအဆုံးသတ် #EndHumanTrafficking",
            },
        ],
    },
}


def translate_themes() -> None:
    """Each recurring theme in Khmer and Burmese, made once (as the English ones are)."""
    for slug, languages in THEMES.items():
        thai = CampaignTheme.objects.filter(slug=slug, locale__language_code="th").first()
        if thai is None:
            continue
        for code, (name, key_dates) in languages.items():
            if thai.get_translation_or_none(locale(code)) is None:
                translated = thai.copy_for_translation(locale(code))
                translated.name, translated.key_dates = name, key_dates
                translated.save()


def _words(raw, words):
    """``raw`` (a block's stored value) with the strings in ``words`` put in, everything else kept."""
    if not isinstance(words, dict):
        return words
    value = copy.deepcopy(raw)
    for key, new in words.items():
        if isinstance(new, list):  # a list block: each item's words by position
            for item, item_words in zip(value[key], new, strict=True):
                target = item["value"] if isinstance(item, dict) and "value" in item else item
                target.update(item_words)
        else:
            value[key] = new
    return value


def translate_campaign(thai: CampaignPage | None) -> list[CampaignPage]:
    """The 30 July campaign in Khmer and Burmese, each block under its Thai block's id."""
    if thai is None:
        return []
    translated = []
    for code, texts in JULY_30.items():
        body = [
            {**block, "value": _words(block["value"], words)}
            for block, words in zip(thai.body.raw_data, texts["body"], strict=True)
        ]
        translated.append(publish_translation(thai, code, body=body, **{key: texts[key] for key in WORDS}))
    return translated
