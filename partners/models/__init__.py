"""The coalition directory: partner profiles, their taxonomies, representatives and the members' library."""

from .accounts import Invitation, RenewalReminder, Representative, RepresentativeQuerySet, hash_token
from .contacts import CONTACT_FIELDS, PartnerContacts, PartnerContactsQuerySet
from .directory import (
    LANGUAGE_PREFERENCE_CHOICES,
    PROVINCE_CHOICES,
    PartnerContact,
    PartnerIndexPage,
    PartnerPage,
    PartnerPageManager,
    PartnerPageQuerySet,
    ServiceArea,
    directory_filters,
)
from .library import MemberDocument, MemberDocumentQuerySet, PrivateFileField, PrivateStorage, private_storage
from .taxonomies import KIND_CHOICES, ROLE_CHOICES, Pillar, Service, Term, WorkingLanguage

__all__ = [
    "CONTACT_FIELDS",
    "KIND_CHOICES",
    "LANGUAGE_PREFERENCE_CHOICES",
    "PROVINCE_CHOICES",
    "ROLE_CHOICES",
    "Invitation",
    "MemberDocument",
    "MemberDocumentQuerySet",
    "PartnerContact",
    "PartnerContacts",
    "PartnerContactsQuerySet",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerPageManager",
    "PartnerPageQuerySet",
    "Pillar",
    "PrivateFileField",
    "PrivateStorage",
    "RenewalReminder",
    "Representative",
    "RepresentativeQuerySet",
    "Service",
    "ServiceArea",
    "Term",
    "WorkingLanguage",
    "directory_filters",
    "hash_token",
    "private_storage",
]
