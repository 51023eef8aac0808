"""The public forms on campaign pages: event RSVPs."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.core.validators import RegexValidator
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from petitions.identity import clean_source
from site_project import form_tokens
from site_project.burmese import UnicodeBurmeseForm
from site_project.validators import visible_text

FORM_TOKEN_SCOPE = "campaigns.rsvp-form"  # noqa: S105  (a salt, not a secret)
TOKEN_REFUSED = _(
    "This form is too old, or did not come from our page. We have kept what you typed: "
    "check it and send the form again."
)


def event_key(campaign_id: int, block_id: str) -> str:
    """What an RSVP form token is bound to: one event block of one campaign page."""
    return f"{campaign_id}/{block_id}"


class SourceField(forms.CharField):
    """Where the reader came from, in a hidden field: whatever it holds is cleaned to a short slug
    (``petitions.identity.clean_source``) and never refused, as the reader can neither see nor mend it."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.validators = []  # not even CharField's null-character check: cleaning takes those out

    def clean(self, value) -> str:
        return clean_source(self.to_python(value))


class RSVPForm(UnicodeBurmeseForm, forms.Form):
    """An RSVP to one event. A form made for an event (``for_event``) carries no CSRF token, so that the
    campaign page is the same bytes for every reader, but a form token bound to that event and to when the
    form was made (``site_project.form_tokens``), and the honeypot ``website``. The hidden ``source`` keeps where
    the reader came from (the page's ``?src=`` or UTM tags), as the petition's sign form does."""

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
    source = SourceField()
    form_token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    website = form_tokens.honeypot_field()

    def __init__(self, *args, action: str = "", event: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event:
            self.initial["form_token"] = form_tokens.make(FORM_TOKEN_SCOPE, event)
        self.helper = FormHelper(self)
        self.helper.form_action = action
        self.helper.form_method = "post"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "source",
            "form_token",
            Field("website", wrapper_class="petition-form__hp"),  # the site's honeypot style, off screen
            "name",
            "email",
            "phone",
            "people",
        )
        self.helper.add_input(Submit("rsvp", _("I will come")))

    @classmethod
    def for_event(
        cls, campaign, block_id: str, data: QueryDict | None = None, *, source: str = ""
    ) -> "RSVPForm":
        """The form for one event block of a campaign page: empty with the ``source`` the page was read with
        (``petitions.identity.source_from_query``), or as a person sent it."""
        return cls(
            data,
            initial={"source": source},
            prefix=f"rsvp-{block_id}",
            action=reverse("campaigns:rsvp", args=[campaign.pk, block_id]),
            event=event_key(campaign.pk, block_id),
        )

    def caught_in_honeypot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def sent_source(self) -> str:
        return clean_source(self.data.get(self.add_prefix("source"), ""))

    def clean(self):
        data = super().clean()
        if self.event and self.token_age() is None:
            self.add_error(None, TOKEN_REFUSED)
        if not data.get("email") and not data.get("phone") and not self.errors.get("email"):
            raise forms.ValidationError(_("Give an e-mail address or a phone number."))
        return data

    def token_age(self) -> float | None:
        token = self.data.get(self.add_prefix("form_token"), "")
        return form_tokens.age(token, scope=FORM_TOKEN_SCOPE, subject=self.event)

    def renew_token(self) -> None:
        """Give the form, shown again with what the person typed, a new token: one from a page open a long time
        may be about to expire, and a refused one would be refused again."""
        self.data = self.data.copy()
        self.data[self.add_prefix("form_token")] = form_tokens.make(FORM_TOKEN_SCOPE, self.event)
