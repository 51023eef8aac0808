"""Demo content for the cross-cutting app: home pages, about, privacy, accessibility, menu, footer, help lines.

The texts come from the source documents in ``../shared/seeds`` (the Women and Men Progressive Movement
Foundation's network work, 002, and the Chiang Rai coordinating committee case study, 004). They are kept
here as Python so that the demo builds on a machine without ``shared/`` and without network.
"""

import datetime
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Collection, Page, Site

from . import demo_km_my, demo_loaders
from .factories import (
    FooterFactory,
    HelpLineFactory,
    HomePageFactory,
    MainMenuFactory,
    StandardPageFactory,
    locale,
    publish_translation,
)
from .models import Footer, HelpLine, HomePage, MainMenu, SiteSettings
from .public_url import site_address

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD_FILE = Path(settings.DEMO_CREDENTIALS_DIR) / "demo-admin.txt"  # var/ unless configured


def paragraphs(*texts: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>") for text in texts]


HOME = {
    "th": {
        "title": "ภาคี: ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก",
        "intro": (
            "เครือข่ายองค์กรภาคประชาสังคม ชุมชน หน่วยงานรัฐ เอกชน และผู้มีอิทธิพลทางความคิด "
            "ที่ทำงานร่วมกันเพื่อความเสมอภาคระหว่างเพศ ยุติความรุนแรงต่อผู้หญิงและเด็ก และต่อต้านการค้ามนุษย์"
        ),
        "body": paragraphs(
            "การทำงานโดยลำพังเพียงองค์กรเดียวย่อมเป็นไปได้ยากที่จะประสบความสำเร็จ "
            "เราจึงรวมพลังภาคีเครือข่ายในหลายระดับ ทั้งการรณรงค์ในวันสำคัญ เช่น วันยุติความรุนแรงต่อผู้หญิง "
            "25 พฤศจิกายน สงกรานต์ และวันแม่ การเล่าเรื่องจากตัวจริงเสียงจริง และการผลักดันนโยบายร่วมกัน",
        ),
    },
    "en": {
        "title": "Phakhi: together to end violence against women and children",
        "intro": (
            "A coalition of civil-society organisations, community networks, government offices, companies and "
            "influencers working together for gender equality, to end violence against women and children, "
            "and against human trafficking."
        ),
        "body": paragraphs(
            "No single organisation can succeed alone. We bring partners together at every level: campaigns "
            "on key dates such as 25 November, the International Day for the Elimination of Violence against "
            "Women, Songkran and Mother's Day; stories told by survivors in their own voice; and joint policy "
            "pushes.",
        ),
    },
    "km": {
        "title": "ភាគី៖ រួមគ្នាបញ្ចប់អំពើហិង្សាលើស្ត្រី និងកុមារ",
        "intro": "បណ្តាញដៃគូសង្គមស៊ីវិល សហគមន៍ និងស្ថាប័ន ដែលធ្វើការរួមគ្នាដើម្បីសមភាពយេនឌ័រ។",
        "body": [],
    },
    "my": {
        "title": "ဖာခီ - အမျိုးသမီးနှင့် ကလေးများအပေါ် အကြမ်းဖက်မှု အဆုံးသတ်ရန် အတူတကွ",
        "intro": "ကျား၊ မ တန်းတူညီမျှရေးအတွက် အတူတကွ လုပ်ဆောင်နေသော အရပ်ဘက်အဖွဲ့အစည်းများ၏ မိတ်ဖက်ကွန်ရက်။",
        "body": [],
    },
}

STANDARD_PAGES = {
    "about": {
        "th": {
            "title": "เกี่ยวกับเรา",
            "intro": "ภาคีเครือข่ายที่เชื่อว่าพลังความร่วมมือทำให้การเปลี่ยนแปลงเกิดขึ้นได้แบบทวีคูณ",
            "body": [
                ("heading", "เราทำงานอย่างไร"),
                *paragraphs(
                    "มูลนิธิหญิงชายก้าวไกลสนับสนุนภาคีเครือข่ายทั้งเครือข่ายชุมชน หน่วยงานภาครัฐ "
                    "ภาคเอกชน และผู้มีอิทธิพลทางความคิด ให้ร่วมรณรงค์ในวันสำคัญและผลักดันนโยบาย "
                    "เช่น การห้ามขายเบียร์สดในร้านสะดวกซื้อซึ่งมีผลบังคับใช้เมื่อ 30 ตุลาคม 2561",
                    "ในจังหวัดเชียงราย คณะกรรมการประสานงานองค์กรภาคประชาสังคมเพื่อคุ้มครองเด็ก สตรี "
                    "และต่อต้านการค้ามนุษย์ (คปค.) ลงนามบันทึกข้อตกลงความร่วมมือเมื่อวันที่ 18 กันยายน 2562 "
                    "และจัดการรณรงค์ที่เข้าถึงผู้คนมากกว่า 2,000 คน",
                ),
                ("quote", {"quote": "ตัวจริงเสียงจริง", "attribution": "ผู้รอดพ้นจากความรุนแรงที่ร่วมเป็นกระบอกเสียง"}),
            ],
        },
        "en": {
            "title": "About us",
            "intro": "A coalition that believes working together multiplies what change is possible.",
            "body": [
                ("heading", "How we work"),
                *paragraphs(
                    "The Women and Men Progressive Movement Foundation supports partner networks: community "
                    "networks, government offices, the private sector and influencers, campaigning together on "
                    "key dates and pushing policy, such as the ban on draft-beer sales in convenience stores, in "
                    "force since 30 October 2018.",
                    "In Chiang Rai, the coordinating committee of civil-society organisations for the protection "
                    "of children and women and against human trafficking signed a memorandum of understanding on "
                    "18 September 2019 and ran campaigns reaching more than 2,000 people.",
                ),
                (
                    "quote",
                    {
                        "quote": "Real people, real voices",
                        "attribution": "Survivors who speak for themselves",
                    },
                ),
            ],
        },
    },
    "privacy": {
        "th": {
            "title": "ประกาศความเป็นส่วนตัว",
            "intro": "เราเก็บข้อมูลเท่าที่จำเป็น ใช้ตามที่แจ้งไว้ และไม่ขายหรือเปิดเผยให้ผู้อื่น",
            "body": [
                ("heading", "ข้อมูลที่เราเก็บ"),
                *paragraphs(
                    "เมื่อคุณลงชื่อในแคมเปญ เราเก็บชื่อ อีเมล และจังหวัด เพื่อยืนยันและนับรายชื่อเท่านั้น "
                    "เราจะแสดงชื่อของคุณต่อสาธารณะเฉพาะเมื่อคุณเลือกให้แสดง",
                    "ที่อยู่ IP ถูกเก็บเป็นค่าแฮชที่มีกุญแจลับเพื่อป้องกันการใช้งานในทางที่ผิด ไม่ใช่ที่อยู่จริง",
                ),
                ("heading", "สิทธิของคุณ"),
                *paragraphs(
                    "คุณขอดูข้อมูลทั้งหมดที่เรามีเกี่ยวกับคุณ ขอลบ หรือยกเลิกการรับข่าวสารได้ทุกเมื่อ "
                    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
                ),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "intro": "We collect only what we need, use it only as we say, and never sell or share it.",
            "body": [
                ("heading", "What we collect"),
                *paragraphs(
                    "When you sign a petition we keep your name, e-mail address and province, to confirm and count "
                    "your signature. We show your name in public only if you choose to.",
                    "IP addresses are kept only as keyed hashes to prevent abuse, never as the address itself.",
                ),
                ("heading", "Your rights"),
                *paragraphs(
                    "You can ask to see everything we hold about you, to erase it, or to stop updates at any time, "
                    "under Thailand's Personal Data Protection Act B.E. 2562 (2019).",
                ),
            ],
        },
    },
    "accessibility": {
        "th": {
            "title": "การเข้าถึง",
            "intro": "เว็บไซต์นี้ออกแบบให้ทุกคนใช้ได้ รวมถึงผู้ใช้โปรแกรมอ่านหน้าจอและโทรศัพท์ราคาประหยัด",
            "body": paragraphs(
                "เรามุ่งให้เป็นไปตามมาตรฐาน WCAG 2.2 ระดับ AA ทุกหน้าอ่านและกรอกแบบฟอร์มได้โดยไม่ต้องใช้ "
                "JavaScript และใช้งานได้บนหน้าจอกว้างเพียง 320 พิกเซล",
                "หากพบปัญหาในการใช้งาน โปรดแจ้งเราทางอีเมลที่ท้ายหน้า เราจะตอบภายใน 5 วันทำการ",
            ),
        },
        "en": {
            "title": "Accessibility statement",
            "intro": "This site is built for everyone, including screen-reader users and people on low-cost phones.",
            "body": paragraphs(
                "We aim to meet WCAG 2.2 level AA. Every page can be read and every form sent without JavaScript, "
                "and the layout works on screens only 320 pixels wide.",
                "If something does not work for you, e-mail us at the address in the footer; we reply within five "
                "working days.",
            ),
        },
    },
}

HELP_LINES = [
    # (number, hours, {language: (name, description)})
    (
        "1300",
        {"th": "ตลอด 24 ชั่วโมง", "en": "24 hours, every day"},
        {
            "th": ("ศูนย์ช่วยเหลือสังคม", "แจ้งเหตุความรุนแรงในครอบครัว การค้ามนุษย์ และขอความช่วยเหลือทางสังคม"),
            "en": (
                "Social Assistance Center",
                "Report domestic violence or trafficking, or ask for social help",
            ),
        },
    ),
    (
        "1323",
        {"th": "ตลอด 24 ชั่วโมง", "en": "24 hours, every day"},
        {
            "th": ("สายด่วนสุขภาพจิต", "พูดคุยกับนักจิตวิทยาเมื่อรู้สึกไม่ปลอดภัยหรือทุกข์ใจ"),
            "en": ("Mental health hotline", "Talk to a counsellor when you feel unsafe or distressed"),
        },
    ),
    (
        "191",
        {"th": "ตลอด 24 ชั่วโมง", "en": "24 hours, every day"},
        {"th": ("ตำรวจ", "เหตุด่วนเหตุร้าย"), "en": ("Police", "Emergencies and crimes in progress")},
    ),
    (
        "1669",
        {"th": "ตลอด 24 ชั่วโมง", "en": "24 hours, every day"},
        {"th": ("เจ็บป่วยฉุกเฉิน", "รถพยาบาลและการแพทย์ฉุกเฉิน"), "en": ("Medical emergency", "Ambulance")},
    ),
]

MENU_HOME_LABEL = {"th": "หน้าแรก", "en": "Home", "km": "ទំព័រដើម", "my": "ပင်မစာမျက်နှာ"}

FOOTER = {
    "th": {
        "organisation_name": "ภาคี",
        "tagline": "ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก",
        "address": "สำนักเลขานุการภาคี\nกรุงเทพมหานคร",
    },
    "en": {
        "organisation_name": "Phakhi",
        "tagline": "Together to end violence against women and children",
        "address": "Phakhi secretariat\nBangkok, Thailand",
    },
    "km": {"organisation_name": "ភាគី", "tagline": "រួមគ្នាបញ្ចប់អំពើហិង្សា", "address": ""},
    "my": {"organisation_name": "ဖာခီ", "tagline": "အကြမ်းဖက်မှု အဆုံးသတ်ရန် အတူတကွ", "address": ""},
}


def reset() -> None:
    root = tree_root()
    for child in root.get_children():
        child.delete()
    for model in (MainMenu, Footer, HelpLine):
        model.objects.all().delete()


def tree_root() -> Page:
    """The page tree's root, recreated with the locales and the root collection if a flush removed them.

    Migrations make these; a transactional test's flush (or a hand-emptied database) removes them.
    """
    for code, _name in settings.LANGUAGES:
        locale(code)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale("th"), live=True))
    return root


