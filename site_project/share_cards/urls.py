from django.urls import path

from . import views

urlpatterns = [
    path("share-card/<id:page_id>.png", views.share_card, name="share_card"),
]
