"""Retention: anonymise signatures a set number of months after their petition closed, in resumable batches."""

from django.conf import settings
from django.core.management.base import BaseCommand

from petitions.services import anonymise_closed_petitions


class Command(BaseCommand):
    help = (
        "Anonymise signatures of petitions closed more than PETITION_RETENTION_MONTHS months ago. "
        "Each batch commits on its own, so an interrupted run resumes where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Override PETITION_RETENTION_MONTHS.")
        parser.add_argument("--batch-size", type=int, default=1000, help="Rows per transaction.")

    def handle(self, *args, months=None, batch_size: int = 1000, **options):
        months = settings.PETITION_RETENTION_MONTHS if months is None else months
        touched = anonymise_closed_petitions(months=months, batch_size=batch_size)
        self.stdout.write(
            f"Anonymised {touched} signature(s) of petitions closed over {months} month(s) ago."
        )
