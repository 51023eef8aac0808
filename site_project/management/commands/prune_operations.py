"""Daily housekeeping: forget sent e-mail after a month and finished task results after a week."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from site_project import outbox

KEEP_TASK_RESULTS = datetime.timedelta(days=7)


class Command(BaseCommand):
    help = "Delete sent outbox rows older than 30 days and finished task results older than 7 days."

    def handle(self, *args, **options):
        messages = outbox.prune_sent()
        cutoff = timezone.now() - KEEP_TASK_RESULTS
        results, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
        self.stdout.write(f"Pruned {messages} outbox message(s) and {results} task result(s).")
