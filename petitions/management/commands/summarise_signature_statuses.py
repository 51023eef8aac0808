"""Rebuild the staff summary of signatures per petition, day and status (recent days, or --all)."""

from django.core.management.base import BaseCommand

from petitions.services import summarise_signature_statuses
from petitions.services.summaries import RECENT_DAYS


class Command(BaseCommand):
    help = "Count signatures per petition, day and status for the staff dashboard. --all rebuilds every day."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Rebuild every day, not only the recent ones.")

    def handle(self, *args, all: bool = False, **options):  # noqa: A002  (the option's name)
        made = summarise_signature_statuses(days=None if all else RECENT_DAYS)
        self.stdout.write(f"Summarised {made} petition-day-status row(s).")
