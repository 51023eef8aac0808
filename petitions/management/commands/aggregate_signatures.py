"""Fold confirmed signatures into the tallies: once, or in a loop for deployments without a task worker."""

import time

from django.core.management.base import BaseCommand

from petitions.services import aggregate_signatures


class Command(BaseCommand):
    help = "Count confirmed signatures into the tallies. --loop keeps going every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running until stopped.")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between runs with --loop.")

    def handle(self, *args, loop: bool = False, interval: float = 2.0, **options):
        while True:
            moved = 0
            while batch := aggregate_signatures():
                moved += batch
            if moved or not loop:
                self.stdout.write(f"Counted {moved} signature change(s).")
            if not loop:
                return
            time.sleep(interval)
