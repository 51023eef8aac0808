"""Public views: sign, thank-you, confirm, unsubscribe, co-sign and the partner embed (the JSON API: ``api``).

The sign view is the hot path of a viral petition: it loads the petition in one query (no page-tree walk),
counts abuse in the cache, and writes one row. Its response never says whether the address had signed.
"""

import functools

from csp.constants import NONE, SELF
from csp.decorators import csp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from partners.models import PartnerPage
from site_project.lean import lean_post
from site_project.pagecache import content_version
from site_project.pagecache.freshness import VERSION_KEY

from . import abuse, page_context, selectors, services
from .forms import ORGANISER, CoSignForm, SignForm, WithdrawConsentsForm
from .models import PetitionPage, UpdatesConsent
from .tasks import UNSUBSCRIBE_SALT

SIGN_FIELDS = (
    "pk",
    "title",
    "status",
    "opens_at",
    "closes_at",
    "locale_id",
    "translation_key",
    "is_sensitive",
)
# Partner sites frame the embed: it has a policy of its own, which any site may frame and which allows
# nothing beyond our own styles and its form.
embed_csp = csp(
    {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": ["*"],
    }
)


def live_petition(petition_id: int, *, only=None) -> PetitionPage:
    # Not .public(): that is one more query on the hot path. Wagtail's own serving of a restricted page
    # still applies its restriction; the sign endpoint only stores a signature to be confirmed by e-mail.
    petitions = PetitionPage.objects.live().select_related("locale")
    if only:
        petitions = petitions.only(*only, "locale__language_code")
    petition = petitions.filter(pk=petition_id).first()
    if petition is None:
        raise Http404(_("No such petition."))
    return petition


def _petition_to_sign(petition_id: int) -> tuple[PetitionPage, int]:
    """The few fields signing needs and the id its signatures count under, kept with the published content:
    a viral petition's posts skip the queries, and read the cache once.

    Kept under the content version that publishing or unpublishing any page changes, so a closed or withdrawn
    petition is refused at once; opening and closing dates are compared with the clock on every post.
    """
    key = f"petitions:sign-target:{petition_id}"
    found = cache.get_many([VERSION_KEY, key])  # one round trip to the cache, not three
    version = found.get(VERSION_KEY) or content_version()
    kept = found.get(key)
    if kept is not None and kept[0] == version:
        return kept[1], kept[2]
    petition = live_petition(petition_id, only=SIGN_FIELDS)
    count_id = selectors.canonical_petition_id(petition.pk)
    cache.set(key, (version, petition, count_id), selectors.CONTENT_CACHE_SECONDS)
    return petition, count_id


# What a page rendered by a session-less view needs: no waiting message (the session may hold one), and no
# editors' user bar (base.html), which reads the signed-in user.
NO_SESSION = {"messages": (), "reads_no_session": True}


def _sign(request, target: tuple[PetitionPage, int], *, template: str, thanks: str, action: str):
    """``thanks`` and ``action``: the names of the thank-you and sign URLs, reversed with the petition's id."""
    # Signing never reads the session or the signed-in user (see ``sign``): the pages it renders show no
    # waiting message, which the session may hold.
    petition, count_id = target
    if not petition.is_accepting():
        # 410 Gone: the petition is still there to read, but this submission will never be taken.
        context = {"petition": petition, "closed": True, "sensitive": petition.is_sensitive, **NO_SESSION}
        return render(request, template, context, status=410)
    form = SignForm(request.POST, updates_choices=None, privacy_url=page_context.privacy_url())
    if not form.is_valid():
        petition = live_petition(petition.pk)
        sign_context = page_context.sign_context(
            petition, request, action=reverse(action, args=[petition.pk]), form=_rebound(form, petition)
        )
        context = {
            "sign": sign_context,
            "petition": petition,
            "sensitive": petition.is_sensitive,
            **NO_SESSION,
        }
        return render(request, template, context, status=400)
    services.sign_petition(
        petition=services.PetitionRef(
            id=petition.pk,
            count_id=count_id,
            locale=petition.locale.language_code,
        ),
        data=form.cleaned_data,
        request_meta={"ip": abuse.client_ip(request), "language": translation.get_language()},
    )
    return HttpResponseRedirect(reverse(thanks, args=[petition.pk]))


def _rebound(form: SignForm, petition: PetitionPage) -> SignForm:
    """The same submission with the petition's real choices, to show its errors."""
    bound = SignForm(
        form.data,
        updates_choices=page_context.updates_choices(
            petition, selectors.petition_content(petition)["co_sponsors"]
        ),
        privacy_url=page_context.privacy_url(),
    )
    bound.is_valid()
    return bound


