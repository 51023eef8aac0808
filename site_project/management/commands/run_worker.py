"""The task worker that comes back: django-tasks-db's loop, riding out database and disk outages."""

from django.core.management.base import BaseCommand
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME

from site_project.worker import ResilientWorker, process_id


class Command(BaseCommand):
    help = "Run background tasks (e-mail, counting). Keeps running through database outages; Ctrl-C stops it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1, help="Seconds to wait when the queue is empty."
        )
        parser.add_argument("--queue-name", default=DEFAULT_TASK_QUEUE_NAME, help="Queues, comma-separated.")

    def handle(self, *args, interval: float = 1, queue_name: str = DEFAULT_TASK_QUEUE_NAME, **options):
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=process_id("worker"),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
