"""Demo partners: the 16 Chiang Rai committee members and the partner kinds from the 002 seed, in Thai and English.

``load()`` is idempotent: pages, accounts and documents that exist are left as they are. Representative
accounts (one for every member organisation, and one for every second other partner) get random passwords, written to ``demo-partners.txt`` in
``DEMO_CREDENTIALS_DIR`` (``var/`` by default), mode 0600; ``load()`` prints where that file is.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from site_project import demo_loaders
from site_project.factories import locale, section_index

from . import demo_km_my, seed_data
from .factories import PartnerIndexPageFactory, PartnerPageFactory, ensure_vocabularies
from .models import (
    Invitation,
    MemberDocument,
    PartnerIndexPage,
    PartnerPage,
    Pillar,
    Representative,
    Service,
    ServiceArea,
    WorkingLanguage,
)
from .services import ensure_review_workflow

ACCOUNTS_FILE = Path(settings.DEMO_CREDENTIALS_DIR) / "demo-partners.txt"  # var/ unless configured
DEMO_EMAIL_DOMAIN = "partners.example.org"

INDEX = {
    "th": {
        "title": "ภาคีเครือข่าย",
        "intro": "องค์กรสมาชิกของคณะกรรมการประสานงานฯ จังหวัดเชียงราย (คปค.) และภาคีที่ทำงานร่วมกับเรา "
        "ทั้งเครือข่ายชุมชน หน่วยงานภาครัฐ บริษัทเอกชน และบุคคลที่มีชื่อเสียง",
    },
    "en": {
        "title": "Partners",
        "intro": "The member organisations of the Chiang Rai coordinating committee and the partners we work "
        "with: community networks, government offices, companies and influencers.",
    },
}

DOCUMENTS = (
    {
        "title": "สรุปการดำเนินงาน คปค. พ.ศ. 2561–2565",
        "summary": "ข้อเท็จจริงสำคัญจากกรณีศึกษาคณะกรรมการประสานงานองค์กรภาคประชาสังคมจังหวัดเชียงราย",
        "language": "th",
        "pillar": "anti_trafficking",
        "published_on": datetime.date(2022, 4, 30),
        "body": "\n".join(thai for thai, _english in seed_data.COALITION["facts"]),
        "filename": "cso-committee-facts-th.txt",
    },
    {
        "title": "Chiang Rai committee: key facts 2018–2022",
        "summary": "Key facts from the case study of the Chiang Rai civil-society coordinating committee.",
        "language": "en",
        "pillar": "anti_trafficking",
        "published_on": datetime.date(2022, 4, 30),
        "body": "\n".join(english for _thai, english in seed_data.COALITION["facts"]),
        "filename": "cso-committee-facts-en.txt",
    },
    {
        "title": "กติกาการเป็นสมาชิกและการต่ออายุสมาชิก",
        "summary": "คุณสมบัติขององค์กรสมาชิกและการต่ออายุสมาชิกรายปีตามธรรมนูญ คปค.",
        "language": "th",
        "pillar": "child_protection",
        "published_on": datetime.date(2019, 9, 18),
        "body": seed_data.COALITION["eligibility_th"] + "\n\n" + seed_data.COALITION["renewal_rule_th"],
        "filename": "membership-rules-th.txt",
    },
)


def _all_partners() -> list[dict]:
    members = [{**member, "is_member": True} for member in seed_data.CHIANG_RAI_MEMBERS]
    others = [{**partner, "is_member": False} for partner in seed_data.OTHER_PARTNERS]
    return members + others


def _thai_partner(index: PartnerIndexPage, data: dict, number: int) -> PartnerPage:
    existing = PartnerPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    fields = {
        "title": data["name_th"],
        "slug": data["slug"],
        "abbreviation": data["abbreviation"],
        "kind": data["kind"],
        "description": data["description_th"],
        "districts": ", ".join(data["districts"]),
    }
    if data["is_member"]:
        # The seed gives no dates per member; renewals are spread over the year so the admin report has rows.
        fields.update(
            coalition_role=data["role"],
            membership_status=PartnerPage.Membership.ACTIVE,
            renewal_due_on=today + datetime.timedelta(days=20 + 23 * number),
        )
    page = PartnerPageFactory(parent=index, **fields)
    page.pillars.set(Pillar.objects.filter(slug__in=data["pillars"]))
    page.services.set(Service.objects.filter(slug__in=data["services"]))
    page.working_languages.set(WorkingLanguage.objects.filter(slug__in=data["languages"]))
    page.areas = [ServiceArea(province=code, sort_order=i) for i, code in enumerate(data["provinces"])]
    page.save_revision().publish()
    return page


def _english_partner(thai: PartnerPage, data: dict) -> PartnerPage:
    english = thai.get_translation_or_none(locale("en"))
    if english is not None:
        return english.specific
    english = thai.copy_for_translation(locale("en"), copy_parents=True).specific
    english.title = data["name_en"]
    english.description = data["description_en"]
    english.save_revision().publish()
    return english


def _read_accounts() -> dict[str, str]:
    if not ACCOUNTS_FILE.exists():
        return {}
    accounts = {}
    for line in ACCOUNTS_FILE.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and "@" in parts[0]:
            accounts[parts[0]] = parts[1]
    return accounts


def _representatives(partners: list[tuple[dict, PartnerPage]]) -> list[tuple[str, str, str]]:
    User = get_user_model()
    known = _read_accounts()
    lines = []
    for number, (data, page) in enumerate(partners):
        if number % 2 and not data["is_member"]:
            continue  # one account for every member (each answers the renewal survey), one for every two others
        username = f"{data['slug']}@{DEMO_EMAIL_DOMAIN}"
        user = User.objects.filter(username=username).first()
        password = known.get(username)
        if user is None:  # a new account gets a new password: no hashing spent checking an old one
            user, password = User(username=username, email=username, is_staff=False), None
        if password is None or not user.check_password(password):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
        Representative.objects.get_or_create(
            user=user, defaults={"partner": page, "preferred_language": "th" if number % 4 == 0 else "en"}
        )
        lines.append((username, password, data["name_en"]))
    return lines


def _write_accounts(lines: list[tuple[str, str, str]]) -> None:
    ACCOUNTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    text = "# Demo partner representatives: e-mail, password, organisation. Sign in at /th/account/login/\n"
    text += "".join(f"{username} {password} {name}\n" for username, password, name in lines)
    descriptor = os.open(ACCOUNTS_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
    os.chmod(ACCOUNTS_FILE, 0o600)


def _documents() -> None:
    for document in DOCUMENTS:
        if MemberDocument.objects.filter(title=document["title"]).exists():
            continue
        MemberDocument.objects.create(
            title=document["title"],
            summary=document["summary"],
            language=document["language"],
            pillar=Pillar.objects.filter(slug=document["pillar"]).first(),
            published_on=document["published_on"],
            file=ContentFile(document["body"].encode(), name=document["filename"]),
        )


def reset() -> None:
    while (index := PartnerIndexPage.objects.first()) is not None:
        index.delete()
    Invitation.objects.all().delete()
    User = get_user_model()
    User.objects.filter(username__endswith=f"@{DEMO_EMAIL_DOMAIN}").delete()
    for document in MemberDocument.objects.all():
        document.file.delete(save=False)
        document.delete()


def load(stdout=None) -> None:
    ensure_vocabularies()
    indexes = section_index(PartnerIndexPageFactory, "partners", {**INDEX, **demo_km_my.INDEX})
    for index in indexes.values():
        ensure_review_workflow(index_page=index)
    partners = []
    for number, data in enumerate(_all_partners()):
        thai = _thai_partner(indexes["th"], data, number)
        _english_partner(thai, data)
        partners.append((data, thai))
    demo_km_my.load_cambodian_partners(indexes)
    lines = _representatives(partners)
    _write_accounts(lines)
    _documents()
    if stdout is not None:
        stdout.write(
            f"Partners: {len(partners)} organisations; {len(lines)} representative accounts in "
            f"{ACCOUNTS_FILE} (mode 0600)."
        )


demo_loaders.register("partners", load=load, reset=reset, menu_section="partners", menu_position=4)
