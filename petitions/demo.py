"""Demo petitions from seeds 002 (the Women and Men Progressive Movement Foundation's network work) and 004.

Three petitions, in Thai and English: the ban on draft-beer sales in convenience stores (won: in force from
30 October 2018, B.E. 2561), the call on the Ministry of Tourism and Sports to drop 4 a.m. nightlife hours
(open since October of last year's 25 November campaign, dated from today so the dashboard has a year to
show), and the Chiang Rai committee's provincial call for child protection in every sub-district (seed 004,
open since the October before the latest 25 November). A few thousand generated signatures (a fixed seed) follow a year's
shape: a surge around 25 November and the 16 Days, a smaller one at Songkran, quiet weeks; mostly from Chiang
Rai, Bangkok, the North and the North-East (where the coalition works, seeds 002 and 004), mostly in Thai,
from direct visits, LINE and Facebook. Partners' referral links are added by ``advocacy.demo``, which knows how
a partner's source is made. The aggregator then counts them and the staff summary is rebuilt, so the tallies
and the dashboard are right from the start. Organisations co-sign the open petition with statements, some
still awaiting approval.

``load()`` is idempotent; signatures are generated only for a petition that has none.
"""

import datetime
import hashlib
import math
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from partners.models import PartnerPage
from site_project import demo_loaders
from site_project.factories import locale, section_index
from site_project.provinces import OUTSIDE_THAILAND, PROVINCES

from . import demo_km_my
from .factories import DecisionMakerFactory, PetitionIndexPageFactory, PetitionPageFactory
from .models import (
    CoSignatureStatus,
    DecisionMaker,
    OrganisationCoSignature,
    PetitionIndexPage,
    PetitionPage,
    PetitionUpdate,
    Signature,
    SignatureProvinceTotal,
    SignatureStatus,
    SignatureTally,
)
from .services import aggregate_signatures, canonical_email, summarise_signature_statuses

ORGANISER = {"th": "มูลนิธิหญิงชายก้าวไกล", "en": "Women and Men Progressive Movement Foundation"}
CO_SPONSOR_SLUGS = ("bangkok-community-network-partners", "chiang-rai-women-empowerment-network")

INDEX = {
    "th": {"title": "ร่วมลงชื่อ", "intro": "ร่วมลงชื่อสนับสนุนข้อเสนอเชิงนโยบายของภาคีเครือข่าย ทุกรายชื่อมีพลัง"},
    "en": {"title": "Petitions", "intro": "Add your name to the policy demands of our partner networks."},
}

TARGETS = {
    "tourism": {
        "th": ("กระทรวงการท่องเที่ยวและกีฬา", "รัฐมนตรีว่าการกระทรวงการท่องเที่ยวและกีฬา"),
        "en": ("Ministry of Tourism and Sports", "Minister of Tourism and Sports"),
    },
    "government": {
        "th": ("รัฐบาล", "คณะรัฐมนตรี"),
        "en": ("Royal Thai Government", "Cabinet"),
    },
    "chiang-rai-governor": {
        "th": ("จังหวัดเชียงราย", "ผู้ว่าราชการจังหวัดเชียงราย"),
        "en": ("Chiang Rai Province", "Governor of Chiang Rai"),
    },
    "chiang-rai-social-development": {
        "th": ("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย", "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"),
        "en": (
            "Chiang Rai Provincial Office of Social Development and Human Security",
            "Provincial Social Development and Human Security Officer",
        ),
    },
}


def campaign_year(today: datetime.date | None = None) -> int:
    """The year of the 25 November campaign the demo is built around: this year's from 1 November, else last
    year's. The open petition, this year's campaign and the signatures' shape are all dated from it."""
    today = today or timezone.localdate()
    return today.year if today >= datetime.date(today.year, 11, 1) else today.year - 1


def campaign_day(today: datetime.date | None = None) -> datetime.date:
    """The latest 25 November on or before ``today``: the day of the Chiang Rai event the demo's paper signatures
    come from (seed 004: the committee's yearly campaign for the International Day for the Elimination of
    Violence against Women)."""
    today = today or timezone.localdate()
    day = datetime.date(today.year, 11, 25)
    return day if day <= today else day.replace(year=today.year - 1)


