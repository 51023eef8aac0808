"""The demo's advocacy floor: partners' referral links on the open petition, the inbox with every submission the
other apps' demos made (RSVPs, shared stories, co-signatures) plus a profile edit awaiting review and the yearly
membership renewal survey with the 16 members' answers (``surveys.demo``), triaged as a secretariat would; and
three policy pushes with their ledgers, public pages and a paper batch (``pushes.demo``).

Runs after the other demos (``advocacy`` is last in ``INSTALLED_APPS``), so their rows exist; resets before them.
The referral signatures are made here because their source is the partner's, as the partners' reach computes it
(``reach.links.partner_identity``), and the petitions app may not ask advocacy. Idempotent: a partner's referrals
are made once, the profile edit while none is waiting, and only the items filed by this run are triaged.
"""

import contextlib
import datetime
import math

from django.contrib.auth import get_user_model
from django.db.models import Max
from wagtail.admin.signal_handlers import register_signal_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from partners.models import PartnerPage, Representative
from partners.services import WORKFLOW_NAME, submit_profile_edit
from petitions.demo import (
    campaign_year,
    count_everything,
    featured_petition,
    generate_signatures,
    province_weights,
    signing_days,
)
from petitions.models import Signature
from site_project import demo_loaders
from site_project.demo import ADMIN_USERNAME

from .inbox.services import add_note, file_existing_submissions
from .models import InboxForm, InboxItem, InboxStatus
from .pushes import demo as pushes_demo
from .reach.links import partner_identity
from .surveys import demo as surveys_demo

# Partners whose referral links brought signers to the open petition this year: (partner, signatures, where their
# people are, the month and day they pushed hardest: the Chiang Rai groups on 25 November, Cindy at Songkran).
REFERRALS = (
    ("chiang-rai-children-network", 520, {"chiang-rai": 420, "phayao": 30}, (11, 25)),
    ("cindy-sirinya-bishop", 380, {"bangkok": 160, "chiang-mai": 20}, (4, 13)),
    ("bangkok-community-network-partners", 300, {"bangkok": 260, "nonthaburi": 25}, (11, 25)),
    ("chiang-rai-women-empowerment-network", 240, {"chiang-rai": 220, "chiang-mai": 40}, (3, 8)),
)
REFERRALS_SINCE = (1, 1)  # partners' links run from the start of the campaign year
PROFILE_EDIT = (
    "phromrak-family-foundation",
    {"districts": "เมืองเชียงราย, แม่สาย, เชียงของ, เวียงแก่น"},
)
TAGS = {"stories": ["ติดตามผล"], "cosignatures": ["องค์กรสมาชิก"], "surveys": ["ต่ออายุสมาชิก"]}
NOTE = "โทรคุยกับผู้เล่าเรื่องแล้ว เธอปลอดภัยและอยู่กับแม่ ขอให้ติดต่อทางไลน์เท่านั้น นัดคุยเรื่องการเผยแพร่แบบใช้นามแฝงสัปดาห์หน้า"


def _referrals() -> int:
    """Signatures through four partners' links: their own source, their provinces, their busiest season."""
    petition = featured_petition()
    if petition is None:
        return 0
    year = campaign_year()
    partners = {
        page.slug: page
        for page in PartnerPage.objects.filter(
            slug__in=[slug for slug, *_rest in REFERRALS], locale__language_code="th"
        )
    }
    made = 0
    for seed, (slug, count, provinces, (month, day)) in enumerate(REFERRALS, start=100):
        partner = partners.get(slug)
        if partner is None:
            continue
        source = partner_identity(partner).source
        if Signature.objects.filter(petition=petition, source=source).exists():
            continue
        since = datetime.date(year, *REFERRALS_SINCE)
        days = signing_days(petition, year=year, seed=seed, since=since)
        push = datetime.date(year, month, day)
        for when in days:
            days[when] *= 1 + 3 * math.exp(-(((when - push).days / 6) ** 2) / 2)
        made += generate_signatures(
            petition,
            count=count,
            seed=seed,
            days=days,
            sources={source: 1},
            provinces=province_weights(provinces),
            email_prefix=f"demo-{petition.slug}-{source}",
        )
    return made


