"""The scheduler process for ``make run`` (production may use the systemd timer that calls run_jobs instead)."""

import signal

from django.core.management.base import BaseCommand

from site_project.scheduler import run_forever
from site_project.worker import Heartbeat, process_id


class Command(BaseCommand):
    help = "Run scheduled jobs (publishing, the outbox sweep, the daily jobs) on time until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10, help="Seconds between checks.")

    def handle(self, *args, interval: float = 10, **options):
        running = [True]

        def stop(_signum, _frame):
            running[0] = False
            raise SystemExit(0)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        heartbeat = Heartbeat(role="scheduler", process=process_id("scheduler"))
        try:
            run_forever(interval=interval, heartbeat=heartbeat, should_run=lambda: running[0])
        finally:
            heartbeat.stop()
