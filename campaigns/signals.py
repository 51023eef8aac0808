"""Keep the site search index in step with what is live: index on publish, forget on unpublish."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import search


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if search.is_searched(instance):
        search.index_page(instance)


@receiver(page_unpublished)
def forget_unpublished_page(sender, instance, **kwargs):
    search.forget_page(instance)


@receiver(post_save)
def index_saved_page(sender, instance, update_fields=None, raw=False, **kwargs):
    """Pages made live without a revision (factories, imports) are indexed too; revision saves are not."""
    if raw or not isinstance(instance, Page) or update_fields is not None:
        return
    if search.is_searched(instance):
        search.index_page(instance)
