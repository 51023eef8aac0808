"""Scheduled jobs: (name, "minute" or a daily Bangkok "HH:MM", management command).

Run by ``manage.py run_scheduler`` (make run) or the systemd timer calling ``manage.py run_jobs``
(deploy/); each slot runs once however many schedulers there are. ``base.py`` names the setting.
"""

SCHEDULED_JOBS = [
    ("publish_scheduled", "minute", "publish_scheduled"),
    ("outbox_sweep", "minute", "sweep_outbox"),
    # Counting is triggered by each confirmation; this catches a run that died before it finished.
    ("count_aggregation", "minute", "aggregate_signatures"),
    # The dashboard's confirmation and quarantine rates: recent days each minute, every day at night.
    ("status_summary", "minute", "summarise_signature_statuses"),
    ("status_summary_all", "03:40", "summarise_signature_statuses --all"),
    ("story_consent_expiry", "00:05", "expire_story_consents"),
    ("renewal_reminders", "08:00", "send_renewal_reminders"),
    ("push_reminders", "08:10", "send_push_reminders"),
    ("signature_anonymisation", "03:00", "anonymise_signatures"),
    ("count_reconciliation", "03:30", "reconcile_signature_counts"),
    ("operations_pruning", "04:00", "prune_operations"),
]
