"""The dashboard's admin URLs, mounted under /admin/ by ``wagtail_hooks``: the page and each chart's CSV."""

from django.urls import path

from . import views

urlpatterns = [
    path("advocacy/", views.dashboard_view, name="advocacy_dashboard"),
    path("advocacy/csv/<slug:key>/", views.download, name="advocacy_dashboard_csv"),
]