def _nightlife(year: int) -> dict:
    """The open petition: launched before last year's 25 November, a first batch delivered on Human Rights Day."""
    return {
        "targets": ("tourism",),
        "goal": 8000,
        "status": "open",
        "opens_at": datetime.datetime(year - 1, 10, 1, 9, 0),
        "closes_at": datetime.datetime(year + 1, 3, 31, 23, 59),
        "signatures": 4200,
        "th": {
            "title": "ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่",
            "summary": "ขอให้กระทรวงการท่องเที่ยวและกีฬายกเลิกนโยบายเปิดสถานบันเทิงถึงเวลา 04.00 น. "
            "เพราะผลกระทบตกอยู่กับผู้หญิงและเด็กในครอบครัว",
            "demand": "เราขอให้กระทรวงการท่องเที่ยวและกีฬายกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงเวลา 04.00 น. "
            "และรับฟังข้อมูลผลกระทบจากภาคีเครือข่ายก่อนกำหนดนโยบายใด ๆ เกี่ยวกับเครื่องดื่มแอลกอฮอล์",
            "background": [
                (
                    "paragraph",
                    "<p>จากประสบการณ์การให้ความช่วยเหลือผู้ประสบปัญหา มูลนิธิหญิงชายก้าวไกลเห็นว่าการดื่มที่ยาวนานขึ้น "
                    "ส่งผลต่อความรุนแรงในครอบครัว ความสัมพันธ์ในครอบครัว ความเสี่ยงต่อการเกิดความรุนแรงทางเพศ "
                    "และเศรษฐกิจของครอบครัว</p>",
                ),
                (
                    "paragraph",
                    "<p>เราร่วมกับเครือข่ายองค์กรงดเหล้า เครือข่ายรณรงค์ป้องกันภัยแอลกอฮอล์ "
                    "และเครือข่ายเฝ้าระวังธุรกิจสุรา ผลักดันนโยบายควบคุมเครื่องดื่มแอลกอฮอล์มาอย่างต่อเนื่อง</p>",
                ),
            ],
            "timeline": [
                (datetime.date(year - 1, 10, 1), "news", "เปิดให้ร่วมลงชื่อ"),
                (
                    datetime.date(year - 1, 12, 10),
                    "delivered",
                    "ยื่นข้อเสนอและรายชื่อชุดแรกต่อกระทรวงการท่องเที่ยวและกีฬา ในวันสิทธิมนุษยชนสากล",
                ),
            ],
        },
        "en": {
            "title": "Drop the 4 a.m. nightlife hours",
            "summary": "We ask the Ministry of Tourism and Sports to drop its policy of letting nightlife venues "
            "open until 4 a.m., because women and children at home bear the harm.",
            "demand": "We ask the Ministry of Tourism and Sports to withdraw the policy extending nightlife "
            "venues' opening hours to 4 a.m., and to hear the evidence of harm from partner networks before "
            "setting any alcohol-related policy.",
            "background": [
                (
                    "paragraph",
                    "<p>From its experience helping survivors, the Women and Men Progressive Movement Foundation "
                    "sees longer drinking hours feed domestic violence, strain family relationships, raise the "
                    "risk of sexual violence and hurt family finances.</p>",
                ),
                (
                    "paragraph",
                    "<p>We push alcohol-control policy together with the Stop Drink Network, the Alcohol "
                    "Prevention Campaign Network and the Alcohol Business Watch Network.</p>",
                ),
            ],
            "timeline": [
                "Signing opened",
                "Demands and the first signatures delivered to the Ministry of Tourism and Sports on Human Rights Day",
            ],
        },
    }


