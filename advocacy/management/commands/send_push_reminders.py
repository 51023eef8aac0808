"""E-mail each policy push's owner when an answer is due in three days, and when it is overdue. Run daily."""

from django.core.management.base import BaseCommand

from advocacy.pushes.services import send_push_reminders


class Command(BaseCommand):
    help = "Owe the owners of policy pushes their deadline reminders in the outbox, each reminder once."

    def handle(self, *args, **options):
        sent = send_push_reminders()
        self.stdout.write(f"{sent} push reminder(s) queued.")
