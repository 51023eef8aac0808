"""The private files of the ledger (scanned receipts, answer letters), handed out to who may see pushes."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from .models import Delivery, Response

FILES = {"delivery": (Delivery, "acknowledgement"), "response": (Response, "document")}


@require_GET
def private_file(request, kind: str, pk: int):
    if not request.user.has_perm("advocacy.view_policypush"):
        raise PermissionDenied
    if kind not in FILES:
        raise Http404
    model, field = FILES[kind]
    file = getattr(get_object_or_404(model, pk=pk), field)
    if not file:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