def _chiang_rai(year: int) -> dict:
    """The Chiang Rai committee's provincial petition (seed 004): child protection in every sub-district and a
    formal referral of trafficking victims between the committee's members and the province's offices. Opened on
    1 October before the latest 25 November (``campaign_day``); the paper signatures from that day's event are
    entered by ``advocacy.pushes.demo``."""
    return {
        "targets": ("chiang-rai-governor", "chiang-rai-social-development"),
        "goal": 2000,
        "status": "open",
        "opens_at": datetime.datetime(year, 10, 1, 9, 0),
        "closes_at": datetime.datetime(year + 1, 3, 31, 23, 59),
        "signatures": 500,
        "provinces": {"chiang-rai": 600, "phayao": 20},
        "th": {
            "title": "กลไกคุ้มครองเด็กครบทุกตำบลในเชียงราย",
            "summary": "ขอให้จังหวัดเชียงรายขยายกลไกการคุ้มครองเด็กระดับตำบลให้ครบทุกตำบล "
            "และส่งต่อความช่วยเหลือผู้เสียหายร่วมกับองค์กรภาคประชาสังคมอย่างเป็นทางการ",
            "demand": "คปค. และองค์กรสมาชิกขอให้ผู้ว่าราชการจังหวัดเชียงรายและสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์"
            "จังหวัดเชียงราย ขยายกลไกการคุ้มครองเด็กระดับตำบลให้ครบทุกตำบล และจัดตั้งกลไกการส่งต่อความช่วยเหลือ"
            "ระหว่างองค์กรภาคประชาสังคมและหน่วยงานรัฐระดับท้องถิ่น เพื่อคุ้มครองเด็ก สตรี และกลุ่มเปราะบาง",
            "background": [
                (
                    "paragraph",
                    "<p>องค์กรสมาชิก คปค. 10 แห่ง และบ้านพักเด็กและครอบครัวจังหวัดเชียงรายลงนามในบันทึกข้อตกลง"
                    "ความร่วมมือว่าด้วยการเสริมประสิทธิภาพกลไกการคุ้มครองเด็กระดับตำบล "
                    "และผู้ว่าราชการจังหวัดให้การรับรองตารางการปฏิบัติงานของทีมสหวิชาชีพ</p>",
                ),
            ],
            "timeline": [(datetime.date(year, 10, 1), "news", "เปิดให้ร่วมลงชื่อ")],
        },
        "en": {
            "title": "Child protection in every sub-district of Chiang Rai",
            "summary": "We ask Chiang Rai province to extend sub-district child protection to every sub-district "
            "and to refer victims together with civil-society organisations, formally.",
            "demand": "The Chiang Rai committee and its members ask the Governor of Chiang Rai and the Provincial "
            "Office of Social Development and Human Security to extend the sub-district child protection "
            "mechanism to every sub-district, and to set up a referral mechanism between civil-society "
            "organisations and local government offices, to protect children, women and vulnerable people.",
            "background": [
                (
                    "paragraph",
                    "<p>Ten of the committee's members and the Chiang Rai Home for Children and Families signed an "
                    "agreement to strengthen sub-district child protection, and the Governor endorsed the "
                    "multidisciplinary team's working schedule.</p>",
                ),
            ],
            "timeline": ["Signing opened"],
        },
    }


PETITIONS = {
    "draft-beer-convenience-stores": {
        "targets": ("government",),
        "goal": 3000,
        "status": "won",
        "opens_at": datetime.datetime(2018, 6, 1, 9, 0),
        "closes_at": datetime.datetime(2018, 10, 29, 23, 59),
        "signatures": 1400,
        "th": {
            "title": "ห้ามขายเบียร์สดในร้านสะดวกซื้อ",
            "summary": "ร้านสะดวกซื้อเปิดตลอดคืนและอยู่ใกล้บ้านทุกหลัง เบียร์สดไม่ควรวางขายที่นั่น",
            "demand": "ขอให้รัฐบาลออกประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อ",
            "background": [
                (
                    "paragraph",
                    "<p>มูลนิธิหญิงชายก้าวไกลร่วมกับภาคีเครือข่ายควบคุมเครื่องดื่มแอลกอฮอล์ผลักดันเรื่องนี้ "
                    "จนรัฐบาลออกประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อ</p>",
                ),
            ],
            "timeline": [
                (datetime.date(2018, 9, 14), "delivered", "ยื่นรายชื่อและข้อเสนอต่อรัฐบาล"),
                (
                    datetime.date(2018, 10, 30),
                    "outcome",
                    "ประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อมีผลบังคับใช้ เมื่อ 30 ต.ค. 2561",
                ),
            ],
        },
        "en": {
            "title": "Stop draft-beer sales in convenience stores",
            "summary": "Convenience stores are open all night and close to every home. Draft beer does not "
            "belong on their counters.",
            "demand": "We ask the government to ban the sale of draft beer in convenience stores.",
            "background": [
                (
                    "paragraph",
                    "<p>The Women and Men Progressive Movement Foundation and its alcohol-control partners "
                    "pushed for this until the government banned draft-beer sales in convenience stores.</p>",
                ),
            ],
            "timeline": [
                "Signatures and demands delivered to the government",
                "The ban on draft-beer sales in convenience stores came into force on 30 October 2018",
            ],
        },
    },
}

