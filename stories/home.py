"""What the home page shows of stories (``site_project.home``): the editors' chosen stories, or the latest."""

from wagtail.models import Page

from site_project import memo
from site_project.fields import with_image

from .models import StoryIndexPage, StoryPage

STORIES = 3


def _stories(page):
    stories = StoryPage.objects.live().public().filter(locale_id=page.locale_id).select_related("storyteller")
    return with_image(stories, "image")


def home_stories(page, limit: int = STORIES) -> list[StoryPage]:
    """The chosen stories in the page's language, in the editors' order (those live and translated), or else
    the ``limit`` latest."""
    chosen_ids = page.featured_story_ids()[:limit]
    if chosen_ids:
        keys = dict(Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key"))
        order = [keys[pk] for pk in chosen_ids if pk in keys]
        found = {story.translation_key: story for story in _stories(page).filter(translation_key__in=order)}
        chosen = [found[key] for key in order if key in found]
        if chosen:
            return chosen
    return list(_stories(page).order_by("-first_published_at", "-pk")[:limit])


def stories_section(query) -> dict | None:
    stories = home_stories(query.page)
    if not stories:
        return None
    index = memo.remember(
        ("stories-index", query.page.pk), lambda: StoryIndexPage.objects.live().child_of(query.page).first()
    )
    return {
        "stories": [{"story": story, "url": story.get_url(query.request)} for story in stories],
        "index_url": index.get_url(query.request) if index else "",
    }
