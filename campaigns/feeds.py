"""Atom feeds, one per language, for campaigns (and, through ``PageFeed``, for stories)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class PageFeed(Feed):
    """The latest live children of an index page, in the index page's language."""

    feed_type = Atom1Feed

    def __init__(self, *, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response

    def title(self):
        return self.index.title

    def subtitle(self):
        return getattr(self.index, "intro", "") or ""

    def link(self):
        return self.index.get_url(self.request)

    def feed_url(self):
        return self.index.get_url(self.request) + "feed/"

    def items(self):
        return self.get_pages().order_by("-first_published_at")[:FEED_LENGTH]

    def get_pages(self):
        raise NotImplementedError

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "intro", "") or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class CampaignFeed(PageFeed):
    def get_pages(self):
        from .models import CampaignPage

        return CampaignPage.objects.child_of(self.index).live().public()

    def item_pubdate(self, item):
        if item.start_date:
            return timezone.make_aware(datetime.datetime.combine(item.start_date, datetime.time(9)))
        return item.first_published_at
