"""The Atom feed of an index page: its latest live children, one feed per language.

An index page serves it from a route, handing over the pages to list::

    @path("feed/", name="feed")
    def feed(self, request):
        return PageFeed(index=self, pages=StoryPage.objects.child_of(self).live().public())(request)

A page that has a date of its own (a campaign's first day) gives it as ``feed_published_at``; otherwise the
date it was first published is used.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class PageFeed(Feed):
    """The latest pages of ``pages``, newest first, titled and linked as the index page ``index``."""

    feed_type = Atom1Feed

    def __init__(self, *, index, pages):
        super().__init__()
        self.index = index
        self.pages = pages
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
        return self.pages.order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "intro", "") or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return getattr(item, "feed_published_at", None) or item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at