# The sign form carries no CSRF token, so that a petition page, or a campaign with a petition block, is the
# same bytes for every anonymous reader and the page cache (``site_project.pagecache``) serves one copy to
# all. It defends itself as the embed's form does (see ``embed_sign``): a signed token bound to the petition
# and to when the form was made (``abuse.make_form_token``), the honeypot and per-address rate limits; what
# trips one is quarantined, never counted. CSRF protects what a forged request could do with the reader's
# session, and signing never reads the session or the signed-in user: a signature is anyone's until its
# address is confirmed by e-mail.
@csrf_exempt
@require_http_methods(["POST"])
@lean_post
def sign(request, petition_id: int):
    return _sign(
        request,
        _petition_to_sign(petition_id),
        template="petitions/sign.html",
        thanks="petitions:thanks",
        action="petitions:sign",
    )


@require_GET
def thanks(request, petition_id: int):
    petition = live_petition(petition_id)
    context = {"sign": page_context.sign_context(petition, request), "petition": petition}
    return render(request, "petitions/thanks.html", {**context, "sensitive": petition.is_sensitive})


def _in_language(petition_id: int) -> PetitionPage | None:
    """The petition in the active language if translated, else as signed."""
    translations = PetitionPage.objects.filter(
        translation_key__in=PetitionPage.objects.filter(pk=petition_id).values("translation_key")
    )
    found = {page.locale.language_code: page for page in translations.select_related("locale")}
    return found.get(translation.get_language()) or next(
        (p for p in found.values() if p.pk == petition_id), None
    )


@never_cache
@require_http_methods(["GET", "POST"])
@lean_post
def confirm(request, token: str):
    """GET shows a button and confirms nothing (mail scanners open links); only the POST confirms."""
    if request.method == "POST":
        state, signature = services.confirm_signature(token=token)
        if state is services.TokenState.CONFIRMED and signature is not None:
            # Post/redirect/get: reloading the thank-you page never posts again, and it is the same page for
            # everyone who confirmed, so the shared page cache serves it.
            response = redirect("petitions:confirmed", petition_id=signature.petition_id)
            response.status_code = 303
            return response
    else:
        state, signature = services.token_state(token=token)
    petition = None
    if signature is not None:
        petition = _in_language(signature.petition_id)
    status = 200 if state in (services.TokenState.VALID, services.TokenState.CONFIRMED) else 410
    if state is services.TokenState.UNKNOWN:
        status = 404
    return render(
        request,
        "petitions/confirm.html",
        {
            "state": state.value,
            "petition": petition,
            "sensitive": bool(petition and petition.is_sensitive),
        },
        status=status,
    )


@require_GET
def confirmed(request, petition_id: int):
    petition = _in_language(petition_id)
    if petition is None:
        raise Http404(_("No such petition."))
    context = {
        **page_context.confirmed_context(petition=petition, request=request),
        "petition": petition,
        "sensitive": petition.is_sensitive,
    }
    return render(request, "petitions/confirmed.html", context)


def _partner_titles(partner_ids: set[int]) -> dict[int, str]:
    """Each partner's title in the active language where a live translation has one, else as consented to."""
    reader = translation.get_language()
    pages = PartnerPage.objects.filter(
        Q(pk__in=partner_ids) | Q(live=True, locale__language_code=reader),
        translation_key__in=PartnerPage.objects.filter(pk__in=partner_ids).values("translation_key"),
    ).values_list("pk", "translation_key", "locale__language_code", "title")
    translated = {key: title for _pk, key, language, title in pages if language == reader}
    return {pk: translated.get(key, title) for pk, key, _language, title in pages if pk in partner_ids}


def _organisations(signature_id: int) -> tuple[list[tuple[str, str]], set[str]]:
    """Whom the signer still hears from, named for the reader (the organiser first), and every organisation they
    ever agreed to hear from, as choices of ``WithdrawConsentsForm``."""
    consents = UpdatesConsent.objects.filter(signature_id=signature_id).order_by("pk")
    rows = list(consents.values_list("partner_id", "withdrawn_at", "signature__petition_id"))
    accepted = {ORGANISER if partner_id is None else str(partner_id) for partner_id, _at, _petition in rows}
    standing = {
        partner_id: petition_id for partner_id, withdrawn_at, petition_id in rows if withdrawn_at is None
    }
    choices = []
    if None in standing:
        petition = _in_language(standing[None])
        choices.append((ORGANISER, petition.organiser_name if petition else _("The petition's organisers")))
    titles = _partner_titles({partner_id for partner_id in standing if partner_id})
    choices += [(str(partner_id), titles[partner_id]) for partner_id in standing if partner_id in titles]
    return choices, accepted


