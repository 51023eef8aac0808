"""Keep the cached chrome fresh, and strip metadata from every newly uploaded image."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from . import chrome
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