GIVEN_NAMES = (
    "สมชาย",
    "สมหญิง",
    "วิภา",
    "ประยุทธ",
    "กนกวรรณ",
    "ณัฐพล",
    "อรุณี",
    "ศิริพร",
    "ธนากร",
    "มาลี",
    "จันทร์เพ็ญ",
    "บุญมี",
)
FAMILY_NAMES = ("ใจดี", "ศรีสุข", "มั่นคง", "ทองคำ", "แสงทอง", "บุญเรือง", "พรหมมา", "คำแก้ว", "อินทร์แก้ว", "ปัญญาดี")
SOURCES = {"": 40, "line": 30, "facebook": 21, "x": 5, "whatsapp": 4}
LANGUAGES = {"th": 86, "en": 8, "my": 4, "km": 2}
# Where the coalition works (seeds 002 and 004): Chiang Rai and Bangkok first, then the North and the North-East.
# Every other province weighs 1, people abroad 3.
PROVINCE_WEIGHTS = {
    "chiang-rai": 60,
    "bangkok": 55,
    "chiang-mai": 22,
    "phayao": 9,
    "lampang": 7,
    "nan": 5,
    "mae-hong-son": 5,
    "lamphun": 4,
    "phrae": 4,
    "uttaradit": 3,
    "khon-kaen": 12,
    "udon-thani": 9,
    "nakhon-ratchasima": 9,
    "ubon-ratchathani": 7,
    "roi-et": 4,
    "sakon-nakhon": 4,
    "nong-khai": 4,
    "nonthaburi": 8,
    "samut-prakan": 5,
    "pathum-thani": 4,
}
# When people sign, by the hour (Bangkok time): lunch, and the evening on the phone.
HOURS = (1, 1, 0, 0, 0, 1, 2, 4, 6, 6, 5, 5, 8, 7, 5, 5, 5, 6, 8, 11, 13, 12, 8, 4)
QUIET_WEEKS = 0.12  # the share of weeks nobody posted about the petition
STATUSES = {SignatureStatus.CONFIRMED: 90, SignatureStatus.PENDING: 6, SignatureStatus.QUARANTINED: 4}
# Organisations that co-sign the open petition: (partner, status, days ago, statement), in their own words.
CO_SIGNERS = (
    (
        "chiang-rai-children-network",
        CoSignatureStatus.APPROVED,
        52,
        "เครือข่ายเด็กเชียงรายเห็นผลของการดื่มยามดึกต่อความรุนแรงในครอบครัวทุกปี เด็กในบ้านคือผู้รับผลกระทบ เราร่วมลงชื่อสนับสนุน",
    ),
    (
        "world-vision-foundation-of-thailand",
        CoSignatureStatus.APPROVED,
        40,
        "เด็กคือผู้ได้รับผลกระทบที่เงียบที่สุดเมื่อผู้ใหญ่ในบ้านดื่มจนดึก เราสนับสนุนข้อเรียกร้องนี้",
    ),
    (
        "chiang-rai-women-empowerment-network",
        CoSignatureStatus.APPROVED,
        27,
        "เครือข่ายผู้หญิงในชุมชนเชียงรายขอยืนข้างผู้หญิงที่ต้องรับภาระจากนโยบายนี้",
    ),
    (
        "phromrak-family-foundation",
        CoSignatureStatus.PENDING,
        9,
        "ครอบครัวที่เราช่วยเหลือหลายครอบครัวเริ่มต้นปัญหาจากการดื่ม เราขอร่วมลงชื่อในนามมูลนิธิ",
    ),
    (
        "bangkok-community-network-partners",
        CoSignatureStatus.PENDING,
        4,
        "ชุมชนในกรุงเทพฯ ที่อยู่ใกล้สถานบันเทิงได้รับผลกระทบโดยตรง ภาคีเครือข่ายชุมชนกรุงเทพฯ ขอร่วมลงชื่อ",
    ),
    (
        "ecpat-foundation",
        CoSignatureStatus.APPROVED,
        15,
        "Longer nightlife hours raise the risk of sexual exploitation of children. ECPAT Foundation co-signs.",
    ),
)


