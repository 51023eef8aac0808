"""Private scans (receipts, answer letters): kept with the members' documents, outside the media folder, and
handed out only by ``views.private_file``, which checks the reader may see pushes."""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from partners.models import private_storage

SCAN_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "webp", "tif", "tiff"]


class PrivateFieldFile(FieldFile):
    """A private file's address is the admin view that checks who asks, never a public URL."""

    @property
    def url(self):
        self._require_file()
        return reverse("advocacy_pushes:file", args=[self.instance._meta.model_name, self.instance.pk])


class PrivateFileField(models.FileField):
    attr_class = PrivateFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        kwargs.setdefault("validators", [FileExtensionValidator(SCAN_EXTENSIONS)])
        super().__init__(*args, **kwargs)
