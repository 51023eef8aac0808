"""send_renewal_reminders."""