@dataclass(frozen=True)
class Moment:
    """A day people sign more: ``height`` times an ordinary day's signatures, fading over ``spread`` days."""

    day: datetime.date
    height: float
    spread: float


def moments(year: int) -> list[Moment]:
    """The key dates around ``year``'s 25 November campaign (seed 002) and how much each one moves people."""
    return [
        Moment(datetime.date(year - 1, 10, 1), 5, 3),  # the petition opens
        Moment(datetime.date(year - 1, 11, 25), 6, 4),  # last year's 25 November
        Moment(datetime.date(year - 1, 12, 10), 4, 1.5),  # the first batch delivered, Human Rights Day
        Moment(datetime.date(year, 4, 13), 8, 3),  # Songkran
        Moment(datetime.date(year, 7, 30), 1.5, 1.5),  # the day against trafficking in persons
        Moment(datetime.date(year, 8, 12), 2, 2),  # Mother's Day
        Moment(datetime.date(year, 11, 25), 10, 4),  # this year's 25 November
    ]


def day_weights(
    first: datetime.date, last: datetime.date, *, year: int, rng: random.Random
) -> dict[datetime.date, float]:
    """How busy each day from ``first`` to ``last`` is: ordinary days (quieter at weekends, some weeks nearly
    silent), the build-up to 25 November, the 16 Days to 10 December, and each key date's surge."""
    weeks: dict = {}
    weights = {}
    day = first
    while day <= last:
        week = day - datetime.timedelta(days=day.weekday())
        if week not in weeks:
            weeks[week] = 0.15 if rng.random() < QUIET_WEEKS else rng.uniform(0.6, 1.4)
        weight = weeks[week] * (0.75 if day.weekday() >= 5 else 1.0)
        for moment in moments(year):
            weight += moment.height * math.exp(-(((day - moment.day).days / moment.spread) ** 2) / 2)
        for campaign, plateau in ((year - 1, 2), (year, 3)):
            build_up = datetime.date(campaign, 11, 1)
            if build_up <= day < datetime.date(campaign, 11, 25):
                weight += plateau * (day - build_up).days / 24
            elif datetime.date(campaign, 11, 25) <= day <= datetime.date(campaign, 12, 10):
                weight += plateau
        weights[day] = weight
        day += datetime.timedelta(days=1)
    return weights


