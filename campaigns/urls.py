"""Language-prefixed public URLs that are not pages: the site search."""

from django.urls import path

from . import views

urlpatterns = [path("search/", views.search, name="search")]
