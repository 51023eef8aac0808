"""The partner portal and members' space, under /<language>/account/."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("password-reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("invitation/<id:invitation_id>/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("", views.dashboard, name="dashboard"),
    path("partners/<id:page_id>/edit/", views.edit_profile, name="edit_profile"),
    path("partners/<id:page_id>/safety/", views.safety, name="safety"),
    path("members/", views.library, name="library"),
    path("members/documents/<id:document_id>/", views.download_document, name="download_document"),
    path("members/documents/share/", views.share_document, name="share_document"),
    path("members/documents/<id:document_id>/withdraw/", views.withdraw_document, name="withdraw_document"),
    path("members/referrals/", views.referrals, name="referrals"),
]