def _aware(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _targets() -> dict[str, DecisionMaker]:
    found = {}
    for key, languages in TARGETS.items():
        institution, office = languages["th"]
        thai = DecisionMaker.objects.filter(
            locale=locale("th"), institution=institution, office=office
        ).first()
        if thai is None:
            thai = DecisionMakerFactory(locale=locale("th"), institution=institution, office=office)
        english = thai.get_translation_or_none(locale("en")) or thai.copy_for_translation(locale("en"))
        english.institution, english.office = languages["en"]
        english.save()
        found[key] = thai
    return found


def _petition(
    index: PetitionIndexPage, slug: str, spec: dict, targets: dict, co_sponsors: list
) -> PetitionPage:
    petition = PetitionPage.objects.child_of(index).filter(slug=slug).first()
    if petition is not None:
        return petition
    thai = spec["th"]
    petition = PetitionPageFactory(
        parent=index,
        slug=slug,
        title=thai["title"],
        summary=thai["summary"],
        demand=thai["demand"],
        background=thai["background"],
        goal=spec["goal"],
        status=spec["status"],
        opens_at=_aware(spec["opens_at"]),
        closes_at=_aware(spec["closes_at"]),
        organiser_name=ORGANISER["th"],
    )
    petition.targets.set([targets[key] for key in spec["targets"]])
    petition.co_sponsors.set(co_sponsors)
    for order, (date, kind, text) in enumerate(thai["timeline"]):
        petition.updates.add(
            PetitionUpdate(date=date, kind=kind, text=text, sort_order=order, locale=locale("th"))
        )
    petition.save()  # commit the timeline rows, so the translation copies them with their ids
    petition.save_revision().publish()

    english = petition.copy_for_translation(locale("en"), copy_parents=True).specific
    for field in ("title", "summary", "demand", "background"):
        setattr(english, field, spec["en"][field])
    english.organiser_name = ORGANISER["en"]
    for entry, text in zip(
        english.updates.all().order_by("sort_order"), spec["en"]["timeline"], strict=False
    ):
        entry.text = text
    english.save_revision().publish()
    return petition


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate_signatures(
    petition: PetitionPage,
    *,
    count: int,
    seed: int,
    days: dict[datetime.date, float],
    sources: dict[str, float],
    provinces: dict[str, float],
    email_prefix: str,
) -> int:
    """Make ``count`` signatures on ``petition``, on ``days`` as often as each day weighs, from ``sources`` and
    ``provinces`` likewise; mostly confirmed, mostly in Thai. Reproducible: the same ``seed``, the same rows.

    Neither counted nor summarised: the caller runs ``count_everything()`` once it has made them all.
    """
    rng = random.Random(seed)  # noqa: S311  (demo data, reproducible on purpose)
    now = timezone.now()
    calendar = list(days)
    signed_days = rng.choices(calendar, weights=list(days.values()), k=count)
    rows = []
    for number, day in enumerate(signed_days):
        hour = rng.choices(range(24), weights=HOURS)[0]
        signed_at = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, rng.randrange(60), rng.randrange(60)))
        )
        signed_at = min(signed_at, now - datetime.timedelta(minutes=rng.randint(5, 300)))
        status = _weighted(rng, STATUSES)
        email = f"{email_prefix}-{number}@example.invalid"
        pending = status == SignatureStatus.PENDING
        rows.append(
            Signature(
                petition=petition,
                name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
                email=email,
                email_canonical=canonical_email(email),
                province=_weighted(rng, provinces),
                show_name=rng.random() < 0.3,
                locale=_weighted(rng, LANGUAGES),
                source=_weighted(rng, sources),
                consent_notice_version="2018-06-01"
                if day.year == 2018
                else settings.PETITION_PRIVACY_NOTICE_VERSION,
                consented_at=signed_at,
                status=status,
                quarantine_reason="rate_burst" if status == SignatureStatus.QUARANTINED else "",
                confirmed_at=min(signed_at + datetime.timedelta(minutes=rng.randint(1, 600)), now)
                if status == SignatureStatus.CONFIRMED
                else None,
                # A pending demo signer was e-mailed their link when they signed (a digest no link matches),
                # so the confirmation batches never mail these made-up addresses.
                token_hash=hashlib.sha256(email.encode()).hexdigest() if pending else "",
                token_expires_at=signed_at + datetime.timedelta(hours=72) if pending else None,
            )
        )
    made = Signature.objects.bulk_create(rows, batch_size=1000)
    # created_at is set on insert: put it back on the day signed, as the staff summary reads it.
    Signature.objects.filter(pk__in=[row.pk for row in made]).update(created_at=F("consented_at"))
    return len(rows)


def province_weights(extra: dict[str, float] | None = None) -> dict[str, float]:
    """Every province (1 each), the coalition's provinces heavier, people abroad 3; ``extra`` adds weight."""
    weights = {province.code: 1.0 for province in PROVINCES} | PROVINCE_WEIGHTS | {OUTSIDE_THAILAND.code: 3}
    for code, weight in (extra or {}).items():
        weights[code] += weight
    return weights


