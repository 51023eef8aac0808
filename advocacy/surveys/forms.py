"""The form a survey page shows: Wagtail's form builder with bounds on every answer, rendered by crispy forms.

Wagtail leaves a long text and a number unbounded; here every answer has a size, so that an answer never
stores more than a person could type in good faith. Dates and times use the browser's own pickers, which work
without JavaScript, and fall back to typed ISO dates.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from site_project.burmese import UnicodeBurmeseForm

SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 5_000
URL_MAX = 2_000
NUMBER_DIGITS = 18
NUMBER_DECIMALS = 6


class SurveyForm(UnicodeBurmeseForm, BaseForm):
    """An answer to a survey page, posted to the page itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.form_action = ""
        self.helper.add_input(Submit("send", _("Send my answers")))


class SurveyFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=MULTI_LINE_MAX, widget=forms.Textarea(attrs={"rows": 5}), **options)

    def create_url_field(self, field, options):
        return forms.URLField(max_length=URL_MAX, assume_scheme="https", **options)

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=NUMBER_DIGITS, decimal_places=NUMBER_DECIMALS, **options)

    def create_date_field(self, field, options):
        widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
        return forms.DateField(widget=widget, **options)

    def create_datetime_field(self, field, options):
        widget = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})
        return forms.DateTimeField(widget=widget, **options)

    def create_hidden_field(self, field, options):
        return forms.CharField(max_length=SINGLE_LINE_MAX, widget=forms.HiddenInput, **options)

    def get_form_class(self):
        return type("SurveyForm", (SurveyForm,), self.formfields)
