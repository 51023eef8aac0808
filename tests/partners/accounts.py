"""Helpers the partner account tests share: signing in through the public form, a partner's profile
form, approving a contact record, reading a public page.
"""

from django.urls import reverse
from wagtail.models import WorkflowState

from partners.models import CONTACT_FIELDS

PASSWORD = "correct horse battery staple"
LOGIN = "/{language}/account/login/"


def sign_in(client, username, password, *, language="th", address="127.0.0.1"):
    return client.post(
        LOGIN.format(language=language), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail_to_sign_in(client, username, times, *, language="th", address="127.0.0.1"):
    response = None
    for _ in range(times):
        response = sign_in(client, username, "wrong password", language=language, address=address)
    return response


def profile_form(page, **changes) -> dict:
    data = {
        field: getattr(page, field) for field in ("title", "abbreviation", "kind", "description", "districts")
    }
    for field in ("pillars", "services", "working_languages"):
        data[field] = [term.pk for term in getattr(page, field).all()]
    data["provinces"] = [area.province for area in page.areas.all()]
    data.update(dict.fromkeys(CONTACT_FIELDS, ""))
    data.update(changes)
    return data


def approve_contacts(client, record):
    state = WorkflowState.objects.for_instance(record).get(status=WorkflowState.STATUS_IN_PROGRESS)
    url = reverse(
        "wagtailsnippets_partners_partnercontacts:workflow_action",
        args=[record.pk, "approve", state.current_task_state.pk],
    )
    return client.post(url, {"comment": ""})


def public_html(client, path) -> str:
    return client.get(path).content.decode()
