"""Demo campaigns from the source documents (002: key dates, Songkran; 004: the Chiang Rai committee's
provincial 25 November campaign reaching more than 2,000 people), in Thai and English: one campaign at least for
each of the four key dates (25 November and the 16 Days, Songkran, Mother's Day and 30 July, whose content is in
``demo_key_dates``).

The 25 November campaign exists for 2024, 2025, and this year and last (``petitions.demo.campaign_year``), so
that "Copy to another year" has something to copy and the dashboard compares this year with last; the last two
embed the open petition, whose signatures surge around each key date. This year's events (a walk and a training,
each with a capacity nearly reached, and an online talk) have RSVPs, a few in English. Idempotent: pages are found by slug and
left alone once made; RSVPs are made only for a campaign that has none. Partners and petitions are linked when
their demo exists.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model

from partners.models import PartnerPage
from petitions.demo import FAMILY_NAMES, GIVEN_NAMES, campaign_year, featured_petition
from site_project import demo_loaders
from site_project.dates import buddhist_year
from site_project.demo_illustrations import demo_alt
from site_project.factories import demo_image, locale, publish_translation, section_index

from . import demo_km_my
from .demo_key_dates import JULY_30, MOTHERS_DAY
from .factories import CampaignIndexPageFactory, CampaignPageFactory, CampaignThemeFactory
from .models import CampaignIndexPage, CampaignPage, CampaignTheme, EventRSVP

THEMES = {
    "25-november": {
        "th": ("25 พฤศจิกายน / 16 วันแห่งการรณรงค์", "25 พฤศจิกายน – 10 ธันวาคม"),
        "en": ("25 November / 16 Days of Activism", "25 November to 10 December"),
    },
    "songkran": {"th": ("สงกรานต์ปลอดภัย", "13–15 เมษายน"), "en": ("A safe Songkran", "13 to 15 April")},
    "mothers-day": {"th": ("วันแม่", "12 สิงหาคม"), "en": ("Mother's Day", "12 August")},
    "30-july": {
        "th": ("30 กรกฎาคม วันต่อต้านการค้ามนุษย์โลก", "30 กรกฎาคม"),
        "en": ("30 July, World Day against Trafficking in Persons", "30 July"),
    },
}

INDEX = {
    "th": {"title": "แคมเปญ", "intro": "การรณรงค์ในวันสำคัญที่ภาคีเครือข่ายทำร่วมกันทุกปี"},
    "en": {"title": "Campaigns", "intro": "The campaigns partners run together on key dates every year."},
}

# Per event of this year's campaign, in page order: (replies, most people in one reply). An event with a capacity
# fills up to two places short of it: the walk and the training are nearly full, the online talk has no limit.
EVENT_RSVPS = ((64, 5), (17, 4), (26, 2))
NO_LIMIT = 1000
ENGLISH_GIVEN_NAMES = ("Anna", "David", "Mai", "Sophie", "Tom", "Linh")
ENGLISH_FAMILY_NAMES = ("Clarke", "Nguyen", "Müller", "Smith", "Tan", "Okafor")

PARTNER_SLUGS = (
    "women-and-men-progressive-movement-foundation",
    "chiang-rai-cso-coordinating-committee",
    "ministry-of-social-development-and-human-security",
)


def _paragraph(text: str) -> tuple[str, str]:
    return ("paragraph", f"<p>{text}</p>")


def _events(year: int, language: str) -> list[tuple[str, dict]]:
    """The campaign's events in ``language``: a walk on 25 November, a training, an online talk on Human Rights
    Day; day, time, place and capacity the same in both languages, the words translated."""
    events = [
        (
            {
                "date": datetime.date(year, 11, 25),
                "start_time": datetime.time(16, 0),
                "end_time": datetime.time(18, 30),
            },
            {"province": "chiang-rai", "online_url": "", "capacity": 200},
            {
                "th": (
                    "เดินรณรงค์ยุติความรุนแรงต่อผู้หญิง",
                    "หอนาฬิกาเชียงราย",
                    "เดินรณรงค์ร่วมกับเยาวชน องค์กรสมาชิก และหน่วยงานรัฐ ใส่เสื้อสีส้มมาร่วมกัน",
                ),
                "en": (
                    "Walk to end violence against women",
                    "Chiang Rai clock tower",
                    "Walk with young people, member organisations and government offices. Wear orange.",
                ),
            },
        ),
        (
            {
                "date": datetime.date(year, 12, 3),
                "start_time": datetime.time(9, 0),
                "end_time": datetime.time(16, 0),
            },
            {"province": "chiang-rai", "online_url": "", "capacity": 40},
            {
                "th": (
                    "อบรมผู้ปฏิบัติงานด่านหน้า: การส่งต่อผู้เสียหาย",
                    "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
                    "อบรมหนึ่งวันสำหรับครู อสม. และเจ้าหน้าที่องค์กรสมาชิก เรื่องการรับเรื่องและส่งต่อผู้เสียหาย รับได้ 40 คน",
                ),
                "en": (
                    "Training for front-line workers: referring survivors",
                    "Chiang Rai provincial office of social development and human security",
                    "A day's training for teachers, village health volunteers and member organisations' staff on taking "
                    "reports and referring survivors. 40 places.",
                ),
            },
        ),
        (
            {
                "date": datetime.date(year, 12, 10),
                "start_time": datetime.time(19, 0),
                "end_time": datetime.time(20, 30),
            },
            {"province": "", "online_url": "https://www.facebook.com/"},
            {
                "th": (
                    "เสวนาออนไลน์วันสิทธิมนุษยชนสากล: เสียงของผู้รอดพ้น",
                    "",
                    "ปิดท้าย 16 วันแห่งการรณรงค์ด้วยเสวนาถ่ายทอดสด ผู้รอดพ้นและภาคีเครือข่ายร่วมพูดคุย",
                ),
                "en": (
                    "Online talk for Human Rights Day: survivors' voices",
                    "",
                    "The 16 Days close with a live talk: survivors and partner networks in conversation.",
                ),
            },
        ),
    ]
    found = []
    for times, place, words in events:
        title, venue, description = words[language]
        value = {
            "title": title,
            **times,
            "venue": venue,
            **place,
            "description": description,
            "takes_rsvp": True,
        }
        found.append(("event", value))
    return found


def _november(year: int) -> dict:
    be = buddhist_year(year)
    return {
        "slug": f"25-november-{year}",
        "theme": "25-november",
        "year": year,
        "kind": "provincial",
        "province": "chiang-rai",
        "key_date": datetime.date(year, 11, 25),
        "start_date": datetime.date(year, 11, 25),
        "end_date": datetime.date(year, 12, 10),
        "colour": (91, 42, 134),
        "th": {
            "title": f"25 พฤศจิกายน {be}: ยุติความรุนแรงต่อผู้หญิงและเด็ก",
            "intro": (
                "16 วันแห่งการรณรงค์ ตั้งแต่วันยุติความรุนแรงต่อสตรีสากล 25 พฤศจิกายน ถึงวันสิทธิมนุษยชนสากล "
                "10 ธันวาคม ภาคีเครือข่ายในเชียงรายร่วมกันส่งเสียงว่าความรุนแรงต่อผู้หญิงและเด็กต้องยุติ"
            ),
            "body": [
                _paragraph(
                    "คณะกรรมการประสานงานองค์กรภาคประชาสังคมเพื่อคุ้มครองเด็ก สตรี และต่อต้านการค้ามนุษย์ "
                    "จังหวัดเชียงราย (คปค.) จัดกิจกรรมรณรงค์ระดับจังหวัดเนื่องในวันยุติความรุนแรงต่อสตรีสากล "
                    "ร่วมกับสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด มาตั้งแต่ปี 2561 "
                    "โดยผสมผสานทรัพยากร บุคคล ความรู้ ความชำนาญ และงบประมาณขององค์กรสมาชิก"
                ),
                (
                    "facts",
                    {
                        "heading": "การรณรงค์ในตัวเลข",
                        "facts": [
                            {"figure": "2,000+", "label": "คนที่กิจกรรมรณรงค์เข้าถึง", "source": "คปค. เชียงราย"},
                            {"figure": "16", "label": "องค์กรสมาชิก คปค.", "source": "คปค. เชียงราย"},
                            {"figure": "126", "label": "ผู้ปฏิบัติงานด่านหน้าที่ผ่านการอบรม", "source": "2562–2564"},
                        ],
                    },
                ),
                *_events(year, "th"),
                (
                    "share_kit",
                    {
                        "heading": "ช่วยกันบอกต่อ",
                        "line_message": "25 พฤศจิกายน วันยุติความรุนแรงต่อสตรีสากล มาร่วมเดินรณรงค์กับภาคีเครือข่ายเชียงราย",
                        "facebook_message": (
                            "ความรุนแรงต่อผู้หญิงและเด็กไม่ใช่เรื่องส่วนตัว ร่วมส่งเสียงใน 16 วันแห่งการรณรงค์ "
                            "ตั้งแต่ 25 พฤศจิกายนถึง 10 ธันวาคม"
                        ),
                        "hashtags": "#ยุติความรุนแรง #OrangeTheWorld",
                    },
                ),
            ],
        },
        "en": {
            "title": f"25 November {year}: end violence against women and children",
            "intro": (
                "Sixteen days of activism, from the International Day for the Elimination of Violence against "
                "Women on 25 November to Human Rights Day on 10 December: partners in Chiang Rai speak up together."
            ),
            "body": [
                _paragraph(
                    "The Chiang Rai coordinating committee of civil-society organisations for the protection of "
                    "children and women and against human trafficking has run a provincial campaign for 25 November "
                    "with the provincial office of social development and human security since 2018, pooling its "
                    "members' people, knowledge, skills and budgets."
                ),
                (
                    "facts",
                    {
                        "heading": "The campaign in numbers",
                        "facts": [
                            {
                                "figure": "2,000+",
                                "label": "people reached by the campaigns",
                                "source": "Chiang Rai committee",
                            },
                            {
                                "figure": "16",
                                "label": "member organisations",
                                "source": "Chiang Rai committee",
                            },
                            {"figure": "126", "label": "front-line workers trained", "source": "2019–2021"},
                        ],
                    },
                ),
                *_events(year, "en"),
                (
                    "share_kit",
                    {
                        "heading": "Spread the word",
                        "line_message": "25 November is the day to end violence against women. Walk with partners in Chiang Rai.",
                        "facebook_message": (
                            "Violence against women and children is never a private matter. Speak up during the 16 days "
                            "from 25 November to 10 December."
                        ),
                        "hashtags": "#EndViolence #OrangeTheWorld",
                    },
                ),
            ],
        },
    }


SONGKRAN = {
    "slug": "songkran-2025",
    "theme": "songkran",
    "year": 2025,
    "kind": "national",
    "province": "",
    "key_date": datetime.date(2025, 4, 13),
    "start_date": datetime.date(2025, 4, 11),
    "end_date": datetime.date(2025, 4, 17),
    "colour": (0, 105, 148),
    "th": {
        "title": "สงกรานต์ 2568: เล่นน้ำได้ ลวนลามไม่ได้",
        "intro": "สงกรานต์ต้องปลอดภัยสำหรับทุกคน การแตะต้องร่างกายโดยไม่ยินยอมคือการคุกคามทางเพศ ไม่ใช่การเล่นน้ำ",
        "body": [
            _paragraph(
                "มูลนิธิหญิงชายก้าวไกลทำงานร่วมกับกระทรวงพัฒนาสังคมและความมั่นคงของมนุษย์รณรงค์ในวันสงกรานต์ "
                "จนเกิดกลไกแก้ปัญหาการคุกคามทางเพศที่เชื่อมกับสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"
            ),
            _paragraph(
                "เครื่องดื่มแอลกอฮอล์ทำให้ความเสี่ยงต่อการคุกคามทางเพศและความรุนแรงในครอบครัวสูงขึ้น "
                "ภาคีเครือข่ายงดเหล้าร่วมผลักดันการห้ามขายเบียร์สดในร้านสะดวกซื้อ ซึ่งมีผลบังคับใช้เมื่อ 30 ตุลาคม 2561"
            ),
            (
                "quote",
                {
                    "quote": "อย่ามาบอกว่าฉันควรแต่งตัวอย่างไร",
                    "attribution": "นิทรรศการ DON'T TELL ME HOW TO DRESS, 2561",
                },
            ),
        ],
    },
    "en": {
        "title": "Songkran 2025: splash water, not hands",
        "intro": "Songkran must be safe for everyone. Touching someone without consent is sexual harassment, not play.",
        "body": [
            _paragraph(
                "The Women and Men Progressive Movement Foundation campaigns at Songkran with the Ministry of Social "
                "Development and Human Security, which led to a way of handling sexual harassment linked to each "
                "province's social development office."
            ),
            _paragraph(
                "Alcohol raises the risk of sexual harassment and domestic violence. Partner networks pushed for the "
                "ban on draft-beer sales in convenience stores, in force since 30 October 2018."
            ),
            (
                "quote",
                {
                    "quote": "Don't tell me how to dress",
                    "attribution": "DON'T TELL ME HOW TO DRESS exhibition, 2018",
                },
            ),
        ],
    },
}


def _toolkit_document():
    document_model = get_document_model()
    title = "ข้อความรณรงค์ 25 พฤศจิกายน / 25 November campaign messages"
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    text = (
        "ยุติความรุนแรงต่อผู้หญิงและเด็ก\nสายด่วน 1300 ตลอด 24 ชั่วโมง\n\n"
        "End violence against women and children\nHotline 1300, 24 hours\n"
    )
    return document_model.objects.create(
        title=title, file=ContentFile(text.encode(), name="25-november-messages.txt")
    )


def _themes() -> dict[str, CampaignTheme]:
    themes = {}
    for slug, languages in THEMES.items():
        thai = CampaignTheme.objects.filter(slug=slug, locale=locale("th")).first()
        if thai is None:
            name, dates = languages["th"]
            thai = CampaignThemeFactory(name=name, slug=slug, key_dates=dates, locale=locale("th"))
        english = thai.get_translation_or_none(locale("en"))
        if english is None:
            english = thai.copy_for_translation(locale("en"))
            english.name, english.key_dates = languages["en"]
            english.save()
        themes[slug] = thai
    return themes


def _partners(slugs=PARTNER_SLUGS) -> list:
    return list(PartnerPage.objects.filter(slug__in=slugs, locale__language_code="th"))


def _campaign(index, data: dict, themes: dict, *, petition=None, toolkit=None) -> CampaignPage:
    existing = CampaignPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    image = demo_image(data["en"]["title"], data["colour"])
    synced = {
        key: data[key] for key in ("slug", "year", "kind", "province", "key_date", "start_date", "end_date")
    }
    extra_th, extra_en = [], []
    if petition is not None:
        extra_th = [("petition", {"petition": petition, "intro": "ร่วมลงชื่อสนับสนุนข้อเสนอของภาคีเครือข่าย"})]
        extra_en = [("petition", {"petition": petition, "intro": "Sign the partners' petition."})]
    if toolkit is not None:
        extra_th.append(
            (
                "toolkit",
                {
                    "heading": "ชุดสื่อรณรงค์",
                    "intro": "",
                    "documents": [{"document": toolkit, "description": "ข้อความสำหรับป้ายและโพสต์"}],
                },
            )
        )
        extra_en.append(
            (
                "toolkit",
                {
                    "heading": "Campaign toolkit",
                    "intro": "",
                    "documents": [{"document": toolkit, "description": "Messages for banners and posts"}],
                },
            )
        )
    thai = CampaignPageFactory(
        parent=index,
        title=data["th"]["title"],
        intro=data["th"]["intro"],
        body=data["th"]["body"] + extra_th,
        theme=themes[data["theme"]],
        hero_image=image,
        hero_image_alt=demo_alt(data["en"]["title"])["th"],
        **synced,
    )
    thai.co_organisers.set(_partners(data.get("partners", PARTNER_SLUGS)))
    thai.save_revision().publish()
    # Each English block keeps its Thai block's id, as a translation through wagtail-localize does: an event's
    # RSVPs in both languages are then one event, and one form in the inbox.
    english_body = StreamValue(
        thai.body.stream_block,
        [
            (kind, value, block.id)
            for block, (kind, value) in zip(thai.body, data["en"]["body"] + extra_en, strict=True)
        ],
    )
    publish_translation(
        thai,
        "en",
        update=False,
        title=data["en"]["title"],
        intro=data["en"]["intro"],
        body=english_body,
        hero_image_alt=demo_alt(data["en"]["title"])["en"],
    )
    return thai


def _rsvps(campaign: CampaignPage, seed: int) -> int:
    """People say they will come to this year's events, in Thai and some in English; the training nearly full."""
    if EventRSVP.objects.filter(campaign__translation_key=campaign.translation_key).exists():
        return 0
    rng = random.Random(seed)  # noqa: S311  (demo data, reproducible on purpose)
    english = campaign.get_translation_or_none(locale("en"))
    english = english.specific if english is not None else None
    now = timezone.now()
    rows, received_at = [], []
    english_titles = {block.id: block.value["title"] for block in english.event_blocks()} if english else {}
    for block, (replies, most) in zip(campaign.event_blocks(), EVENT_RSVPS, strict=False):
        event = block.value
        places = event["capacity"] - 2 if event.get("capacity") else NO_LIMIT
        opened = timezone.make_aware(datetime.datetime.combine(event["date"], datetime.time(9, 0)))
        opened -= datetime.timedelta(days=24)
        taken = 0
        for number in range(replies):
            people = min(rng.randint(1, most), places - taken - (replies - number - 1))
            if people < 1:
                break
            taken += people
            in_english = english is not None and rng.random() < 0.15
            if in_english:
                name = f"{rng.choice(ENGLISH_GIVEN_NAMES)} {rng.choice(ENGLISH_FAMILY_NAMES)}"
            else:
                name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
            received = opened + datetime.timedelta(minutes=rng.randint(0, 23 * 24 * 60))
            received_at.append(min(received, now - datetime.timedelta(minutes=rng.randint(5, 600))))
            rows.append(
                EventRSVP(
                    campaign=english if in_english else campaign,
                    event_block_id=block.id,
                    event_title=english_titles.get(block.id, event["title"])
                    if in_english
                    else event["title"],
                    event_date=event["date"],
                    name=name,
                    email=f"demo-rsvp-{block.id[:8]}-{number}@example.invalid",
                    people=people,
                    language="en" if in_english else "th",
                )
            )
    made = EventRSVP.objects.bulk_create(rows)
    for row, received in zip(made, received_at, strict=True):
        row.created_at = received
    EventRSVP.objects.bulk_update(made, ["created_at"])  # bulk_create stamped them all "now"
    return len(made)


