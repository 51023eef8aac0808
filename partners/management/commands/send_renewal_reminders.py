"""Queue the renewal-reminder task. Run it once a day from cron or a systemd timer."""

from django.core.management.base import BaseCommand

from partners.tasks import send_renewal_reminders


class Command(BaseCommand):
    help = "Queue e-mails to representatives of members whose renewal falls due in 30 days."

    def handle(self, *args, **options):
        result = send_renewal_reminders.enqueue()
        self.stdout.write(f"Queued renewal reminders (task {result.id}).")
