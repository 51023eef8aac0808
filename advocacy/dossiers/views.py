"""The dossiers' screens: the admin's "Make the delivery dossier" page (for a push or a petition, with the list
of dossiers made), the private download, and the public verify page."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from petitions.models import PetitionPage
from site_project.public_url import absolute_url

from ..pushes.models import PolicyPush
from . import services
from .digest import grouped
from .forms import DossierForm
from .models import Dossier, DossierStatus
from .render import original_language
from .totals import province_rows, week_rows
from .verification import Verdict, check_dossier

MAKE_PERMISSION = "advocacy.add_dossier"
VIEW_PERMISSION = "advocacy.view_dossier"
CODE_PATTERN = re.compile(r"^[a-z0-9]{6,16}$")
FILE_KINDS = ("pdf", "annex")


def _lines(grouped_digest: str, *, per_line: int = 4) -> list[str]:
    """A grouped digest as short lines of four groups, to fit a table cell."""
    groups = grouped_digest.split()
    return [
        "\u00a0".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)
    ]  # no break inside


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _make_page(request, *, petitions: list[PetitionPage], push: PolicyPush | None, heading: str, dossiers):
    initial_languages = [code for code in {original_language(p) for p in petitions} if code in ("km", "my")]
    form = DossierForm(
        request.POST if request.method == "POST" else None,
        petitions=petitions,
        initial={"languages": initial_languages},
    )
    if request.method == "POST":
        if not request.user.has_perm(MAKE_PERMISSION):
            raise PermissionDenied
        if form.is_valid():
            services.make_dossier(
                petition=form.chosen_petition,
                push=push,
                languages=form.cleaned_data["languages"],
                with_annex=form.cleaned_data["with_annex"],
                user=request.user,
            )
            messages.success(request, _("The dossier is being made. This page lists it when it is ready."))
            return redirect(request.path)
        messages.error(request, _("The dossier was not made: see the form below."))
    context = {
        "page_title": heading,
        "header_icon": "doc-full",
        "form": form,
        "push": push,
        "may_make": request.user.has_perm(MAKE_PERMISSION) and bool(petitions),
        "no_petitions": not petitions,
        "dossiers": [
            {
                "dossier": dossier,
                "verify_url": absolute_url(reverse("dossier_verify", args=[dossier.code])),
                "digest_lines": _lines(grouped(dossier.digest)),
            }
            for dossier in dossiers.for_listing()[:50]
        ],
        "pending": DossierStatus.PENDING,
        "failed": DossierStatus.FAILED,
    }
    return render(request, "advocacy/dossiers/make.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def make_for_push(request, push_id: int):
    _require(request, VIEW_PERMISSION)
    push = get_object_or_404(PolicyPush, pk=push_id)
    petitions = list(push.petitions.order_by("pk"))
    heading = _("Delivery dossier: %(title)s") % {"title": push.title}
    return _make_page(request, petitions=petitions, push=push, heading=heading, dossiers=push.dossiers.all())


@require_http_methods(["GET", "POST"])
def make_for_petition(request, page_id: int):
    _require(request, VIEW_PERMISSION)
    petition = get_object_or_404(PetitionPage, pk=page_id)
    heading = _("Delivery dossier: %(title)s") % {"title": petition.title}
    dossiers = Dossier.objects.filter(petition__translation_key=petition.translation_key)
    return _make_page(request, petitions=[petition], push=None, heading=heading, dossiers=dossiers)


@require_GET
def dossier_file(request, pk: int, kind: str):
    _require(request, VIEW_PERMISSION)
    if kind not in FILE_KINDS:
        raise Http404
    file = getattr(get_object_or_404(Dossier, pk=pk), kind)
    if not file:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])


@require_GET
def verify(request, code: str):
    """Public: the dossier's title, date, totals and digest, and whether today's signatures still match it."""
    if not CODE_PATTERN.match(code):
        raise Http404
    dossier = Dossier.objects.filter(code=code, status=DossierStatus.READY).first()
    if dossier is None:
        raise Http404
    language = get_language()
    check = check_dossier(dossier)
    context = {
        "dossier": dossier,
        "title": dossier.titles.get(language) or dossier.title,
        "totals": dossier.totals,
        "provinces": province_rows(dossier.totals, language),
        "weeks": week_rows(dossier.totals),
        "digest": grouped(dossier.digest),
        "check": check,
        "matches": check.verdict == Verdict.MATCHES,
        "moved_on": check.verdict == Verdict.MOVED_ON,
        "checking": check.verdict == Verdict.CHECKING,
    }
    return render(request, "advocacy/dossiers/verify.html", context)
