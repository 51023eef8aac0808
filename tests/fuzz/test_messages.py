"""Every message a public form can show is in the reader's language, and each appears once.

Each public form is bound to input that trips every check it has, in Thai, English, Khmer and Burmese. A
Thai, Khmer or Burmese message must be written in that script: Django falls back to Thai for a message its
Khmer or Burmese catalogue lacks, and to English where Thai lacks it too, and both happened.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from .conftest import LANGUAGES, sign_data

SCRIPTS = {
    "th": re.compile("[\u0e00-\u0e7f]"),
    "km": re.compile("[\u1780-\u17ff]"),
    "my": re.compile("[\u1000-\u109f]"),
}
LONG = "ก" * 20_000
INVISIBLE_NAMES = [
    "\u200b\u200b\u200b",
    "\u3164",
    "\u2800\u2800",
    "\u200d\u2060\ufeff",
    "\x07\x08\x1b",
    "\u17b4",
]


def _messages(form) -> dict[str, list[str]]:
    form.is_valid()
    return {field: [str(message) for message in errors] for field, errors in form.errors.items()}


def _assert_in_language(language: str, messages: dict[str, list[str]], expected_fields: set[str]) -> None:
    assert expected_fields <= set(messages), f"{language}: no error for {expected_fields - set(messages)}"
    for field, texts in messages.items():
        assert len(texts) == len(set(texts)), f"{language} {field}: a message repeats: {texts}"
        for text in texts:
            if language in SCRIPTS:
                assert SCRIPTS[language].search(text), f"{language} {field}: not translated: {text!r}"
            else:
                assert not any(pattern.search(text) for pattern in SCRIPTS.values()), f"en {field}: {text!r}"


def _sign_forms():
    from petitions.forms import SignForm

    choices = [("organiser", "organiser")]
    yield (
        SignForm(
            {"name": LONG, "email": "not-an-address", "province": "atlantis", "updates_from": ["drop table"]},
            updates_choices=choices,
        ),
        {"name", "email", "province", "updates_from", "consent"},
    )
    yield (
        SignForm({"name": "nul\x00byte", "email": "a@" + "b" * 300 + ".com", "source": LONG}),
        {
            "name",
            "email",
            "source",
        },
    )
    for name in [*INVISIBLE_NAMES, "สมชาย\r\nBcc: everyone@example.org", "tab\tname"]:
        yield SignForm({"name": name, "email": "x@example.org", "province": "", "consent": "on"}), {"name"}


def _rsvp_forms():
    from campaigns.forms import RSVPForm

    yield (
        RSVPForm({"name": LONG, "email": "bad", "phone": "call me", "people": "500"}),
        {
            "name",
            "email",
            "phone",
            "people",
        },
    )
    yield RSVPForm({"name": "a\x00", "people": "zero"}), {"name", "people", "__all__"}
    yield RSVPForm({"name": "a", "phone": "0812345678", "people": "0"}), {"people"}
    for name in INVISIBLE_NAMES:
        yield RSVPForm({"name": name, "phone": "0812345678", "people": "1"}), {"name"}


def _story_forms():
    from stories.forms import ShareStoryForm

    yield (
        ShareStoryForm({"name": LONG, "contact": LONG, "story": "สั้น", "may_contact": "on"}),
        {
            "name",
            "contact",
            "story",
            "understood",
        },
    )
    yield (
        ShareStoryForm({"name": "\x00", "story": LONG, "may_contact": "on", "understood": "on"}),
        {
            "name",
            "story",
            "contact",
        },
    )
    for name in INVISIBLE_NAMES:
        yield ShareStoryForm({"name": name, "story": "x" * 40, "understood": "on"}), {"name"}


def _cosign_and_search_forms():
    from petitions.forms import CoSignForm
    from site_project.search.forms import SearchForm

    yield CoSignForm({"statement": LONG}), {"statement"}
    yield CoSignForm({"statement": "\x00"}), {"statement"}
    yield SearchForm({"q": LONG}), {"q"}


FORMS = {
    "sign": _sign_forms,
    "rsvp": _rsvp_forms,
    "share-your-story": _story_forms,
    "cosign-and-search": _cosign_and_search_forms,
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("forms", FORMS.values(), ids=FORMS.keys())
def test_every_message_of_the_public_forms_is_in_the_readers_language_once(db, language, forms):
    with translation.override(language):
        for form, expected in forms():
            _assert_in_language(language, _messages(form), expected)


def _portal_forms(site):
    from django.contrib.auth.forms import SetPasswordForm

    from partners.forms import (
        AcceptInvitationForm,
        MemberDocumentForm,
        PartnerProfileForm,
        PasswordResetRequestForm,
    )

    yield PasswordResetRequestForm({"email": "not an address"}), {"email"}
    yield PasswordResetRequestForm({"email": "x" * 300 + "@example.org"}), {"email"}
    yield (
        SetPasswordForm(site.representative, {"new_password1": "12345678", "new_password2": "87654321"}),
        {"new_password2"},
    )
    yield (
        SetPasswordForm(
            site.representative, {"new_password1": "rep@example.org", "new_password2": "rep@example.org"}
        ),
        {"new_password2"},
    )

    yield (
        AcceptInvitationForm({"password1": "12345", "password2": "54321"}, email="new@example.org"),
        {"__all__"},
    )
    yield (
        AcceptInvitationForm({"password1": "new@example.org1", "password2": ""}, email="new@example.org"),
        {"password2"},
    )
    yield (
        AcceptInvitationForm({"password1": "password123", "password2": "password123"}, email="x@example.org"),
        {"__all__"},
    )
    yield (
        PartnerProfileForm(
            {
                "title": "\u200b",
                "kind": "nonsense",
                "website": "not a url",
                "public_email": "x",
                "pillars": ["999"],
            },
            instance=site.partner,
        ),
        {"title", "kind", "website", "public_email", "pillars"},
    )
    yield (
        PartnerProfileForm({"title": LONG, "facebook_url": "ftp://x"}, instance=site.partner),
        {
            "title",
            "facebook_url",
        },
    )
    yield (
        MemberDocumentForm(
            {"title": "", "language": "xx", "pillar": "999", "published_on": "ปีหน้า"},
            {"file": SimpleUploadedFile("empty.pdf", b"")},
        ),
        {"title", "language", "pillar", "published_on", "file"},
    )
    yield (
        MemberDocumentForm({"title": LONG, "language": "th", "published_on": "2026-11-01"}),
        {"title", "file"},
    )


def test_every_message_of_the_partner_portal_forms_is_in_the_readers_language_once(site):
    for language in LANGUAGES:
        with translation.override(language):
            for form, expected in _portal_forms(site):
                _assert_in_language(language, _messages(form), expected)


def test_the_login_refusal_is_in_the_readers_language(client, site):
    for language in LANGUAGES:
        response = client.post(
            f"/{language}/account/login/", {"username": "rep@example.org", "password": "wrong password"}
        )
        assert response.status_code in (200, 400, 403, 429)
        with translation.override(language):
            messages = [str(message) for message in response.context["form"].errors["__all__"]]
        _assert_in_language(language, {"__all__": messages}, {"__all__"})


def test_the_name_errors_on_the_sign_page_are_shown_once_in_its_language(client, site):
    data = sign_data(site.petition, name="nul\x00" + "x" * 200)
    for language in LANGUAGES:
        response = client.post(f"/{language}/petitions/sign/{site.petition.pk}/", data)
        assert response.status_code == 400
        html = response.content.decode()
        with translation.override(language):
            messages = [str(message) for message in response.context["sign"]["form"].errors["name"]]
        assert len(messages) == 2  # too long, and a null character
        under_the_field = re.search(r'<div id="id_name_error" class="field__errors">(.*?)</div>', html, re.S)
        summary = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', html, re.S)
        for message in messages:  # once under the field, and once in the summary that leads to it
            assert under_the_field.group(1).count(escape(message)) == 1, message
            assert summary.group(1).count(escape(message)) == 1, message
            assert html.count(escape(message)) == 2, message
        _assert_in_language(language, {"name": messages}, {"name"})


def test_the_embed_sign_form_answers_in_the_petitions_language(client, site):
    response = client.post(
        f"/embed/petitions/{site.petition.pk}/sign/", sign_data(site.petition, name="\u200b")
    )
    assert response.status_code == 400
    with translation.override("th"):
        messages = [str(message) for message in response.context["sign"]["form"].errors["name"]]
    assert "ตัว" in response.content.decode()
    _assert_in_language("th", {"name": messages}, {"name"})
