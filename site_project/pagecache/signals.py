"""Change the content version when editors publish or unpublish a page, or edit the chrome (menu, footer,
help lines, site settings), so that cached pages, the chrome and the API catch up at once; and ban the site's
pages from the Varnish in front, if there is one (``shared``)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from ..models import Footer, HelpLine, MainMenu, SiteSettings
from .freshness import content_changed
from .shared import ban_site_on_commit

CHROME_MODELS = (Footer, HelpLine, MainMenu, SiteSettings)


@receiver(post_save)
@receiver(post_delete)
def content_changed_with_the_chrome(sender, **kwargs):
    if sender in CHROME_MODELS:
        content_changed()
        ban_site_on_commit()


@receiver(page_published)
@receiver(page_unpublished)
def content_changed_on_publish(sender, **kwargs):
    content_changed()
    ban_site_on_commit()
