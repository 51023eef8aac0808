"""The surveys' admin URLs, mounted at /admin/advocacy/surveys/ by ``advocacy.wagtail_hooks``."""

from django.urls import path
from django.views.decorators.http import require_safe

from . import views

app_name = "advocacy_surveys"

urlpatterns = [
    path("<id:page_id>/", require_safe(views.summary), name="summary"),
]
