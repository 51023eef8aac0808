"""URL patterns, inside ``i18n_patterns`` (/th/stories/share/…), before Wagtail's page routes."""

from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("stories/share/", views.share_your_story, name="share"),
    path("stories/share/thanks/", views.thanks, name="share_thanks"),
]