def _home_pages() -> dict[str, HomePage]:
    root = tree_root()
    for child in root.get_children().exclude(content_type__model="homepage"):
        child.delete()  # Wagtail's "Welcome" page
    thai = HomePage.objects.filter(locale__language_code="th").first()
    if thai is None:
        thai = HomePageFactory(parent=root, slug="home", **_page_fields(HOME["th"]))
    homes = {"th": thai}
    for code in ("en", "km", "my"):
        homes[code] = publish_translation(thai, code, **_page_fields(HOME[code]))
    hostname, port = site_address()  # PUBLIC_URL: page.full_url and the sitemaps agree with the e-mails
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": thai, "hostname": hostname, "port": port, "site_name": "Phakhi"},
    )
    return homes


def _page_fields(content: dict) -> dict:
    return {
        key: value for key, value in content.items() if key in {"title", "intro", "body", "last_reviewed"}
    }


def _standard_pages(homes: dict[str, HomePage]) -> dict[str, dict[str, Page]]:
    pages = {}
    reviewed = datetime.date(2026, 11, 1)
    for slug, languages in STANDARD_PAGES.items():
        thai = homes["th"].get_children().filter(slug=slug).first()
        fields = {**_page_fields(languages["th"]), "last_reviewed": reviewed}
        if thai is None:
            thai = StandardPageFactory(parent=homes["th"], slug=slug, **fields)
        pages[slug] = {"th": thai.specific}
        for code, texts in {**languages, **demo_km_my.STANDARD_PAGES.get(slug, {})}.items():
            if code != "th":
                pages[slug][code] = publish_translation(thai, code, **_page_fields(texts))
    return pages


