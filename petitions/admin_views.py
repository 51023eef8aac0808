"""Staff tools in the Wagtail admin: quarantine review, bulk invalidation, a signer's data, co-signatures,
a petition's signatures as CSV, and paper batches (entered by one person, confirmed by another).

Every view needs the ``petitions.change_signature`` permission; each does one service call. Release,
invalidation and erasure pass the member of staff on, for the audit log; no view writes a signature itself.
"""

import json
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Case, When
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.log_actions import log

from partners.models import PartnerPage

from . import selectors, services
from .forms import BulkInvalidateForm, SignerLookupForm
from .models import (
    CoSignatureStatus,
    OrganisationCoSignature,
    PaperBatch,
    PaperBatchScan,
    PaperBatchState,
    PetitionPage,
    Signature,
    SignatureStatus,
)
from .paper_forms import RejectPaperBatchForm, StaffPaperBatchForm

staff_only = permission_required("petitions.change_signature", raise_exception=True)


def _staff_page(request, template: str, title, icon: str, *, status: int = 200, **context) -> HttpResponse:
    """A staff tool's page in the admin: its title and header icon, and what the tool shows."""
    return render(request, template, {"page_title": title, "header_icon": icon, **context}, status=status)


@staff_only
@require_http_methods(["GET", "POST"])
def quarantine(request):
    if request.method == "POST":
        ids = [int(pk) for pk in request.POST.getlist("signature") if pk.isdigit()]
        if request.POST.get("action") == "release":
            released = services.release_quarantined(signature_ids=ids, user=request.user)
            messages.success(
                request,
                _("%(count)d signature(s) released; confirmation e-mails sent.") % {"count": released},
            )
        elif request.POST.get("action") == "invalidate":
            touched = services.invalidate_quarantined(signature_ids=ids, user=request.user)
            messages.success(request, _("%(count)d signature(s) invalidated.") % {"count": touched})
        return redirect("petitions_admin:quarantine")
    rows = (
        Signature.objects.filter(status=SignatureStatus.QUARANTINED)
        .select_related("petition")
        .order_by("-created_at")[:200]
    )
    return _staff_page(
        request, "petitions/admin/quarantine.html", _("Quarantined signatures"), "warning", signatures=rows
    )


@require_http_methods(["GET", "HEAD", "POST"])
def read_only(request, pk=None):
    """What the signatures snippet answers for add, edit and delete: 403 and where changes are made instead.

    Staff who may not even see signatures get the same page: it names no signature.
    """
    return _staff_page(
        request, "petitions/admin/read_only.html", _("Signatures are read-only"), "form", status=403
    )


def _criteria(data: dict) -> selectors.Criteria:
    return selectors.Criteria(
        petition_id=data.get("petition_id"),
        ip_hash=data.get("ip_hash") or "",
        email_domain=data.get("email_domain") or "",
        since=data.get("since"),
        until=data.get("until"),
        source=data.get("source") or "",
    )


@staff_only
@require_http_methods(["GET", "POST"])
def invalidate(request):
    """Step 1: criteria. Step 2: preview how many rows. Step 3: confirm, and the counts follow."""
    form = BulkInvalidateForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        criteria = _criteria(form.cleaned_data)
        if request.POST.get("confirm") == "yes":
            touched = services.invalidate_signatures(criteria=criteria, user=request.user)
            messages.success(request, _("%(count)d signature(s) invalidated.") % {"count": touched})
            return redirect("petitions_admin:invalidate")
        preview = selectors.signatures_matching(criteria).count()
    return _staff_page(
        request,
        "petitions/admin/invalidate.html",
        _("Invalidate signatures"),
        "cross",
        form=form,
        preview=preview,
    )


@staff_only
@require_http_methods(["GET", "POST"])
def signer(request):
    """Everything held about one e-mail address: export it as JSON, or erase it."""
    form = SignerLookupForm(request.POST or request.GET or None)
    found = None
    if form.is_valid():
        email = form.cleaned_data["email"]
        if request.method == "POST" and request.POST.get("action") == "export":
            data = services.export_signer_data(email=email)
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
            )
            stamp = timezone.now().strftime("%Y%m%d-%H%M")
            response["Content-Disposition"] = f'attachment; filename="signer-data-{stamp}.json"'
            return response
        if request.method == "POST" and request.POST.get("action") == "erase":
            erased = services.erase_signer(email=email, user=request.user)
            messages.success(
                request, _("%(count)d signature(s) anonymised; they still count.") % {"count": erased}
            )
            return redirect("petitions_admin:signer")
        found = Signature.objects.filter(email_canonical=services.canonical_email(email)).count()
    return _staff_page(
        request, "petitions/admin/signer.html", _("A signer's data"), "user", form=form, found=found
    )


