"""The search page, included by the root URLconf under each language prefix."""

from django.urls import path

from . import views

urlpatterns = [path("search/", views.search, name="search")]
