"""Everything that writes, one module per concern.

- ``review``: the "Partner profile review" workflow every edit goes through, and what a representative sees of it;
- ``profiles``: a representative's profile edits, saved as revisions and sent for review;
- ``safety``: hiding the contacts or leaving the directory at once, and being shown again;
- ``accounts``: who a signed-in user represents, invitations, and password reset links;
- ``renewals``: who is due a renewal reminder, and noting that it went out;
- ``library``: sharing a document with the members and taking it back.

Callers write ``from partners import services`` and ``services.submit_profile_edit(...)``: the names below are
the app's service API.
"""

from .accounts import (
    INVITATION_EMAIL,
    PASSWORD_RESET_EMAILS_PER_ADDRESS,
    RESET_LINK_EMAIL,
    InvitationInvalid,
    InvitationRevoked,
    accept_invitation,
    allow_password_reset_request,
    find_invitation,
    invite_representative,
    issue_invitation_token,
    password_reset_done,
    representative_for,
    request_password_reset,
    resend_invitation,
    send_invitation,
    translated_name,
)
from .library import share_document, withdraw_document
from .profiles import PAGE_FIELDS, editable_partner, profile_edit_submission, submit_profile_edit
from .renewals import REMINDER_DAYS_BEFORE, partners_due_for_reminder, record_reminder
from .review import MODERATORS_GROUP, WORKFLOW_NAME, ReviewStatus, ensure_review_workflow, review_status
from .safety import (
    HIDE_CONTACTS_LOG_ACTION,
    RESTORE_LOG_ACTION,
    UNLIST_LOG_ACTION,
    apply_safety_measure,
    contacts_published,
    restore_visibility,
)

__all__ = [
    "HIDE_CONTACTS_LOG_ACTION",
    "INVITATION_EMAIL",
    "MODERATORS_GROUP",
    "PAGE_FIELDS",
    "PASSWORD_RESET_EMAILS_PER_ADDRESS",
    "REMINDER_DAYS_BEFORE",
    "RESET_LINK_EMAIL",
    "RESTORE_LOG_ACTION",
    "UNLIST_LOG_ACTION",
    "WORKFLOW_NAME",
    "InvitationInvalid",
    "InvitationRevoked",
    "ReviewStatus",
    "accept_invitation",
    "allow_password_reset_request",
    "apply_safety_measure",
    "contacts_published",
    "editable_partner",
    "ensure_review_workflow",
    "find_invitation",
    "invite_representative",
    "issue_invitation_token",
    "partners_due_for_reminder",
    "password_reset_done",
    "profile_edit_submission",
    "record_reminder",
    "representative_for",
    "request_password_reset",
    "resend_invitation",
    "restore_visibility",
    "review_status",
    "send_invitation",
    "share_document",
    "submit_profile_edit",
    "translated_name",
    "withdraw_document",
]
