"""The outbox sweep: send whatever is owed and due, taking over claims whose lease ran out."""

from django.core.management.base import BaseCommand

from site_project import outbox
from site_project.worker import forget_dead_processes


class Command(BaseCommand):
    help = "Send every owed e-mail that is due, including those a failed or dead run left behind."

    def handle(self, *args, **options):
        forget_dead_processes()
        sent = outbox.deliver()
        backlog = outbox.backlog()
        self.stdout.write(f"Sent {sent}; {backlog.owed} still owed; oldest {backlog.age_seconds}s")
