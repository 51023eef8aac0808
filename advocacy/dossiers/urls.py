"""Dossier URLs. ``urlpatterns``: the admin's, under /admin/advocacy/dossiers/ (``wagtail_hooks``);
``public_urlpatterns``: the verify page, inside ``i18n_patterns`` (/th/verify/<code>/, the root URLconf)."""

from django.urls import path

from . import views

app_name = "advocacy_dossiers"
urlpatterns = [
    path("push/<id:push_id>/", views.make_for_push, name="push"),
    path("petition/<id:page_id>/", views.make_for_petition, name="petition"),
    path("<id:pk>/<str:kind>/", views.dossier_file, name="file"),
]

public_urlpatterns = [path("verify/<str:code>/", views.verify, name="dossier_verify")]
