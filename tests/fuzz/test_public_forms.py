"""Every public form gets the hostile corpus: never a 5xx, never a logged traceback.

The forms are listed here, with one valid submission each, and each hostile value is sent once in every
field at the same time and once in the form's main text field with everything else valid, so that it
reaches the service behind the form as well as the form.
"""

import itertools
from dataclasses import dataclass
from urllib.parse import urlencode

from petitions.models import Signature
from petitions.tasks import unsubscribe_token

from ..campaigns.test_rsvp import rsvp_data, rsvp_url
from .conftest import LANGUAGES, sign_data
from .corpus import CONTENT_TYPES, HOSTILE_TEXT, INVALID_UTF8, WRONG_METHODS, Sweep, fuzz_client


@dataclass
class Form:
    name: str
    path: str  # with {lang}
    valid: dict
    main_field: str
    persona: str = "anonymous"
    csrf: bool = (
        True  # the sign and RSVP forms check a signed form token instead (``site_project.form_tokens``)
    )


def public_forms(site) -> list[Form]:
    petition = site.petition
    rsvp = rsvp_data(site.campaign, name="สมชาย", email="", phone="0812345678", people="2")
    profile = {"title": "มูลนิธิเอ", "kind": site.partner.kind, "description": "งานของเรา"}
    document = {"title": "รายงาน", "language": "th", "published_on": "2026-11-01", "summary": ""}
    survey_question = site.survey.form_fields.get().clean_name
    paper_batch = {
        "petition": petition.pk,
        "event_name": "บูธตลาดนัด",
        "event_date": "2026-11-25",
        "province": "chiang-rai",
        "count": "120",
    }
    return [
        Form("sign", f"/{{lang}}/petitions/sign/{petition.pk}/", sign_data(petition), "name", csrf=False),
        Form("embed sign", f"/embed/petitions/{petition.pk}/sign/", sign_data(petition), "name", csrf=False),
        Form(
            "closed petition",
            f"/{{lang}}/petitions/sign/{site.closed.pk}/",
            sign_data(site.closed),
            "name",
            csrf=False,
        ),
        Form(
            "cosign",
            f"/{{lang}}/petitions/cosign/{petition.pk}/",
            {"statement": "เห็นด้วย"},
            "statement",
            "representative",
        ),
        Form("confirm", "/{lang}/petitions/confirm/not-a-token/", {}, "token"),
        Form("unsubscribe", "/{lang}/petitions/unsubscribe/not-a-token/", {}, "token"),
        Form(
            "whose news to stop",  # a real link, of a signature that no longer exists: the form still answers
            f"/{{lang}}/petitions/unsubscribe/{unsubscribe_token(2_000_000_000)}/",
            {"organisations": [], "withdraw": "all"},
            "organisations",
        ),
        Form(
            "rsvp", rsvp_url(site.campaign, language="{lang}"), rsvp, f"{site.rsvp_prefix}-name", csrf=False
        ),
        Form(
            "share your story",
            "/{lang}/stories/share/",
            {"name": "นก", "story": "เรื่องของฉัน" * 5, "understood": "on"},
            "story",
        ),
        Form(
            "login",
            "/{lang}/account/login/",
            {"username": "rep@example.org", "password": "wrong password"},
            "username",
        ),
        Form("password reset", "/{lang}/account/password-reset/", {"email": "rep@example.org"}, "email"),
        Form(
            "new password",
            "/{lang}/account/password-reset/MQ/set-password/",
            {"new_password1": "a long and good password", "new_password2": "a long and good password"},
            "new_password1",
        ),
        Form(
            "partner safety",
            f"/{{lang}}/account/partners/{site.partner.pk}/safety/",
            {"action": "both"},
            "action",
            "representative",
        ),
        Form(
            "invitation",
            f"/{{lang}}/account/invitation/{site.invitation.pk}/{site.invitation_token}/",
            {"password1": "a long and good password", "password2": "a long and good password"},
            "password1",
        ),
        Form(
            "partner profile",
            f"/{{lang}}/account/partners/{site.partner.pk}/edit/",
            profile,
            "title",
            "representative",
        ),
        Form(
            "share a document",
            "/{lang}/account/members/documents/share/",
            document,
            "title",
            "representative",
        ),
        Form("survey", "/{lang}/survey/", {survey_question: "ดีมาก"}, survey_question),
        Form("paper batch", "/{lang}/account/paper/", paper_batch, "event_name", "representative"),
    ]


