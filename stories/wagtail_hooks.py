"""Admin wiring: storytellers, consents (with "withdraw") and submissions, and the consent check on publish."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from site_project.admin_columns import ThaiDateColumn

from .models import StoryConsent, StoryPage, StorySubmission, Storyteller
from .services import enforce_consent, withdraw_consent


class StorytellerViewSet(SnippetViewSet):
    model = Storyteller
    icon = "user"
    list_display = ["__str__", "kind", "locale"]
    search_fields = ["name", "alias"]


class ConsentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.withdrawn_at is None:
            buttons.append(
                MenuItem(
                    gettext_lazy("Withdraw consent"),
                    url=reverse("stories_withdraw_consent", args=[instance.pk]),
                    icon_name="cross",
                    priority=25,
                )
            )
        return buttons


class StoryConsentViewSet(SnippetViewSet):
    model = StoryConsent
    icon = "lock"
    index_view_class = ConsentIndexView
    list_display = [
        "story",
        "consented_by",
        ThaiDateColumn("given_on", model=StoryConsent),
        ThaiDateColumn("valid_until", model=StoryConsent),
        ThaiDateColumn("withdrawn_at", model=StoryConsent),
    ]
    list_filter = ["valid_until"]
    search_fields = ["consented_by"]


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    icon = "mail"
    list_display = [
        "name",
        "language",
        "status",
        "may_contact",
        ThaiDateColumn("created_at", model=StorySubmission),
    ]
    list_filter = ["status", "language"]
    copy_view_enabled = False


class StoriesGroup(SnippetViewSetGroup):
    items = (StorytellerViewSet, StoryConsentViewSet, StorySubmissionViewSet)
    menu_icon = "openquote"
    menu_label = gettext_lazy("Stories")
    menu_name = "stories"


register_snippet(StoriesGroup)


def withdraw_consent_view(request, consent_id: int):
    consent = get_object_or_404(StoryConsent.objects.select_related("story"), pk=consent_id)
    if not request.user.has_perm("stories.change_storyconsent"):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    if request.method == "POST":
        unpublished = withdraw_consent(consent=consent, by=request.user)
        messages.success(
            request,
            _("Consent withdrawn. %(count)d page(s) of “%(title)s” unpublished.")
            % {"count": len(unpublished), "title": consent.story.title},
        )
        return redirect("wagtailsnippets_stories_storyconsent:list")
    return render(request, "stories/admin/withdraw_consent.html", {"consent": consent})


@hooks.register("register_admin_urls")
def stories_admin_urls():
    return [
        path(
            "stories/consents/<id:consent_id>/withdraw/",
            withdraw_consent_view,
            name="stories_withdraw_consent",
        )
    ]


@hooks.register("before_publish_page")
def require_consent_before_publishing(request, page):
    page = page.specific
    if isinstance(page, StoryPage) and not page.has_consent():
        messages.error(
            request,
            _("Saved as a draft, not published: record the storyteller's consent for %(language)s first.")
            % {"language": page.locale.get_display_name()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def apply_consent_changes(request, instance):
    """A shortened or narrowed consent takes effect at once."""
    if isinstance(instance, StoryConsent):
        enforce_consent(story=instance.story, by=request.user)
