"""Unpublish every story whose consent has ended. Run daily, e.g. from cron: manage.py expire_story_consents."""

from django.core.management.base import BaseCommand

from stories.services import expire_story_consents


class Command(BaseCommand):
    help = "Unpublish every translation of a story whose consent has expired or been withdrawn."

    def handle(self, *args, **options):
        unpublished = expire_story_consents()
        for page in unpublished:
            self.stdout.write(f"Unpublished {page.title} ({page.locale.language_code})")
        self.stdout.write(self.style.SUCCESS(f"{len(unpublished)} story page(s) unpublished."))
