"""The Atom feed of stories, one per language: only stories live with consent in force appear."""

from campaigns.feeds import PageFeed


class StoryFeed(PageFeed):
    def get_pages(self):
        from .models import StoryPage

        return StoryPage.objects.child_of(self.index).live().public()