def _paths(form: Form) -> list[str]:
    return (
        [form.path.format(lang=language) for language in LANGUAGES] if "{lang}" in form.path else [form.path]
    )


def test_hostile_values_in_every_public_form_never_cause_a_server_error(site, personas, error_log):
    sweep = Sweep()
    languages = itertools.cycle(LANGUAGES)
    for form in public_forms(site):
        client = personas[form.persona]
        fields = [*form.valid, "extra"]
        for number, value in enumerate([*HOSTILE_TEXT, *INVALID_UTF8]):
            path = form.path.format(lang=next(languages))
            sweep.post_form(client, path, {**form.valid, form.main_field: value})
            sweep.post_form(client, path, dict.fromkeys(fields, value if number % 4 else [value, value]))
        for path in _paths(form):
            sweep.send(
                client, "GET", path, QUERY_STRING=urlencode({"next": "//evil.example", "src": "x" * 5000})
            )
            sweep.send(client, "GET", path, QUERY_STRING="next=%ff&src=%c3%28")
        for method in WRONG_METHODS:
            sweep.send(client, method, path)
    sweep.assert_clean(error_log(), at_least=900)


def test_wrong_content_types_and_broken_bodies_are_refused_without_a_server_error(site, personas, error_log):
    sweep = Sweep()
    for form in public_forms(site):
        client = personas[form.persona]
        for path, (content_type, body) in itertools.product(_paths(form)[:2], CONTENT_TYPES):
            sweep.send(client, "POST", path, data=body, content_type=content_type)
        path = _paths(form)[-1]
        sweep.post_form(client, path, {f"field{number}": "x" for number in range(1_500)})  # too many fields
        sweep.send(client, "GET", path, QUERY_STRING="&".join(f"f{number}=x" for number in range(1_500)))
        sweep.post_form(client, path, {**form.valid, form.main_field: "x" * 3_000_000})  # too much data
        sweep.send(
            client,
            "POST",
            path,
            data={**form.valid, "file": [b"MZ\x90\x00" * 10]},  # multipart, a file where none is expected
        )
    sweep.assert_clean(error_log(), at_least=300)


def test_every_form_refuses_a_post_without_its_csrf_token(site, error_log):
    """The sign and RSVP routes are left out: they are CSRF-exempt by design, so that a petition or campaign page
    is one cached copy for every reader, and check their own signed form token (``tests/petitions/
    test_hostile_input.py``, ``tests/campaigns/test_rsvp.py``)."""
    sweep = Sweep()
    strict = {
        "anonymous": fuzz_client(enforce_csrf_checks=True),
        "representative": fuzz_client(site.representative, enforce_csrf_checks=True),
    }
    for form in public_forms(site):
        if not form.csrf:
            continue
        client = strict[form.persona]
        for path in _paths(form):
            status = sweep.post_form(client, path, form.valid)
            assert status == 403, f"{path} answered {status} without a CSRF token"
            client.cookies["csrftoken"] = "a" * 32
            sweep.post_form(client, path, {**form.valid, "csrfmiddlewaretoken": "b" * 32})
            sweep.post_form(client, path, {**form.valid, "csrfmiddlewaretoken": "\x00" * 64})
            del client.cookies["csrftoken"]
    assert not Signature.objects.exists()
    sweep.assert_clean(error_log(), at_least=100)
