"""What follows a change to a push's ledger, connected in ``AdvocacyConfig.ready()`` by model label (this module
imports no model, so it is safe before the app registry is ready).

- Saving or deleting a push, a delivery, a response or a commitment changes the page cache's content version,
  so that the push's public page (and every petition page whose timeline reads the ledger) never lags.
- Deleting a delivery or a response (on its own, or with its push) deletes its private scans from disk once
  the deletion is committed: a receipt or a letter never outlives its record.
"""

from django.db import transaction
from django.db.models import FileField
from django.db.models.signals import post_delete, post_save

from site_project import pagecache

LEDGER_MODELS = ("advocacy.PolicyPush", "advocacy.Delivery", "advocacy.Response", "advocacy.Commitment")
SCANNED_MODELS = ("advocacy.Delivery", "advocacy.Response")


def ledger_changed(sender, **kwargs) -> None:
    """Now, and again once the change is committed, so that no reader caches the old page in between."""
    pagecache.content_changed()
    transaction.on_commit(pagecache.content_changed)


def delete_scans(sender, instance, **kwargs) -> None:
    """The deleted row's scans (its file fields: ``files.ScanField``) go from the private storage once the deletion is committed (not if it rolls back)."""
    for field in instance._meta.get_fields():
        if not isinstance(field, FileField):
            continue
        scan = getattr(instance, field.name)
        if scan and scan.name:
            # Robust: a disk that refuses is logged, and the deletion the editor asked for still answers.
            transaction.on_commit(
                lambda storage=scan.storage, name=scan.name: storage.delete(name), robust=True
            )


def connect() -> None:
    for label in LEDGER_MODELS:
        post_save.connect(ledger_changed, sender=label, dispatch_uid=f"advocacy.pushes.changed.save:{label}")
        post_delete.connect(
            ledger_changed, sender=label, dispatch_uid=f"advocacy.pushes.changed.delete:{label}"
        )
    for label in SCANNED_MODELS:
        post_delete.connect(delete_scans, sender=label, dispatch_uid=f"advocacy.pushes.scans:{label}")
