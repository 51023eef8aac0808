"""Recompute every petition's count from the signature rows and report any drift (it must be zero)."""

import sys

from django.core.management.base import BaseCommand

from petitions.services import reconcile_signature_counts


class Command(BaseCommand):
    help = "Compare each petition's public count with its confirmed rows. Exits 1 on drift; --fix rebuilds tallies."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Rebuild the tallies from the rows first.")

    def handle(self, *args, fix: bool = False, **options):
        report = reconcile_signature_counts(fix=fix)
        drifted = False
        for row in report:
            drifted |= bool(row.drift or row.tally_drift)
            self.stdout.write(
                f"petition {row.petition_id}: confirmed {row.confirmed_rows}, on paper {row.paper}, "
                f"public {row.public_count}, "
                f"drift {row.drift}; tallies {row.tallied} vs counted rows {row.counted_rows}, "
                f"tally drift {row.tally_drift}"
            )
        if drifted:
            self.stderr.write(self.style.ERROR("Counts drifted. Run with --fix to rebuild the tallies."))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(f"No drift in {len(report)} petition(s)."))
