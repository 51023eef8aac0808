"""The public "share your story" form."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from site_project.burmese import UnicodeBurmeseForm
from site_project.validators import visible_text


class ShareStoryForm(UnicodeBurmeseForm, forms.Form):
    name = forms.CharField(
        label=_("Your name, or a name we may call you"),
        max_length=120,
        validators=[visible_text],
        help_text=_("It does not have to be your real name."),
    )
    contact = forms.CharField(
        label=_("How can we reach you? (optional)"),
        max_length=200,
        required=False,
        help_text=_("An e-mail address, phone number or LINE ID. Only our staff will see it."),
    )
    story = forms.CharField(
        label=_("Your story"),
        widget=forms.Textarea(attrs={"rows": 10}),
        min_length=20,
        max_length=10_000,
        help_text=_("Write as much or as little as you like. Do not include other people's names."),
    )
    may_contact = forms.BooleanField(
        label=_("You may contact me about my story"),
        required=False,
    )
    understood = forms.BooleanField(
        label=_("I understand that staff will read this, and nothing will be published without my consent"),
        required=True,
    )

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_action = action
        self.helper.form_method = "post"
        self.helper.add_input(Submit("send", _("Send my story")))

    def clean(self):
        data = super().clean()
        if data.get("may_contact") and not data.get("contact"):
            self.add_error("contact", _("Tell us how to reach you, or untick “You may contact me”."))
        return data
