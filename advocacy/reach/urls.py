"""URL patterns, inside ``i18n_patterns`` under the partner portal: /<language>/account/reach/…"""

from django.urls import path

from . import views

app_name = "advocacy_reach"

urlpatterns = [
    path("", views.reach, name="reach"),
    path("qr/<str:kind>/<id:page_id>.<str:file_type>", views.qr_code, name="qr"),
    path("subscribers/<id:petition_id>/", views.subscribers_csv, name="subscribers"),
]