@staff_only
@require_http_methods(["GET", "POST"])
def cosignatures(request):
    if request.method == "POST" and request.POST.get("cosignature", "").isdigit():
        services.decide_cosignature(
            cosignature_id=int(request.POST["cosignature"]), approve=request.POST.get("action") == "approve"
        )
        messages.success(request, _("Decision saved."))
        return redirect("petitions_admin:cosignatures")
    rows = (
        OrganisationCoSignature.objects.select_related("partner", "petition")
        .order_by("status", "-created_at")
        .exclude(status=CoSignatureStatus.REJECTED)[:200]
    )
    return _staff_page(
        request,
        "petitions/admin/cosignatures.html",
        _("Organisation co-signatures"),
        "group",
        cosignatures=rows,
    )


EXPORT_LOG_ACTION = "petitions.export_signatures"
ASCII_SLUG = re.compile(r"[A-Za-z0-9_-]+")


def _export_filename(petition: PetitionPage) -> str:
    """``<slug>-signatures-<date>.csv``; a Thai slug becomes ``petition-<id>``, so the name is plain ASCII."""
    name = petition.slug if ASCII_SLUG.fullmatch(petition.slug) else f"petition-{petition.pk}"
    return f"{name}-signatures-{timezone.localdate().isoformat()}.csv"


@staff_only
@require_GET
def export(request, petition_id: int):
    """A petition's confirmed signatures as a CSV download, streamed; the audit log records who took it."""
    petition = get_object_or_404(PetitionPage, pk=petition_id)
    chunks = services.export_signatures_csv(petition=petition)
    log(instance=petition, action=EXPORT_LOG_ACTION, user=request.user)
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_filename(petition)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@staff_only
@require_GET
def paper_scan(request, scan_id: int):
    """A paper batch's scan, from the private storage, for staff who may manage signatures."""
    scan = get_object_or_404(PaperBatchScan, pk=scan_id)
    if not scan.file:
        raise Http404
    response = FileResponse(scan.file.open("rb"), as_attachment=True, filename=str(scan))
    response["Cache-Control"] = "private, no-store"
    return response


# --- Paper batches: entered by one person, confirmed or rejected by another -----------------------------------
def _paper_form(request):
    return StaffPaperBatchForm(
        request.POST or None,
        request.FILES or None,
        partners=PartnerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title"),
    )


@staff_only
@require_GET
def paper_batches(request):
    """Every batch, those waiting for a check first."""
    rows = PaperBatch.objects.select_related("petition", "partner", "entered_by").order_by(
        Case(When(state=PaperBatchState.PENDING, then=0), default=1), "-entered_at"
    )[:200]
    return _staff_page(
        request, "petitions/admin/paper_batches.html", _("Paper signatures"), "doc-full", batches=rows
    )


@staff_only
@require_http_methods(["GET", "POST"])
def paper_batch_new(request):
    form = _paper_form(request)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                batch = services.enter_paper_batch(
                    petition=data["petition"],
                    event_name=data["event_name"],
                    event_date=data["event_date"],
                    province=data["province"],
                    count=data["count"],
                    partner=data["partner"],
                    scans=data["scans"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, list(error.messages))
            else:
                messages.success(
                    request, _("Batch entered. Someone else must now confirm it before it counts.")
                )
                return redirect("petitions_admin:paper_batch", batch.pk)
        status = 400
    return _staff_page(
        request,
        "petitions/admin/paper_batch_new.html",
        _("Enter a paper batch"),
        "doc-full",
        form=form,
        status=status,
    )


@staff_only
@require_http_methods(["GET", "POST"])
def paper_batch(request, batch_id: int):
    """One batch with its scans; a second member of staff confirms or rejects it here."""
    batch = get_object_or_404(
        PaperBatch.objects.select_related("petition", "partner", "entered_by"), pk=batch_id
    )
    reject_form = RejectPaperBatchForm(request.POST if request.POST.get("action") == "reject" else None)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "confirm":
                services.confirm_paper_batch(batch=batch, user=request.user)
                messages.success(request, _("Batch confirmed: it now counts."))
                return redirect("petitions_admin:paper_batches")
            if request.POST.get("action") == "reject" and reject_form.is_valid():
                services.reject_paper_batch(
                    batch=batch, user=request.user, reason=reject_form.cleaned_data["reason"]
                )
                messages.success(request, _("Batch rejected: it will not count."))
                return redirect("petitions_admin:paper_batches")
            status = 400
        except services.PaperBatchRefused as refusal:
            messages.error(request, refusal.message)
            status = 403
    return _staff_page(
        request,
        "petitions/admin/paper_batch.html",
        _("Paper batch"),
        "doc-full",
        status=status,
        batch=batch,
        scans=list(batch.scans.all()),
        reject_form=reject_form,
        may_decide=batch.is_pending and batch.entered_by_id != request.user.pk,
    )
