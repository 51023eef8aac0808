"""Give the content version a new value (``memo.content_changed``) whenever what the per-process memo keeps
may have changed: a page published, unpublished, moved, renamed, deleted or saved live; a view restriction,
a locale, a site, an image or the chrome (menu, footer, help lines, site settings) saved or deleted.

The changes the page cache did not already follow (moves, deletions, view restrictions, locales, sites) make
its copies stale too (``pagecache.content_changed``)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import memo, pagecache
from .models import Footer, HelpLine, MainMenu, SiteSettings

CHROME_MODELS = (Footer, HelpLine, MainMenu, SiteSettings)
STRUCTURE_MODELS = (PageViewRestriction, Locale, Site)
# A save of a live page that may change its route or what routes to it (a draft saves other fields only).
ROUTE_FIELDS = {"live", "slug", "url_path", "path", "depth", "locale", "alias_of"}


def _is_page(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


@receiver(post_save)
def memo_changed_on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if _is_page(sender):
        if instance.live and (created or update_fields is None or ROUTE_FIELDS & set(update_fields)):
            memo.content_changed()
    elif sender in STRUCTURE_MODELS:
        memo.content_changed()
        pagecache.content_changed()
    elif sender is SiteSettings and created:
        pass  # made with its defaults on a site's first read, by the memo itself (nothing kept to drop)
    elif sender in CHROME_MODELS or sender is get_image_model():
        memo.content_changed()


@receiver(post_delete)
def memo_changed_on_delete(sender, **kwargs):
    if _is_page(sender) or sender in STRUCTURE_MODELS:
        memo.content_changed()
        pagecache.content_changed()
    elif sender in CHROME_MODELS or sender is get_image_model():
        memo.content_changed()


@receiver(page_published)
@receiver(page_unpublished)
def memo_changed_on_publish(sender, **kwargs):
    memo.content_changed()


@receiver(post_page_move)
@receiver(page_slug_changed)
def memo_changed_on_move(sender, **kwargs):
    memo.content_changed()
    pagecache.content_changed()