def _profile_edit() -> int:
    """A member's representative sends a change to its profile: it waits for review, linked to its task."""
    slug, data = PROFILE_EDIT
    partner = PartnerPage.objects.filter(slug=slug, locale__language_code="th").first()
    representative = Representative.objects.filter(partner=partner).select_related("user").first()
    if partner is None or representative is None:
        return 0
    if WorkflowState.objects.for_instance(partner).active().exists():
        return 0
    with _no_moderation_mail():
        submit_profile_edit(partner=partner, representative=representative, data=data)
    return 1


@contextlib.contextmanager
def _no_moderation_mail():
    """The made-up edit waits for review without Wagtail e-mailing the reviewers about it; its notices are put
    back after (``register_signal_handlers`` connects them again by their ids)."""
    task_submitted.disconnect(
        sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    try:
        yield
    finally:
        register_signal_handlers()


def _kind(item: InboxItem) -> str:
    model = item.content_type.model
    return {
        "eventrsvp": "rsvps",
        "storysubmission": "stories",
        "organisationcosignature": "cosignatures",
        "surveyanswer": "surveys",
    }.get(model, "other")


def _triage(after: int) -> None:
    """The secretariat has been at work: statuses, an assignee, tags and a note on the items filed after ``after``."""
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    items = list(
        InboxItem.objects.filter(pk__gt=after).select_related("content_type").order_by("received", "pk")
    )
    seen: dict[str, int] = {}
    noted = False
    for item in items:
        kind = _kind(item)
        number = seen[kind] = seen.get(kind, -1) + 1
        if kind == "stories":
            status = {"in_progress": InboxStatus.IN_PROGRESS, "reviewed": InboxStatus.DONE}
            item.status = status.get(item.submission.status, InboxStatus.NEW)
        elif kind == "cosignatures":
            item.status = InboxStatus.NEW if item.submission.decided_at is None else InboxStatus.DONE
        elif kind in ("rsvps", "surveys"):
            item.status = (InboxStatus.DONE, InboxStatus.NEW, InboxStatus.IN_PROGRESS, InboxStatus.NEW)[
                number % 4
            ]
        if item.status == InboxStatus.IN_PROGRESS or (
            kind == "cosignatures" and item.status == InboxStatus.NEW
        ):
            item.assignee = admin
        item.save(update_fields=["status", "assignee"])
        if kind in TAGS and (kind != "surveys" or number % 3 == 0):
            item.tags.add(*TAGS[kind])
        if kind == "stories" and item.status == InboxStatus.IN_PROGRESS and not noted:
            add_note(item=item, author=admin, text=NOTE)
            noted = True


def load(stdout) -> None:
    referred = _referrals()
    if referred:
        count_everything()
    stdout.write(f"Referrals: {referred} signatures through partners' links.")
    after = InboxItem.objects.aggregate(last=Max("pk"))["last"] or 0
    survey = surveys_demo.load(stdout)
    answers = surveys_demo.answer(survey) if survey is not None else 0
    edits = _profile_edit()
    filed = file_existing_submissions()
    _triage(after)
    stdout.write(f"Inbox: {filed} submission(s) filed, {answers} survey answer(s), {edits} profile edit(s).")
    pushes_demo.load(stdout)


def reset() -> None:
    pushes_demo.reset()  # first: the pushes' pages and ledgers hold on to the petitions' decision makers
    InboxForm.objects.all().delete()  # and every item, tag link and note with it
    WorkflowState.objects.filter(workflow__name=WORKFLOW_NAME).delete()  # the profile edits awaiting review
    surveys_demo.reset()


demo_loaders.register("advocacy", load=load, reset=reset)
