"""The forms of paper batches: staff enter one in the admin, a partner's representative in the portal (never
choosing the organisation: it is theirs), and staff confirm or reject one."""

import filetype
from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from site_project import provinces
from site_project.burmese import UnicodeBurmeseForm
from site_project.converters import MAX_ID
from site_project.validators import visible_text

from .models import MAX_PAPER_BATCH, PetitionPage
from .models.paper import SCAN_EXTENSIONS

MAX_SCANS = 10
# What a scan's first bytes say it is: a photo renamed "sheet.pdf" is still a photo, a program is refused.
SCAN_TYPES = {
    "pdf": "pdf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "webp": "webp",
    "tif": "tif",
    "tiff": "tif",
}


class PageChoiceField(forms.ModelChoiceField):
    """A page chosen by its id, which must be a database id before it reaches the database: a number past
    2**63 - 1 made SQLite raise ``OverflowError`` (a 500) instead of finding nothing."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or int(text) > MAX_ID:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)

    def __init__(self, *args, show_language: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_language = show_language

    def label_from_instance(self, obj):
        """The title; with ``show_language``, a page in another language than the reader's says which (the
        choices select the locale)."""
        language = obj.locale.language_code
        if not self.show_language or language == translation.get_language():
            return obj.title
        return f"{obj.title} ({language})"


class MultipleScanInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ScansField(forms.FileField):
    """Several scans or photos, each a PDF or an image of at most 10 MB, judged by its content."""

    widget = MultipleScanInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleScanInput(attrs={"accept": ".pdf,image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > MAX_SCANS:
            raise forms.ValidationError(_("Add at most 10 scans to one batch."), code="too_many")
        return [self._clean_one(upload) for upload in uploads]

    def _clean_one(self, upload):
        upload = super().clean(upload)
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in SCAN_EXTENSIONS:
            raise forms.ValidationError(_("Upload a scan as a PDF or an image (JPEG, PNG, WebP or TIFF)."))
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("Each scan must be 10 MB or smaller."))
        upload.seek(0)
        kind = filetype.guess(upload.read(8192))
        upload.seek(0)
        if kind is None or SCAN_TYPES.get(kind.extension, kind.extension) != SCAN_TYPES[extension]:
            raise forms.ValidationError(
                _("This file is not what its name says. Upload a real PDF or image."), code="content_mismatch"
            )
        return upload


class PaperBatchForm(UnicodeBurmeseForm, forms.Form):
    """A batch as a partner's representative enters it: the organisation is theirs, never a field."""

    petition = PageChoiceField(
        show_language=True,
        label=_("Petition"),
        queryset=PetitionPage.objects.none(),
        empty_label=_("Choose the petition"),
        error_messages={"invalid_choice": _("Choose a petition from the list.")},
    )
    event_name = forms.CharField(
        label=_("Event"),
        max_length=200,
        validators=[visible_text],
        help_text=_("Where the signatures were collected, e.g. the Saturday market in Mueang Chiang Rai."),
    )
    event_date = forms.DateField(
        label=_("Event date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as day, month and year, e.g. 25/11/2026.")},
    )
    province = forms.ChoiceField(
        label=_("Province"),
        choices=(),
        help_text=_("Where most signers live. Enter one batch per province if the sheets say so."),
        error_messages={"invalid_choice": _("Choose the province from the list.")},
    )
    count = forms.IntegerField(
        label=_("Number of signatures"),
        min_value=1,
        max_value=MAX_PAPER_BATCH,
        help_text=_("Count the signed lines by hand: from 1 to 100,000."),
        error_messages={
            "min_value": _("A batch has at least 1 signature."),
            "max_value": _("A batch has at most 100,000 signatures: enter a larger one as several batches."),
            "invalid": _("Enter the number of signatures as a whole number."),
        },
    )
    scans = ScansField(
        label=_("Scans of the sheets"),
        required=False,
        help_text=_(
            "Photos or scans of the signed sheets (PDF or images, up to 10 files of 10 MB each) so the person "
            "who checks the batch can count them. Only the Secretariat can open them."
        ),
    )

    def __init__(self, *args, petitions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petition"].queryset = (
            petitions if petitions is not None else PetitionPage.objects.live().select_related("locale")
        )
        self.fields["province"].choices = [("", _("Choose the province")), *provinces.choices()]

    def clean_event_name(self):
        return " ".join(self.cleaned_data["event_name"].split())

    def clean_event_date(self):
        day = self.cleaned_data["event_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The event date cannot be in the future."))
        return day


class StaffPaperBatchForm(PaperBatchForm):
    """A batch as staff enter it: any live petition, and the organisation that collected it, if one did."""

    partner = PageChoiceField(
        label=_("Collecting partner"),
        queryset=None,
        required=False,
        empty_label=_("The Secretariat collected it"),
        help_text=_("The organisation that collected the signatures."),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    field_order = ["petition", "event_name", "event_date", "partner", "province", "count", "scans"]

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class RejectPaperBatchForm(UnicodeBurmeseForm, forms.Form):
    reason = forms.CharField(
        label=_("Why is it rejected?"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Whoever entered the batch reads this, e.g. the count does not match the sheets."),
    )
