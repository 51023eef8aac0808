"""The demo's policy pushes, from seeds 002 and 004, each with a public page in Thai and English.

- The ban on draft-beer sales in convenience stores: delivered to the government on 14 September 2018, answered
  and won, in force from 30 October 2018 (seed 002), the promise kept.
- The call on the Ministry of Tourism and Sports to drop 4 a.m. nightlife hours (seed 002): delivered with the
  ministry's registration number, its answer overdue (dated from today, so it always reads "overdue").
- The Chiang Rai committee's provincial push (seed 004): its members hand the demand for child protection in
  every sub-district to the provincial office of social development at the 25 November event they host
  together, and to the governor a few days later, with a batch of paper signatures collected at the event,
  entered by a member's representative and confirmed by the Secretariat (``petitions.services.paper``).

The pushes are owned by the demo's Secretariat member (``secretariat``, staff, no password: sign in as the demo
admin and set one to try the Secretariat's view). Reminders for the overdue answer count as sent, so the demo
mails nobody. Run by ``advocacy.demo`` after the petitions' and partners' demos. Idempotent: a push whose title
exists, a page whose slug exists and a batch whose event is recorded are left as they are.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from partners.models import PartnerPage, Representative
from petitions.demo import TARGETS, campaign_day
from petitions.models import DecisionMaker, PaperBatch, PetitionPage
from petitions.selectors import canonical_petition_id
from petitions.services import paper
from site_project.factories import locale, publish_translation, section_index

from ..factories import PolicyPushIndexPageFactory, PolicyPushPageFactory
from .models import Classification, Commitment, Delivery, Kept, PolicyPush, Response, Stage
from .pages import PolicyPushIndexPage

SECRETARIAT_USERNAME = "secretariat"
SECRETARIAT_GROUP = "Secretariat"
FOUNDATION = "women-and-men-progressive-movement-foundation"
# The committee's members behind the provincial push: its chair, vice-chair and secretary, and three members.
CHIANG_RAI_MEMBERS = (
    "world-vision-foundation-of-thailand",
    "wiwat-seri-foundation",
    "focus-foundation-for-child-understanding",
    "phromrak-family-foundation",
    "chiang-rai-children-network",
    "chiang-rai-women-empowerment-network",
)
PAPER_PARTNER = "chiang-rai-women-empowerment-network"
# Each push by the slug of its petition and of its public page.
TITLES = {
    "draft-beer-convenience-stores": "ห้ามขายเบียร์สดในร้านสะดวกซื้อ",
    "nightlife-4am": "ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่",
    "chiang-rai-child-protection": "กลไกคุ้มครองเด็กครบทุกตำบลในเชียงราย",
}
PAPER_SIGNATURES = 312
OVERDUE_BY_DAYS = 12  # the nightlife answer: overdue, not yet very overdue

INDEX = {
    "th": {
        "title": "ผลักดันนโยบาย",
        "intro": "ข้อเรียกร้องที่เรายื่นต่อผู้มีอำนาจตัดสินใจ คำตอบที่ได้ และคำมั่นที่เราติดตาม",
    },
    "en": {
        "title": "Policy pushes",
        "intro": "The demands we handed to decision makers, the answers we got and the promises we follow up.",
    },
}
PAGES = {
    "draft-beer-convenience-stores": {
        "th": {
            "title": "ห้ามขายเบียร์สดในร้านสะดวกซื้อ",
            "intro": "มูลนิธิหญิงชายก้าวไกลร่วมกับภาคีเครือข่ายควบคุมเครื่องดื่มแอลกอฮอล์ผลักดันจนรัฐบาลออกประกาศ "
            "ห้ามขายเบียร์สดในร้านสะดวกซื้อ มีผลบังคับใช้เมื่อ 30 ต.ค. 2561",
        },
        "en": {
            "title": "Stop draft-beer sales in convenience stores",
            "intro": "The foundation and its alcohol-control partners pushed until the government banned "
            "draft-beer sales in convenience stores, in force from 30 October 2018.",
        },
    },
    "nightlife-4am": {
        "th": {
            "title": "ยกเลิกนโยบายเปิดสถานบันเทิงถึงตีสี่",
            "intro": "จากประสบการณ์การให้ความช่วยเหลือผู้ประสบปัญหา การดื่มที่ยาวนานขึ้นส่งผลต่อความรุนแรงในครอบครัว "
            "ความเสี่ยงต่อการเกิดความรุนแรงทางเพศ และเศรษฐกิจของครอบครัว",
        },
        "en": {
            "title": "Drop the 4 a.m. nightlife hours",
            "intro": "From helping survivors, the foundation sees longer drinking hours feed domestic violence, "
            "raise the risk of sexual violence and hurt family finances.",
        },
    },
    "chiang-rai-child-protection": {
        "th": {
            "title": "กลไกคุ้มครองเด็กครบทุกตำบลในเชียงราย",
            "intro": "คปค. และองค์กรสมาชิกยื่นข้อเสนอต่อจังหวัดเชียงราย พร้อมรายชื่อจากงานรณรงค์วันยุติความรุนแรง"
            "ต่อสตรีสากล 25 พฤศจิกายน",
        },
        "en": {
            "title": "Child protection in every sub-district of Chiang Rai",
            "intro": "The Chiang Rai committee and its members handed their demand to the province, with the "
            "signatures collected at the 25 November event.",
        },
    },
}


def secretariat_user():
    """The demo's Secretariat member: staff, in the Secretariat group, made without a usable password."""
    user, created = get_user_model().objects.get_or_create(
        username=SECRETARIAT_USERNAME,
        defaults={"email": "secretariat@phakhi.example", "is_staff": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return user


def _target(key: str) -> DecisionMaker:
    institution, office = TARGETS[key]["th"]
    return DecisionMaker.objects.filter(locale=locale("th"), institution=institution, office=office).first()


def _partners(*slugs: str) -> list[PartnerPage]:
    return list(PartnerPage.objects.filter(slug__in=slugs, locale__language_code="th").order_by("slug"))


def _aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _push(*, petition: str, targets: list, partners: list, **fields) -> tuple[PolicyPush, bool]:
    """The push that carries ``petition``, made with ``fields`` if there is none yet; and whether it was made."""
    title = TITLES[petition]
    existing = PolicyPush.objects.filter(title=title).first()
    if existing is not None:
        return existing, False
    push = PolicyPush(title=title, **fields)
    push.save()
    push.targets.set(targets)
    push.partners.set(partners)
    push.petitions.set(PetitionPage.objects.filter(slug=petition, locale__language_code="th"))
    push.save()
    return push, True


def _deliver(push: PolicyPush, *, by: list, **fields) -> Delivery:
    delivery = Delivery(push=push, **fields)
    delivery.delivered_by_partners.set(by)
    delivery.save()
    return delivery


def _draft_beer(owner) -> bool:
    government = _target("government")
    push, made = _push(
        petition="draft-beer-convenience-stores",
        targets=[government],
        partners=_partners(FOUNDATION),
        demand="ขอให้รัฐบาลออกประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อ",
        owner=owner,
        stage=Stage.WON,
        won_on=datetime.date(2018, 10, 30),
        in_force_from=datetime.date(2018, 10, 30),
    )
    if not made:
        return False
    _deliver(
        push,
        by=_partners(FOUNDATION),
        target=government,
        delivered_on=datetime.date(2018, 9, 14),
        place="ทำเนียบรัฐบาล กรุงเทพฯ",
        what="หนังสือข้อเสนอห้ามขายเบียร์สดในร้านสะดวกซื้อ พร้อมรายชื่อผู้ร่วมลงชื่อ",
        delivered_by_people="ผู้แทนมูลนิธิหญิงชายก้าวไกลและภาคีเครือข่ายควบคุมเครื่องดื่มแอลกอฮอล์",
    )
    Response.objects.create(
        push=push,
        target=government,
        received_on=datetime.date(2018, 10, 30),
        summary="รัฐบาลออกประกาศห้ามขายเบียร์สดในร้านสะดวกซื้อ มีผลบังคับใช้เมื่อ 30 ต.ค. 2561",
        classification=Classification.ACCEPTED,
    )
    Commitment.objects.create(
        push=push,
        target=government,
        promise="ห้ามขายเบียร์สดในร้านสะดวกซื้อ",
        due_on=datetime.date(2018, 10, 30),
        kept=Kept.YES,
        note="ประกาศมีผลบังคับใช้ 30 ต.ค. 2561",
    )
    return True


def _nightlife(owner, today: datetime.date) -> bool:
    ministry = _target("tourism")
    push, made = _push(
        petition="nightlife-4am",
        targets=[ministry],
        partners=_partners(FOUNDATION),
        demand="ขอให้กระทรวงการท่องเที่ยวและกีฬายกเลิกนโยบายขยายเวลาเปิดสถานบันเทิงถึงเวลา 04.00 น. "
        "และรับฟังข้อมูลผลกระทบจากภาคีเครือข่ายก่อนกำหนดนโยบายใด ๆ เกี่ยวกับเครื่องดื่มแอลกอฮอล์",
        owner=owner,
        stage=Stage.AWAITING,
    )
    if not made:
        return False
    deadline = today - datetime.timedelta(days=OVERDUE_BY_DAYS)
    _deliver(
        push,
        by=_partners(FOUNDATION),
        target=ministry,
        delivered_on=deadline - datetime.timedelta(days=settings.POLICY_RESPONSE_DAYS),
        response_deadline=deadline,
        place="กระทรวงการท่องเที่ยวและกีฬา ถนนราชดำเนินนอก กรุงเทพฯ",
        what="หนังสือข้อเสนอยกเลิกนโยบายเปิดสถานบันเทิงถึงเวลา 04.00 น. พร้อมรายชื่อผู้ร่วมลงชื่อ",
        delivered_by_people="ผู้แทนมูลนิธิหญิงชายก้าวไกล",
        received_by_office="สำนักงานรัฐมนตรี กระทรวงการท่องเที่ยวและกีฬา",
        receipt_number="กก 0201/4518",
        reminded_before_at=_aware(deadline - datetime.timedelta(days=3), hour=7),
        reminded_overdue_at=_aware(deadline + datetime.timedelta(days=1), hour=7),
    )
    return True


def _chiang_rai(owner, today: datetime.date) -> bool:
    event = campaign_day(today)
    office, governor = _target("chiang-rai-social-development"), _target("chiang-rai-governor")
    members = _partners(*CHIANG_RAI_MEMBERS)
    push, made = _push(
        petition="chiang-rai-child-protection",
        targets=[governor, office],
        partners=members,
        demand="ขอให้จังหวัดเชียงรายขยายกลไกการคุ้มครองเด็กระดับตำบลให้ครบทุกตำบล "
        "และจัดตั้งกลไกการส่งต่อความช่วยเหลือระหว่างองค์กรภาคประชาสังคมและหน่วยงานรัฐระดับท้องถิ่น",
        owner=owner,
        stage=Stage.AWAITING,
    )
    if not made:
        return False
    people = "ผู้แทนองค์กรสมาชิก คปค."
    _deliver(
        push,
        by=members,
        target=office,
        delivered_on=event,
        place="งานรณรงค์วันยุติความรุนแรงต่อสตรีสากล จังหวัดเชียงราย",
        what="ข้อเสนอของ คปค. ต่อสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด เจ้าภาพร่วมของงาน",
        delivered_by_people=people,
    )
    _deliver(
        push,
        by=members,
        target=governor,
        delivered_on=min(event + datetime.timedelta(days=3), today),
        place="ศาลากลางจังหวัดเชียงราย",
        what="หนังสือข้อเสนอของ คปค. พร้อมรายชื่อออนไลน์และรายชื่อบนกระดาษจากงานวันที่ 25 พฤศจิกายน",
        delivered_by_people=people,
    )
    return True


def _paper_batch(confirmer, today: datetime.date) -> int:
    """The signatures collected on paper at the 25 November event, entered by the network's representative and
    confirmed by the Secretariat; once only."""
    petition = PetitionPage.objects.filter(
        slug="chiang-rai-child-protection", locale__language_code="th"
    ).first()
    partner = next(iter(_partners(PAPER_PARTNER)), None)
    representative = Representative.objects.filter(partner=partner).select_related("user").first()
    if petition is None or representative is None:
        return 0
    event = campaign_day(today)
    event_name = f"งานรณรงค์วันยุติความรุนแรงต่อสตรีสากล จังหวัดเชียงราย {event.year + 543}"
    if PaperBatch.objects.filter(
        petition_id=canonical_petition_id(petition.pk), event_name=event_name
    ).exists():
        return 0
    batch = paper.enter_paper_batch(
        petition=petition,
        event_name=event_name,
        event_date=event,
        province="chiang-rai",
        count=PAPER_SIGNATURES,
        user=representative.user,
        partner=partner,
    )
    paper.confirm_paper_batch(batch=batch, user=confirmer)
    return batch.count


def _pages() -> int:
    """A public page for each push, in Thai and English, under /th/pushes/ and /en/pushes/."""
    index = section_index(PolicyPushIndexPageFactory, "pushes", INDEX).get("th")
    if index is None:
        return 0
    made = 0
    for slug, texts in PAGES.items():
        push = PolicyPush.objects.filter(title=TITLES[slug]).first()
        page = index.get_children().filter(slug=slug).first()
        if push is None or page is not None:
            continue
        page = PolicyPushPageFactory(parent=index, slug=slug, push=push, **texts["th"])
        page.save_revision().publish()
        publish_translation(page, "en", update=False, **texts["en"])
        made += 1
    return made


def load(stdout) -> None:
    today = timezone.localdate()
    owner = secretariat_user()
    made = sum((_draft_beer(owner), _nightlife(owner, today), _chiang_rai(owner, today)))
    on_paper = _paper_batch(owner, today)
    pages = _pages()
    stdout.write(
        f"Policy pushes: {made} made, {pages} public page(s); {on_paper} paper signatures confirmed."
    )


def reset() -> None:
    while (index := PolicyPushIndexPage.objects.first()) is not None:
        index.delete()
    PolicyPush.objects.all().delete()  # and their ledgers, with their scans
    get_user_model().objects.filter(username=SECRETARIAT_USERNAME).delete()
