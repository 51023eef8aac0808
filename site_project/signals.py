"""Keep the cached chrome fresh, strip metadata from every newly uploaded image, and keep the default Site at
PUBLIC_URL after every migrate."""

from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from . import chrome, public_url
from .models import Footer, HelpLine, MainMenu, SiteSettings
from .services import strip_image_metadata

CHROME_MODELS = (Footer, HelpLine, MainMenu, SiteSettings)


@receiver(post_save)
@receiver(post_delete)
def invalidate_chrome_on_change(sender, **kwargs):
    if sender in CHROME_MODELS:
        chrome.invalidate()


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_chrome_on_publish(sender, **kwargs):
    chrome.invalidate()


@receiver(pre_save)
def strip_metadata_from_new_images(sender, instance, **kwargs):
    if sender is get_image_model():
        strip_image_metadata(image=instance)


@receiver(post_migrate)
def keep_default_site_at_public_url(sender, using="default", **kwargs):
    """So that ``page.full_url`` and the sitemaps agree with every other link (see ``public_url``)."""
    if sender.name == "site_project":
        public_url.sync_default_site(using=using)
