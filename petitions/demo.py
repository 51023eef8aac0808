"""Demo petitions from seed 002 (the Women and Men Progressive Movement Foundation's network work).

Two petitions, in Thai and English: the ban on draft-beer sales in convenience stores (won: in force from
30 October 2018, B.E. 2561) and the call on the Ministry of Tourism and Sports to drop 4 a.m. nightlife
hours (open). A few thousand generated signatures, spread over provinces, days, sources and languages,
mostly confirmed; the aggregator then counts them, so the tallies are right from the start.

``load()`` is idempotent; signatures are generated only for a petition that has none.
"""

import datetime
import hashlib
import random

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from partners.models import PartnerPage
from site_project import demo_loaders
from site_project.factories import locale, section_index
from site_project.provinces import OUTSIDE_THAILAND, PROVINCES

from .factories import DecisionMakerFactory, PetitionIndexPageFactory, PetitionPageFactory
from .models import (
    DecisionMaker,
    PetitionIndexPage,
    PetitionPage,
    PetitionUpdate,
    Signature,
    SignatureStatus,
    SignatureTally,
)
from .services import aggregate_signatures, canonical_email

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
}

PETITIONS = {
    "nightlife-4am": {
        "targets": ("tourism",),
        "goal": 5000,
        "status": "open",
        "opens_at": datetime.datetime(2026, 10, 1, 9, 0),
        "closes_at": datetime.datetime(2027, 3, 31, 23, 59),
        "signatures": 2600,
        "days": 50,
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
                (datetime.date(2026, 10, 1), "news", "เปิดให้ร่วมลงชื่อ"),
                (
                    datetime.date(2026, 11, 10),
                    "delivered",
                    "ยื่นข้อเสนอและรายชื่อชุดแรกต่อกระทรวงการท่องเที่ยวและกีฬา",
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
                "Demands and the first signatures delivered to the Ministry of Tourism and Sports",
            ],
        },
    },
    "draft-beer-convenience-stores": {
        "targets": ("government",),
        "goal": 3000,
        "status": "won",
        "opens_at": datetime.datetime(2018, 6, 1, 9, 0),
        "closes_at": datetime.datetime(2018, 10, 29, 23, 59),
        "signatures": 1400,
        "days": 150,
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
SOURCES = (("", 40), ("line", 25), ("facebook", 18), ("x", 5), ("whatsapp", 3), ("partner-embed", 9))
BIG_PROVINCES = {"bangkok": 25, "chiang-rai": 10, "chiang-mai": 8, "nonthaburi": 5, "khon-kaen": 4}


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


def _signatures(petition: PetitionPage, spec: dict, seed: int) -> int:
    if Signature.objects.filter(petition=petition).exists():
        return 0
    rng = random.Random(seed)  # noqa: S311  (demo data, reproducible on purpose)
    provinces = {province.code: 1 for province in PROVINCES} | BIG_PROVINCES | {OUTSIDE_THAILAND.code: 2}
    sources = dict(SOURCES)
    start = _aware(spec["opens_at"])
    rows = []
    for number in range(spec["signatures"]):
        signed_at = start + datetime.timedelta(seconds=rng.randint(0, spec["days"] * 86_400))
        status = _weighted(
            rng,
            {SignatureStatus.CONFIRMED: 92, SignatureStatus.PENDING: 5, SignatureStatus.QUARANTINED: 3},
        )
        email = f"demo-{petition.slug}-{number}@example.invalid"
        rows.append(
            Signature(
                petition=petition,
                name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
                email=email,
                email_canonical=canonical_email(email),
                province=_weighted(rng, provinces),
                show_name=rng.random() < 0.3,
                locale="en" if rng.random() < 0.1 else "th",
                source=_weighted(rng, sources),
                consent_notice_version="2018-06-01" if start.year == 2018 else "2026-11-01",
                consented_at=signed_at,
                status=status,
                quarantine_reason="rate_burst" if status == SignatureStatus.QUARANTINED else "",
                confirmed_at=signed_at + datetime.timedelta(minutes=rng.randint(1, 600))
                if status == SignatureStatus.CONFIRMED
                else None,
                # A pending demo signer was e-mailed their link when they signed (a digest no link matches),
                # so the confirmation batches never mail these made-up addresses.
                token_hash=hashlib.sha256(email.encode()).hexdigest()
                if status == SignatureStatus.PENDING
                else "",
                token_expires_at=signed_at + datetime.timedelta(hours=72)
                if status == SignatureStatus.PENDING
                else None,
            )
        )
    Signature.objects.bulk_create(rows, batch_size=1000)
    # created_at is set on insert: spread it over the days too, as the dashboard reads it.
    Signature.objects.filter(petition=petition).update(created_at=F("consented_at"))
    return len(rows)


def featured_petition() -> PetitionPage | None:
    """The demo petition against 4 a.m. nightlife hours (or the first open Thai petition) for other demos."""
    petitions = PetitionPage.objects.live().filter(locale__language_code="th")
    return petitions.filter(title__contains="สถานบันเทิง").first() or petitions.order_by("pk").first()


def reset() -> None:
    SignatureTally.objects.all().delete()
    Signature.objects.all().delete()
    while (index := PetitionIndexPage.objects.first()) is not None:
        index.delete()
    DecisionMaker.objects.all().delete()


@transaction.atomic
def load(stdout=None) -> None:
    index = section_index(PetitionIndexPageFactory, "petitions", INDEX)["th"]
    targets = _targets()
    co_sponsors = list(
        PartnerPage.objects.filter(slug__in=CO_SPONSOR_SLUGS, locale__language_code="th").order_by("slug")
    )
    generated = 0
    for seed, (slug, spec) in enumerate(PETITIONS.items()):
        petition = _petition(index, slug, spec, targets, co_sponsors)
        generated += _signatures(petition, spec, seed)
    while aggregate_signatures():
        pass
    if stdout is not None:
        stdout.write(f"Petitions: {len(PETITIONS)} in Thai and English; {generated} signatures generated.")


demo_loaders.register("petitions", load=load, reset=reset, menu_section="petitions", menu_position=2)
