"""The inbox's admin URLs, mounted at /admin/advocacy/inbox/ by ``advocacy.wagtail_hooks``."""

from django.urls import path
from django.views.decorators.http import require_http_methods

from . import views

app_name = "advocacy_inbox"

urlpatterns = [
    path("", require_http_methods(["GET", "HEAD", "POST"])(views.InboxView.as_view()), name="index"),
    path("<id:item_id>/", require_http_methods(["GET", "HEAD", "POST"])(views.item_detail), name="item"),
]
