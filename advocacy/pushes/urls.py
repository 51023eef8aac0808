"""Admin URLs of policy pushes, under /admin/advocacy/pushes/ (the pushes themselves are a snippet viewset)."""

from django.urls import path

from . import views

app_name = "advocacy_pushes"
urlpatterns = [path("files/<str:kind>/<int:pk>/", views.private_file, name="file")]
