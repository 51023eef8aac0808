"""The public forms on campaign pages: event RSVPs."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from site_project.validators import visible_text


class RSVPForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120, validators=[visible_text])
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("An e-mail address or a phone number, so we can reach you."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=20,
        validators=[
            RegexValidator(r"^\+?[0-9][0-9 -]{7,18}$", _("Enter a phone number, e.g. 081 234 5678."))
        ],
    )
    people = forms.IntegerField(label=_("How many people are coming?"), min_value=1, max_value=50, initial=1)

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_action = action
        self.helper.form_method = "post"
        self.helper.add_input(Submit("rsvp", _("I will come")))

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors.get("email"):
            raise forms.ValidationError(_("Give an e-mail address or a phone number."))
        return data
