"""The public "share your story" form, served under the story index at /<language>/stories/share/."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import translation

from .forms import ShareStoryForm
from .services import submit_story


def share_your_story(request, *, index):
    action = index.get_url(request) + index.reverse_subpage("share")
    if request.method == "POST":
        form = ShareStoryForm(request.POST, action=action)
        if form.is_valid():
            submit_story(data=form.cleaned_data, language=translation.get_language() or "th")
            return redirect(index.get_url(request) + index.reverse_subpage("share_thanks"))
        response = index.render(
            request, template="stories/share_your_story.html", context_overrides={"form": form}
        )
        response.status_code = 400
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ShareStoryForm(action=action)
    return index.render(request, template="stories/share_your_story.html", context_overrides={"form": form})
