"""The sign form. Its field names are fixed: partner embeds and load tests post to it."""

from collections.abc import Iterable
from functools import cached_property

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from site_project import provinces
from site_project.burmese import UnicodeBurmeseForm
from site_project.validators import visible_text
from site_project.widgets import QuickSelect


def province_choices() -> list[tuple[str, str]]:
    """The 77 provinces plus 'outside Thailand', named and sorted for the active language."""
    return [("", _("Choose your province")), *provinces.choices()]


PROVINCE_CODES = provinces.CODES


class ProvinceField(forms.ChoiceField):
    """The provinces, named and sorted for the reader when the form is shown. A submitted code is checked
    against the codes alone: validating a signature builds none of the 78 named choices."""

    widget = QuickSelect

    def valid_value(self, value) -> bool:
        return value in PROVINCE_CODES


class UpdatesFromField(forms.MultipleChoiceField):
    """'organiser' or a co-sponsor's id. The service keeps only this petition's co-sponsors."""

    def valid_value(self, value):
        return value == "organiser" or (str(value).isdigit() and len(str(value)) < 12)


class PrivacyNoticeLink:
    """A crispy layout object: the link to the privacy notice, under the consent it is about."""

    def render(self, form, context, **kwargs) -> SafeString:
        return format_html(
            '<p class="field__help petition-form__privacy"><a href="{}">{}</a></p>',
            form.privacy_url,
            _("Read the privacy notice"),
        )


class SignForm(UnicodeBurmeseForm, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        validators=[visible_text],  # CharField already refuses null characters: once is enough
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature. It only counts once you confirm."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    province = ProvinceField(label=_("Province"), choices=province_choices)
    show_name = forms.BooleanField(
        label=_("Show my name and province in the list of recent signers"), required=False, initial=False
    )
    updates_from = UpdatesFromField(
        label=_("Send me news about this and similar campaigns from"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each is a separate choice. You can stop them with one click in any e-mail."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, e-mail address and province are kept to count my signature, as the privacy notice says."
        ),
        required=True,
    )
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    form_token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop) and filled in by naive bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, updates_choices=None, privacy_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["updates_from"].choices = updates_choices or []
        if not updates_choices:
            self.fields["updates_from"].widget = forms.MultipleHiddenInput()
        self.privacy_url = privacy_url
        self.with_updates = bool(updates_choices)

    @cached_property
    def helper(self) -> FormHelper:
        """Rendered by the project's crispy pack (templates/phakhi/) inside the ``<form>`` of
        ``petitions/_sign_form.html``, which knows where the form posts. No CSRF token: the form token
        defends the form, so a cached petition page is the same bytes for every reader. Made when the form
        is shown, not for a submission that is only validated."""
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(
            "source",
            "form_token",
            Div("website", css_class="petition-form__hp", aria_hidden="true"),
            "name",
            "email",
            "province",
            "show_name",
            *(["updates_from"] if self.with_updates else []),  # no list to choose from: nothing to show
            "consent",
            PrivacyNoticeLink(),
        )
        helper.add_input(Submit("sign", _("Sign the petition")))
        return helper

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_province(self):
        province = self.cleaned_data["province"]
        if province not in PROVINCE_CODES:
            raise forms.ValidationError(_("Choose your province from the list."))
        return province


class CoSignForm(UnicodeBurmeseForm, forms.Form):
    statement = forms.CharField(
        label=_("Statement from your organisation"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Up to 600 characters, shown with your organisation's name once approved."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class BulkInvalidateForm(forms.Form):
    """Staff: which signatures to invalidate. At least one criterion besides the petition."""

    petition_id = forms.IntegerField(
        label=_("Petition id"), required=False, help_text=_("Leave empty for all.")
    )
    ip_hash = forms.CharField(label=_("IP address hash"), required=False, max_length=64)
    email_domain = forms.CharField(label=_("E-mail domain"), required=False, max_length=200)
    since = forms.DateTimeField(label=_("Signed from"), required=False, help_text=_("e.g. 2026-11-23 14:00"))
    until = forms.DateTimeField(label=_("Signed before"), required=False)
    source = forms.CharField(label=_("Source"), required=False, max_length=64)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("ip_hash", "email_domain", "since", "until", "source")):
            raise forms.ValidationError(_("Give at least one criterion besides the petition."))
        return data


class SignerLookupForm(forms.Form):
    email = forms.CharField(label=_("E-mail address"), max_length=254)


ORGANISER = "organiser"  # the organiser's choice in a form of organisations; a co-sponsor's is its page id


class OrganisationsField(forms.MultipleChoiceField):
    """Organisations by choice value. Takes any the signer ever agreed to hear from (``accepted``), listed or not:
    choosing one withdrawn since the page was shown withdraws nothing more, and is no error."""

    accepted: frozenset[str] = frozenset()

    def valid_value(self, value) -> bool:
        return str(value) in self.accepted


class WithdrawConsentsForm(forms.Form):
    """Whose news a signer stops, on the page their unsubscribe link opens: every organisation they still hear
    from is ticked, and one button stops the ticked ones, the other all of them."""

    CHOSEN = "chosen"
    EVERYTHING = "all"

    organisations = OrganisationsField(
        label=_("Stop news about this petition from"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Choose only from the organisations listed here. Reload the page to see them."
            )
        },
    )
    # The buttons' name: which one was pressed. Empty counts as the ticked ones.
    withdraw = forms.ChoiceField(
        label=_("What to stop"),
        choices=[(CHOSEN, _("The ones ticked")), (EVERYTHING, _("All of them"))],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Press one of the buttons under the list.")},
    )

    def __init__(self, *args, choices: list[tuple[str, str]], accepted: Iterable[str] = (), **kwargs):
        """``choices``: the organisations the signer still hears from, named for the reader; ``accepted``: every
        one they ever agreed to hear from."""
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        field.choices = choices
        field.accepted = frozenset(accepted) | {value for value, _label in choices}
        field.initial = [value for value, _label in choices]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout("organisations")

    def clean(self):
        data = super().clean()
        nothing_chosen = not data.get("organisations") and "organisations" not in self.errors
        if data.get("withdraw") != self.EVERYTHING and nothing_chosen:
            self.add_error("organisations", _("Tick at least one organisation, or press “Stop all updates”."))
        return data

    def withdrawal(self) -> dict:
        """The keyword arguments of ``services.withdraw_update_consents`` for what was chosen."""
        if self.cleaned_data["withdraw"] == self.EVERYTHING:
            return {}
        chosen = self.cleaned_data["organisations"]
        return {
            "organiser": ORGANISER in chosen,
            "partner_ids": [int(value) for value in chosen if value != ORGANISER],
        }
