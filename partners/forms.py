"""Forms: the portal's profile form, the logo upload, and accepting an invitation."""

import io

import filetype
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.admin.forms import WagtailAdminModelForm

from site_project import provinces
from site_project.burmese import UnicodeBurmeseForm
from site_project.logins import LockoutAwareLoginMixin
from site_project.validators import visible_text

from .models import (
    CONTACT_FIELDS,
    MemberDocument,
    PartnerContacts,
    PartnerPage,
)

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MIN_SIDE = 32
LOGO_MAX_SIDE = 4000
LOGO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


# --- Logo -----------------------------------------------------------------------------------------------------


def clean_logo(upload) -> tuple[bytes, str]:
    """Check an uploaded logo by its content and re-encode it without metadata.

    Returns the clean bytes and the file extension. Raises ``ValidationError`` for anything that is not a
    JPEG, PNG or WebP image of sane size.
    """
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo must be 2 MB or smaller."), code="too_big")
    raw = upload.read()
    try:
        with PILImage.open(io.BytesIO(raw)) as probe:
            probe.verify()
        image = PILImage.open(io.BytesIO(raw))
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        PILImage.DecompressionBombError,
    ) as error:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="not_an_image") from error
    if image.format not in LOGO_FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="wrong_type")
    image_format = image.format
    # Checked from the header, before any pixels are decoded, so a decompression bomb is never expanded.
    width, height = image.size
    if min(width, height) < LOGO_MIN_SIDE or max(width, height) > LOGO_MAX_SIDE:
        raise ValidationError(
            _("The logo must be between %(min)s and %(max)s pixels on each side."),
            code="bad_dimensions",
            params={"min": LOGO_MIN_SIDE, "max": LOGO_MAX_SIDE},
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="not_an_image") from error
    # Re-encode from pixels only: EXIF, XMP, ICC profiles and text chunks are left behind.
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and image_format != "JPEG" else "RGB"
    pixels = image.convert(mode)
    clean = PILImage.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format=image_format, **({"quality": 90} if image_format != "PNG" else {}))
    return out.getvalue(), LOGO_FORMATS[image_format]


# --- The portal's profile form ----------------------------------------------------------------------------------


class PartnerProfileForm(UnicodeBurmeseForm, forms.ModelForm):
    """What a representative may change about their own organisation. Membership and role are staff's."""

    provinces = forms.MultipleChoiceField(
        label=_("Provinces served"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every province you work in."),
    )
    logo_upload = forms.FileField(
        label=_("New logo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 2 MB. Leave empty to keep the current logo."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = PartnerPage
        fields = [
            "title",
            "abbreviation",
            "kind",
            "description",
            "pillars",
            "services",
            "working_languages",
            "districts",
        ]
        labels = {"title": _("Name of the organisation")}
        help_texts = {"title": _("The name as it should appear in the directory.")}
        widgets = {
            "pillars": forms.CheckboxSelectMultiple,
            "services": forms.CheckboxSelectMultiple,
            "working_languages": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, contacts: PartnerContacts | None = None, **kwargs):
        """``contacts`` is the organisation's shared contact record (its latest draft), the same in every
        language; its fields are edited here and reviewed once for all translations."""
        super().__init__(*args, **kwargs)
        self.fields.update(
            fields_for_model(
                PartnerContacts, fields=CONTACT_FIELDS, widgets={"address": forms.Textarea(attrs={"rows": 3})}
            )
        )
        for name in CONTACT_FIELDS:  # the model's own checks (phone digits, LINE ID), as form errors
            field = self.fields[name]
            field.validators += [
                v for v in PartnerContacts._meta.get_field(name).validators if v not in field.validators
            ]
        contact_fields = list(CONTACT_FIELDS)
        if contacts is not None and not self.is_bound:
            self.initial.update({name: getattr(contacts, name) for name in CONTACT_FIELDS})
        if contacts is not None and contacts.is_protected:
            self.fields["restore_visibility"] = forms.BooleanField(
                label=_("Show our contacts and list us in the directory again"),
                required=False,
                help_text=_(
                    "You hid your contacts or left the directory for your safety. Tick this to undo it once "
                    "the secretariat approves these changes."
                ),
            )
            contact_fields.append("restore_visibility")
        self.fields["provinces"].choices = provinces.choices()
        self.fields["title"].validators.append(visible_text)
        if self.instance.pk and not self.is_bound:
            self.initial["provinces"] = [area.province for area in self.instance.areas.all()]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("Organisation"), "title", "abbreviation", "kind", "logo_upload", "description"),
            Fieldset(_("Work"), "pillars", "services", "working_languages", "provinces", "districts"),
            Fieldset(_("Public contact"), *contact_fields),
            Submit("submit", _("Send for review")),
        )

    def clean_logo_upload(self):
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        return clean_logo(upload)


class MemberDocumentForm(UnicodeBurmeseForm, forms.ModelForm):
    """A member shares a report or document with the other members."""

    class Meta:
        model = MemberDocument
        fields = ["title", "summary", "language", "pillar", "published_on", "file"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Share with members")))

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(_("Upload a PDF, Word, OpenDocument, spreadsheet or text file."))
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(_("The file must be 10 MB or smaller."))
        if document_type(upload) != DOCUMENT_TYPES.get(extension, extension):
            raise ValidationError(
                _(
                    "This file is not what its name says. Upload a real PDF, Word, OpenDocument, spreadsheet "
                    "or text file."
                ),
                code="content_mismatch",
            )
        return upload


# A shared document is judged by its first bytes, never by its name: a Windows program renamed
# "report.pdf" starts "MZ", not "%PDF". Plain text and CSV have no signature; they are text when their start
# is no known binary type and holds no null byte.
DOCUMENT_SNIFF_BYTES = 8192
DOCUMENT_TYPES = {"csv": "text", "txt": "text"}


def document_type(upload) -> str:
    """What ``upload`` is by its content: an extension such as ``"pdf"`` or ``"docx"``, ``"text"``, or ``""``."""
    upload.seek(0)
    head = upload.read(DOCUMENT_SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension
    return "text" if head and b"\x00" not in head else ""


class PartnerLoginForm(LockoutAwareLoginMixin, AuthenticationForm):
    """The portal's sign-in form: says so when too many failed attempts have locked the account."""


class PartnerContactsAdminForm(WagtailAdminModelForm):
    """Staff edit a contact record: "show again" starts unticked, whatever the last revision said."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["restore_visibility"] = False


class SafetyForm(forms.Form):
    """A partner in danger hides its contacts and/or leaves the public directory. Each is a button of its own."""

    ACTIONS = {
        "hide_contacts": ("hide_contacts",),
        "unlist": ("unlist",),
        "both": ("hide_contacts", "unlist"),
    }

    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS], widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        chosen = self.ACTIONS.get(cleaned.get("action"), ())
        cleaned["hide_contacts"] = "hide_contacts" in chosen
        cleaned["unlist"] = "unlist" in chosen
        return cleaned


class PasswordResetRequestForm(forms.Form):
    """A representative who forgot their password gives the e-mail address they sign in with."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("The address you sign in with."),
    )


class AcceptInvitationForm(forms.Form):
    """The invited person chooses a password; their e-mail address becomes their user name."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. A short sentence is easy to remember and hard to guess."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Create my account")))

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            raise ValidationError(_("The two passwords differ."))
        if first:
            user = get_user_model()(username=self.email, email=self.email)
            password_validation.validate_password(first, user)
        return cleaned
