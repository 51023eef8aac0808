"""Keep the cached chrome fresh: any change to what it shows bumps its version."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import chrome
from .models import Footer, HelpLine, MainMenu, SiteSettings

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
