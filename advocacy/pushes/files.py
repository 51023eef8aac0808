"""Private scans (receipts, answer letters): kept with the members' documents, outside the media folder, and
handed out only by ``views.private_file``, which checks the reader may see pushes."""

from django.core.validators import FileExtensionValidator
from django.urls import reverse

from partners.models import PrivateFileField

SCAN_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff"]


class ScanField(PrivateFileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [FileExtensionValidator(SCAN_EXTENSIONS)])
        super().__init__(*args, **kwargs)

    def download_url(self, instance) -> str:
        return reverse("advocacy_pushes:file", args=[instance._meta.model_name, instance.pk])
