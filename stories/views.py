"""The public "share your story" form, at /<language>/stories/share/, in the chrome of that language's story index.

Its own address rather than a route of the index page, so that the page model never imports its view.
"""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from .forms import ShareStoryForm
from .models import StoryIndexPage
from .services import submit_story


def share_your_story(request):
    index = _story_index()
    action = reverse("stories:share")
    if request.method == "POST":
        form = ShareStoryForm(request.POST, action=action)
        if form.is_valid():
            submit_story(data=form.cleaned_data, language=translation.get_language() or "th")
            return redirect("stories:share_thanks")
        response = index.render(
            request, template="stories/share_your_story.html", context_overrides={"form": form}
        )
        response.status_code = 400
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ShareStoryForm(action=action)
    return index.render(request, template="stories/share_your_story.html", context_overrides={"form": form})


def thanks(request):
    return _story_index().render(request, template="stories/share_thanks.html")


def _story_index() -> StoryIndexPage:
    """The story index of the language being read: its chrome, introduction and help lines frame the form."""
    index = StoryIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    if index is None:
        raise Http404
    return index
