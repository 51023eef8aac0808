"""Keep the index in step with what is live: index on publish, forget on unpublish; fill it after it is created."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from . import index


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    index.index_page(instance)


@receiver(page_unpublished)
def forget_unpublished_page(sender, instance, **kwargs):
    index.forget_page(instance)


@receiver(post_save)
def index_saved_page(sender, instance, update_fields=None, raw=False, **kwargs):
    """Pages made live without a revision (factories, imports) are indexed too; revision saves are not."""
    if raw or not isinstance(instance, Page) or update_fields is not None or not instance.live:
        return
    index.index_page(instance)


def fill_new_index(sender, plan=None, **kwargs):
    """When ``migrate`` has just created the index (a new site, or the move from ``campaigns``), fill it."""
    created = any(
        migration.app_label == sender.label and migration.initial and not backwards
        for migration, backwards in plan or []
    )
    if created:
        index.rebuild()
