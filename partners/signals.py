"""After a partner's shared contact record is published (an approved edit, or staff), update every language."""

from django.dispatch import receiver
from wagtail.signals import published

from . import services
from .models import PartnerContacts


@receiver(published, sender=PartnerContacts)
def contacts_published(sender, instance, revision=None, **kwargs):
    services.contacts_published(record=instance, revision=revision)