def _section_pages(home: HomePage) -> list[Page]:
    """The sections other apps' demos made under the Thai home, in menu order."""
    sections = demo_loaders.menu_sections()
    found = {page.slug: page for page in home.get_children().live().filter(slug__in=sections)}
    return [found[slug] for slug in sections if slug in found]


def _chrome(homes: dict[str, HomePage], pages: dict[str, dict[str, Page]]) -> None:
    menu = MainMenu.objects.filter(locale=locale("th")).first() or MainMenuFactory(locale=locale("th"))
    for code, home_label in MENU_HOME_LABEL.items():
        translated = menu if code == "th" else menu.get_translation_or_none(locale(code))
        if translated is None:
            translated = menu.copy_for_translation(locale(code))
        translated.items = [
            ("link", {"page": homes["th"], "label": home_label, "external_url": ""}),
            *[
                ("link", {"page": page, "label": "", "external_url": ""})
                for page in _section_pages(homes["th"])
            ],
            ("link", {"page": pages["about"]["th"], "label": "", "external_url": ""}),
        ]
        translated.save()

    footer_pages = [pages["privacy"]["th"], pages["accessibility"]["th"]]
    footer_links = [("link", {"page": page, "label": "", "external_url": ""}) for page in footer_pages]
    thai_footer = Footer.objects.filter(locale=locale("th")).first() or FooterFactory(locale=locale("th"))
    for code, fields in FOOTER.items():
        footer = thai_footer if code == "th" else thai_footer.get_translation_or_none(locale(code))
        if footer is None:
            footer = thai_footer.copy_for_translation(locale(code))
        for key, value in fields.items():
            setattr(footer, key, value)
        footer.links = footer_links
        footer.save()

    for order, (number, hours, names) in enumerate(HELP_LINES):
        thai_line = HelpLine.objects.filter(locale=locale("th"), number=number).first()
        if thai_line is None:
            thai_line = HelpLineFactory(locale=locale("th"), number=number, sort_order=order)
        names = {**names, **demo_km_my.HELP_LINES.get(number, {})}
        hours = {**hours, **demo_km_my.HELP_LINE_HOURS}
        for code in names:
            line = thai_line if code == "th" else thai_line.get_translation_or_none(locale(code))
            if line is None:
                line = thai_line.copy_for_translation(locale(code))
            line.name, line.description = names[code]
            line.hours = hours[code]
            line.sort_order = order
            line.save()

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "contact@phakhi.example"
    site_settings.line_official_account = "@phakhi"
    site_settings.facebook_url = "https://www.facebook.com/phakhi.example"
    site_settings.save()


def admin_password() -> str:
    """Create the demo superuser once, with a random password kept in DEMO_CREDENTIALS_DIR/demo-admin.txt."""
    user_model = get_user_model()
    if ADMIN_PASSWORD_FILE.exists() and user_model.objects.filter(username=ADMIN_USERNAME).exists():
        return ADMIN_PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    user = user_model.objects.filter(username=ADMIN_USERNAME).first() or user_model(username=ADMIN_USERNAME)
    user.email = "admin@phakhi.example"
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    ADMIN_PASSWORD_FILE.parent.mkdir(parents=True, exist_ok=True)
    ADMIN_PASSWORD_FILE.write_text(password + "\n")
    ADMIN_PASSWORD_FILE.chmod(0o600)
    return password


@transaction.atomic
def load(stdout=None) -> dict:
    homes = _home_pages()
    pages = _standard_pages(homes)
    _chrome(homes, pages)
    admin_password()
    return {"homes": homes, "pages": pages}


def finish(stdout=None) -> None:
    """Run after every app's demo: the menu links to the sections they made."""
    load(stdout=stdout)


demo_loaders.register("site_project", load=load, reset=reset, finish=finish)
