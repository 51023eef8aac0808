"""URL patterns. ``urlpatterns`` go inside ``i18n_patterns`` (/th/petitions/…); ``public_urlpatterns`` don't."""

from django.urls import path

from . import api, portal_views, views

app_name = "petitions"

urlpatterns = [
    path("petitions/sign/<id:petition_id>/", views.sign, name="sign"),
    path("petitions/thanks/<id:petition_id>/", views.thanks, name="thanks"),
    path("petitions/confirm/<str:token>/", views.confirm, name="confirm"),
    path("petitions/confirmed/<id:petition_id>/", views.confirmed, name="confirmed"),
    path("petitions/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("petitions/cosign/<id:petition_id>/", views.cosign, name="cosign"),
    # A section of the partner portal (``partners.portal``): listed here, before the portal's own ``account/``.
    path("account/paper/", portal_views.paper_batches, name="paper_batches"),
]

public_urlpatterns = [
    path("api/petitions/", api.api_list, name="petitions_api_list"),
    path("api/petitions/<id:petition_id>/", api.api_detail, name="petitions_api_detail"),
    path("embed/petitions/<id:petition_id>/", views.embed, name="petitions_embed"),
    path("embed/petitions/<id:petition_id>/sign/", views.embed_sign, name="petitions_embed_sign"),
    path("embed/petitions/<id:petition_id>/thanks/", views.embed_thanks, name="petitions_embed_thanks"),
]