# A POST that names no organisation and presses no button stops everything: the page's single button did before
# signers could choose.
NOT_A_CHOICE = frozenset({"csrfmiddlewaretoken"})


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """The signer's choice of whose news to stop, from the link in their e-mail. GET only shows it (mail
    scanners open links); the POST withdraws.

    Not CSRF-exempt, unlike signing: the page is never cached, so each reader gets a CSRF token of their own and
    Django's check stands. The signed token in the address says whose consents they are.
    """
    try:
        signature_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "petitions/unsubscribe.html", {"state": "unknown"}, status=404)
    choices, accepted = _organisations(signature_id)
    if request.method == "GET":
        form = WithdrawConsentsForm(choices=choices, accepted=accepted)
        return render(
            request, "petitions/unsubscribe.html", {"state": "ask" if choices else "none", "form": form}
        )
    withdrawal = {}
    if set(request.POST) - NOT_A_CHOICE:
        form = WithdrawConsentsForm(request.POST, choices=choices, accepted=accepted)
        if not form.is_valid():
            return render(request, "petitions/unsubscribe.html", {"state": "ask", "form": form}, status=400)
        withdrawal = form.withdrawal()
    services.withdraw_update_consents(signature_id=signature_id, **withdrawal)
    remaining, _accepted = _organisations(signature_id)
    context = {"state": "done", "remaining": [name for _value, name in remaining]}
    return render(request, "petitions/unsubscribe.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cosign(request, petition_id: int):
    """A partner's representative signs on behalf of their organisation; staff approve it."""
    petition = live_petition(petition_id)
    representative = getattr(request.user, "partner_representative", None)
    if representative is None or not representative.is_active_member:
        return render(
            request, "petitions/cosign.html", {"petition": petition, "not_allowed": True}, status=403
        )
    form = CoSignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cosign_petition(
            petition_id=petition.pk,
            partner=representative.partner,
            user=request.user,
            statement=form.cleaned_data["statement"],
        )
        messages.success(request, _("Thank you. Your organisation will be listed once our staff approve it."))
        return redirect(petition.url)
    return render(
        request,
        "petitions/cosign.html",
        {"petition": petition, "form": form, "partner": representative.partner},
    )


# --- Embed ---------------------------------------------------------------------------------------------------
def _activate_petition_language(petition: PetitionPage) -> None:
    translation.activate(petition.locale.language_code)


def _embed_page(view):
    """A page partner sites frame: the embed's policy, read only, and the live petition, in its language,
    passed to ``view`` in place of its id."""

    @embed_csp
    @xframe_options_exempt
    @require_GET
    @functools.wraps(view)
    def page(request, petition_id: int):
        petition = live_petition(petition_id)
        _activate_petition_language(petition)
        return view(request, petition)

    return page


@_embed_page
def embed(request, petition: PetitionPage):
    sign_context = page_context.sign_context(
        petition, request, action=reverse("petitions_embed_sign", args=[petition.pk])
    )
    return render(request, "petitions/embed.html", {"sign": sign_context, "petition": petition})


# The embed posts from inside a partner's page, where browsers often block our cookies as third-party ones,
# so the CSRF cookie would be missing and every signature refused. This endpoint is therefore exempt from
# Django's CSRF check and uses an equivalent defence instead: the form carries a signed token bound to this
# petition and to the time the form was shown (``abuse.make_form_token``), without which the submission is
# quarantined, never counted. Signing needs no session, so there is no signed-in user whose authority a forged
# request could borrow; and every signature still needs its address confirmed by e-mail.
@embed_csp
@csrf_exempt
@xframe_options_exempt
@require_http_methods(["POST"])
@lean_post
def embed_sign(request, petition_id: int):
    target = _petition_to_sign(petition_id)
    _activate_petition_language(target[0])
    response = _sign(
        request,
        target,
        template="petitions/embed.html",
        thanks="petitions_embed_thanks",
        action="petitions_embed_sign",
    )
    return response


@_embed_page
def embed_thanks(request, petition: PetitionPage):
    context = {"sign": page_context.sign_context(petition, request), "petition": petition, "thanked": True}
    return render(request, "petitions/embed.html", context)
