"""Strip metadata from every newly uploaded image, and keep the default Site at PUBLIC_URL after every migrate.

What keeps cached pages and the chrome fresh is in ``pagecache.signals``, connected from here."""

from django.db.models.signals import post_migrate, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from . import public_url
from .pagecache import signals as pagecache_signals  # noqa: F401  (connects its receivers)
from .services import strip_image_metadata


@receiver(pre_save)
def strip_metadata_from_new_images(sender, instance, **kwargs):
    if sender is get_image_model():
        strip_image_metadata(image=instance)


@receiver(post_migrate)
def keep_default_site_at_public_url(sender, using="default", **kwargs):
    """So that ``page.full_url`` and the sitemaps agree with every other link (see ``public_url``)."""
    if sender.name == "site_project":
        public_url.sync_default_site(using=using)