def load(stdout=None) -> dict:
    index = section_index(CampaignIndexPageFactory, "campaigns", {**INDEX, **demo_km_my.INDEX}).get("th")
    if index is None:
        return {}
    themes = _themes()
    demo_km_my.translate_themes()
    petition = featured_petition()
    toolkit = _toolkit_document()
    year = campaign_year()
    campaigns = {}
    for november in sorted({2024, 2025, year - 1, year}):
        campaigns[f"25-november-{november}"] = _campaign(
            index,
            _november(november),
            themes,
            petition=None if november == 2024 else petition,
            toolkit=toolkit,
        )
    campaigns["songkran-2025"] = _campaign(index, SONGKRAN, themes, petition=petition)
    for key_date in (MOTHERS_DAY, JULY_30):
        campaigns[key_date["slug"]] = _campaign(index, key_date, themes)
    demo_km_my.translate_campaign(campaigns.get(demo_km_my.CAMPAIGN_SLUG))
    rsvps = _rsvps(campaigns[f"25-november-{year}"], seed=year)
    if stdout is not None:
        stdout.write(f"Campaigns: {len(campaigns)} in Thai and English; {rsvps} RSVPs to this year's events.")
    return {"index": index, "themes": themes, "campaigns": campaigns}


def reset() -> None:
    for index in CampaignIndexPage.objects.all():
        index.delete()
    EventRSVP.objects.all().delete()
    CampaignTheme.objects.all().delete()


demo_loaders.register("campaigns", load=load, reset=reset, menu_section="campaigns", menu_position=1)
