"""What the public and the partners send back, announced by the domain that stores it.

A domain saves its own row (an event RSVP, a shared story, an organisation's co-signature, a partner's
profile edit, an answer to a form an editor built) and calls ``announce(Submission(...))`` in the same
transaction. The top floor (``advocacy``) listens and files each one in the secretariat's inbox, where its
status, assignee, tags and notes live; the submission itself stays in its domain. The signal is defined
down here so that no domain imports the floor that listens.
"""

import dataclasses

from django.db import models
from django.dispatch import Signal

# Sent with ``submission=Submission(...)``; ``sender`` is the model class of the domain's row.
submission_received = Signal()


@dataclasses.dataclass(frozen=True)
class Submission:
    instance: models.Model  # the domain's own row: the inbox links to it and never copies personal data
    form_key: str  # one key for every translation of a form, e.g. "campaigns.rsvp:<translation_key>:<block>"
    form_label: str  # the form's name as the secretariat knows it
    language: str  # the language the person used
    partner_id: int | None = None  # the partner organisation it came from or through, if any
    sensitive: bool = False  # shown to the Safeguarding group only (stories, anything a survivor may send)
    summary: str = ""  # one line for the inbox row; never an e-mail address or phone number


def announce(submission: Submission) -> None:
    submission_received.send(sender=type(submission.instance), submission=submission)