def signing_days(petition: PetitionPage, *, year: int, seed: int, since: datetime.date | None = None) -> dict:
    """The days ``petition`` was open until today (from ``since`` if later), weighed by ``day_weights``."""
    first = timezone.localtime(petition.opens_at).date() if petition.opens_at else timezone.localdate()
    last = min(timezone.localtime(petition.closes_at).date(), timezone.localdate())
    rng = random.Random(seed)  # noqa: S311  (demo data, reproducible on purpose)
    return day_weights(max(first, since or first), last, year=year, rng=rng)


def _signatures(petition: PetitionPage, spec: dict, seed: int, year: int) -> int:
    if Signature.objects.filter(petition=petition).exists():
        return 0
    return generate_signatures(
        petition,
        count=spec["signatures"],
        seed=seed,
        days=signing_days(petition, year=year, seed=seed),
        sources=SOURCES,
        provinces=province_weights(spec.get("provinces")),
        email_prefix=f"demo-{petition.slug}",
    )


def count_everything() -> None:
    """Fold every signature into the tallies and rebuild the staff summary, so every chart shows them at once."""
    while aggregate_signatures():
        pass
    summarise_signature_statuses(days=None)


def featured_petition() -> PetitionPage | None:
    """The demo petition against 4 a.m. nightlife hours (or the first open Thai petition) for other demos."""
    petitions = PetitionPage.objects.live().filter(locale__language_code="th")
    return petitions.filter(title__contains="สถานบันเทิง").first() or petitions.order_by("pk").first()


def _co_signatures(petition: PetitionPage) -> int:
    """Partners co-sign the open petition through their representatives, each with a statement."""
    if OrganisationCoSignature.objects.filter(petition=petition).exists():
        return 0
    partners = {
        page.slug: page
        for page in PartnerPage.objects.filter(
            slug__in=[slug for slug, *_rest in CO_SIGNERS], locale__language_code="th"
        ).prefetch_related("representatives__user")
    }
    now = timezone.now()
    made = []
    for slug, status, days_ago, statement in CO_SIGNERS:
        partner = partners.get(slug)
        if partner is None:
            continue
        representative = next(iter(partner.representatives.all()), None)
        made.append(
            OrganisationCoSignature.objects.create(
                petition=petition,
                partner=partner,
                submitted_by=representative.user if representative else None,
                statement=statement,
                status=status,
                decided_at=None if status == CoSignatureStatus.PENDING else now,
            )
        )
        made[-1].created_at = now - datetime.timedelta(days=days_ago, hours=len(made) * 3)
    OrganisationCoSignature.objects.bulk_update(made, ["created_at"])
    return len(made)


def reset() -> None:
    SignatureTally.objects.all().delete()
    SignatureProvinceTotal.objects.all().delete()
    Signature.objects.all().delete()
    OrganisationCoSignature.objects.all().delete()
    while (index := PetitionIndexPage.objects.first()) is not None:
        index.delete()
    DecisionMaker.objects.all().delete()


@transaction.atomic
def load(stdout=None) -> None:
    index = section_index(PetitionIndexPageFactory, "petitions", {**INDEX, **demo_km_my.INDEX})["th"]
    targets = _targets()
    co_sponsors = list(
        PartnerPage.objects.filter(slug__in=CO_SPONSOR_SLUGS, locale__language_code="th").order_by("slug")
    )
    year = campaign_year()
    petitions = {
        "nightlife-4am": _nightlife(year),
        **PETITIONS,
        "chiang-rai-child-protection": _chiang_rai(campaign_day().year),
    }
    generated = 0
    for seed, (slug, spec) in enumerate(petitions.items()):
        petition = _petition(index, slug, spec, targets, co_sponsors)
        generated += _signatures(petition, spec, seed, year)
    co_signed = _co_signatures(featured_petition())
    demo_km_my.translate_petition(featured_petition())
    count_everything()
    if stdout is not None:
        stdout.write(
            f"Petitions: {len(petitions)} in Thai and English; {generated} signatures generated; "
            f"{co_signed} organisations co-signed."
        )


demo_loaders.register("petitions", load=load, reset=reset, menu_section="petitions", menu_position=2)
