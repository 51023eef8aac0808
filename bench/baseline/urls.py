from django.urls import path

from . import views

urlpatterns = [
    path("ok", views.ok, name="ok"),
    path("insert", views.insert, name="insert"),
    path("healthz", views.ok, name="health"),
]
