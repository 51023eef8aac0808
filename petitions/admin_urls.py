"""Admin URLs for the staff tools, mounted under /admin/petitions/ by ``wagtail_hooks``."""

from django.urls import path

from . import admin_views

app_name = "petitions_admin"

urlpatterns = [
    path("quarantine/", admin_views.quarantine, name="quarantine"),
    path("invalidate/", admin_views.invalidate, name="invalidate"),
    path("signer/", admin_views.signer, name="signer"),
    path("cosignatures/", admin_views.cosignatures, name="cosignatures"),
    path("export/<id:petition_id>/", admin_views.export, name="export"),
    path("paper/", admin_views.paper_batches, name="paper_batches"),
    path("paper/new/", admin_views.paper_batch_new, name="paper_batch_new"),
    path("paper/<id:batch_id>/", admin_views.paper_batch, name="paper_batch"),
    path("paper/scan/<id:scan_id>/", admin_views.paper_scan, name="paper_scan"),
]
