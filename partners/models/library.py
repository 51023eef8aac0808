"""The members' library: documents shared with active members only, in storage no URL serves."""

import datetime

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from site_project.fields import recorded_user_field

from .directory import Pillar


@deconstructible(path="partners.models.PrivateStorage")  # the path migrations already name
class PrivateStorage(FileSystemStorage):
    """Files only ever served through a view that checks membership: outside MEDIA_ROOT, no URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PARTNERS_PRIVATE_ROOT)

    def url(self, name):
        raise NotImplementedError("Private files have no public URL.")


private_storage = PrivateStorage()


class PrivateFieldFile(FieldFile):
    """A private file's address is the view that checks who asks (its field's ``download_url``), never a URL of
    the storage: the admin's file widget links it, and it opens only for who may see the file."""

    @property
    def url(self):
        self._require_file()
        return self.field.download_url(self.instance)


class PrivateFileField(models.FileField):
    """A file kept in the private storage; each kind says which view hands it out (``download_url``)."""

    attr_class = PrivateFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)

    def download_url(self, instance) -> str:
        raise NotImplementedError(f"{type(self).__name__} must say which view hands its files out")


class MemberDocumentFileField(PrivateFileField):
    def download_url(self, instance) -> str:
        return reverse("partners_member_document_file", args=[instance.pk])


class MemberDocumentQuerySet(models.QuerySet):
    def for_library(self):
        return self.select_related("pillar").order_by("-published_on", "-pk")


class MemberDocument(models.Model):
    """A report or document shared with active members only."""

    title = models.CharField(_("title"), max_length=255, help_text=_("The document's title."))
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences: what is in it.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="th",
        help_text=_("The language the document is written in."),
    )
    pillar = models.ForeignKey(
        Pillar,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("pillar"),
        help_text=_("The theme it belongs to."),
    )
    published_on = models.DateField(
        _("date"), default=datetime.date.today, help_text=_("The document's date.")
    )
    file = MemberDocumentFileField(
        _("file"),
        upload_to="member-documents/%Y/%m/",
        help_text=_(
            "PDF, Word, OpenDocument, spreadsheet or text, up to 10 MB. Only active members can download it."
        ),
    )
    uploaded_by = recorded_user_field()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MemberDocumentQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("pillar"), FieldPanel("published_on")]),
        FieldPanel("file"),
    ]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("members' document")
        verbose_name_plural = _("members' documents")

    def __str__(self):
        return self.title

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
