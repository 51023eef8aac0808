"""URL patterns, inside ``i18n_patterns`` (/th/campaigns/rsvp/…)."""

from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/rsvp/<id:campaign_id>/<str:block_id>/", views.rsvp, name="rsvp"),
]
