"""Retention, run daily: every signer's data has an end.

Three jobs, each batched (one transaction per batch) and idempotent, so an interrupted run resumes where it
stopped and a second run the same day changes nothing:

1. signatures of petitions closed more than PETITION_RETENTION_MONTHS months ago are anonymised;
2. signatures of petitions with no close date are anonymised PETITION_OPEN_RETENTION_MONTHS months after the
   petition's last signature;
3. IP address hashes older than PETITION_IP_HASH_DAYS days are blanked.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from petitions.services import anonymise_closed_petitions, anonymise_open_ended_petitions, drop_ip_hashes


class Command(BaseCommand):
    help = (
        "Anonymise signatures of petitions closed over PETITION_RETENTION_MONTHS ago and of petitions without a "
        "close date whose last signature is over PETITION_OPEN_RETENTION_MONTHS old; blank IP address hashes "
        "older than PETITION_IP_HASH_DAYS. Each batch commits on its own, so an interrupted run resumes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Override PETITION_RETENTION_MONTHS.")
        parser.add_argument(
            "--open-months", type=int, default=None, help="Override PETITION_OPEN_RETENTION_MONTHS."
        )
        parser.add_argument("--ip-hash-days", type=int, default=None, help="Override PETITION_IP_HASH_DAYS.")
        parser.add_argument("--batch-size", type=int, default=1000, help="Rows per transaction.")

    def handle(
        self, *args, months=None, open_months=None, ip_hash_days=None, batch_size: int = 1000, **options
    ):
        months = settings.PETITION_RETENTION_MONTHS if months is None else months
        open_months = settings.PETITION_OPEN_RETENTION_MONTHS if open_months is None else open_months
        ip_hash_days = settings.PETITION_IP_HASH_DAYS if ip_hash_days is None else ip_hash_days

        closed = anonymise_closed_petitions(months=months, batch_size=batch_size)
        self.stdout.write(f"Anonymised {closed} signature(s) of petitions closed over {months} month(s) ago.")
        dormant = anonymise_open_ended_petitions(months=open_months, batch_size=batch_size)
        self.stdout.write(
            f"Anonymised {dormant} signature(s) of petitions without a close date "
            f"and no signature for {open_months} month(s)."
        )
        hashes = drop_ip_hashes(days=ip_hash_days, batch_size=batch_size)
        self.stdout.write(f"Blanked {hashes} IP address hash(es) older than {ip_hash_days} day(s).")
