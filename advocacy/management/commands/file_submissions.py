from django.core.management.base import BaseCommand

from advocacy.inbox.services import file_existing_submissions


class Command(BaseCommand):
    help = "File in the inbox every submission saved before the inbox listened. Safe to run again."

    def handle(self, *args, **options):
        filed = file_existing_submissions()
        self.stdout.write(f"{filed} submission(s) filed in the inbox.")
