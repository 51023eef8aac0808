"""The project's crispy-forms pack (templates/phakhi/): what a reader of a form with mistakes is shown.

Every form that goes through crispy is rendered here with bad input: an error summary at the top links to
each field in error, each such field names its error message (aria-describedby), the messages are in the
reader's language, and no class name of a CSS framework the site does not load appears.
"""

import re

import pytest
from crispy_forms.utils import render_crispy_form
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from campaigns.forms import RSVPForm
from partners.forms import (
    AcceptInvitationForm,
    MemberDocumentForm,
    PartnerLoginForm,
    PartnerProfileForm,
    PasswordResetRequestForm,
)
from petitions.forms import CoSignForm
from stories.forms import ShareStoryForm

FRAMEWORK_CLASSES = re.compile(
    r'class="[^"]*\b(form-control|form-select|form-check[\w-]*|form-label|form-text|mb-\d|btn[\w-]*|is-invalid|'
    r"invalid-feedback|alert[\w-]*|col-[\w-]+|row|input-group[\w-]*)\b"
)


def _forms():
    request = RequestFactory().post("/th/account/login/")
    return {
        "rsvp": RSVPForm({"rsvp-people": "0"}, prefix="rsvp", action="/th/campaigns/x/rsvp/1/"),
        "share your story": ShareStoryForm({"story": "สั้น"}, action="/th/stories/share/"),
        "login": PartnerLoginForm(request, data={"username": "rep@example.org", "password": "wrong"}),
        "password reset": PasswordResetRequestForm({"email": "not an address"}),
        "accept invitation": AcceptInvitationForm(
            {"password1": "สั้น", "password2": "อื่น"}, email="rep@example.org"
        ),
        "share a document": MemberDocumentForm({"title": "", "language": "xx"}),
        "cosign": CoSignForm({"statement": "ก" * 601}),
    }


def _render(form) -> str:
    """As the templates do: ``{% crispy form %}`` where the form has a helper, ``{{ form|crispy }}`` otherwise."""
    if hasattr(form, "helper"):
        return render_crispy_form(form)
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))


@pytest.mark.parametrize("name", list(_forms()))
def test_a_form_with_mistakes_leads_from_its_error_summary_to_each_field_and_its_message(db, name):
    with translation.override("th"):
        form = _forms()[name]
        assert not form.is_valid()
        html = _render(form)
        messages = {
            field_name: [str(error) for error in errors] for field_name, errors in form.errors.items()
        }
    assert '<div class="form-errors" role="alert">' in html
    assert "กรุณาตรวจสอบแบบฟอร์ม" in html
    for field_name, errors in messages.items():  # read in Thai, whatever language an earlier test left active
        if field_name == "__all__":
            assert all(str(error) in html for error in errors)
            continue
        field_id = form[field_name].auto_id
        assert f'href="#{field_id}"' in html
        widget = re.search(rf'<(input|textarea|select)[^>]*\bid="{field_id}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in widget
        assert f"{field_id}_error" in re.search(r'aria-describedby="([^"]*)"', widget).group(1)
        message = re.search(rf'<div id="{field_id}_error" class="field__errors">(.*?)</div>', html, re.S)
        assert all(str(error) in message.group(1) for error in errors)


@pytest.mark.parametrize("name", list(_forms()))
def test_no_form_carries_the_class_names_of_a_css_framework_the_site_does_not_load(db, name):
    html = _render(_forms()[name])
    assert not FRAMEWORK_CLASSES.search(html), FRAMEWORK_CLASSES.search(html).group(0)


def test_the_error_summary_speaks_the_readers_language(db):
    with translation.override("km"):
        html = _render(ShareStoryForm({}, action="/km/stories/share/"))
    assert "សូមពិនិត្យទម្រង់ម្តងទៀត" in html
    assert "Please check the form" not in html


def test_the_profile_form_keeps_its_sections_and_lists_its_choices_in_a_fieldset(db):
    form = PartnerProfileForm(data={"title": ""})
    html = _render(form)
    assert html.count('<fieldset class="form-section"') == 3
    pillars = re.search(r'<fieldset id="div_id_pillars" class="field field--choices[^"]*"[^>]*>', html)
    assert pillars is not None
    assert 'href="#id_title"' in html
