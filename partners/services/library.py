"""The members' library: sharing a document with the coalition and taking it back."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import MemberDocument, Representative


def share_document(*, representative: Representative, data: dict) -> MemberDocument:
    if not representative.is_active_member:
        raise PermissionDenied
    return MemberDocument.objects.create(uploaded_by=representative.user, **data)


def withdraw_document(*, document: MemberDocument, user) -> str:
    """The person who shared ``document`` takes it back: the row goes at once, the file once that is committed.

    Anyone else is refused with ``PermissionDenied``. Returns the title, for the message.
    """
    if document.uploaded_by_id is None or document.uploaded_by_id != user.pk:
        raise PermissionDenied
    storage, name = document.file.storage, document.file.name
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: storage.delete(name))
    return document.title
