"""Run the scheduled jobs that are due, once, and exit: what the systemd timer calls every minute."""

from django.core.management.base import BaseCommand

from site_project.scheduler import run_due_jobs


class Command(BaseCommand):
    help = "Run every scheduled job whose slot has come and not yet run (safe to call from several machines)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--cadence",
            choices=["minute", "daily"],
            default="",
            help="Only the every-minute or the daily jobs.",
        )

    def handle(self, *args, cadence: str = "", **options):
        ran = run_due_jobs(cadence=cadence)
        self.stdout.write(f"Ran {len(ran)} job(s): {', '.join(ran) or '-'}")
