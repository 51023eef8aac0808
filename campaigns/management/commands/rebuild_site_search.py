"""Rebuild the site search index from every live campaign, story, petition and partner page."""

from django.core.management.base import BaseCommand

from campaigns.search import rebuild


class Command(BaseCommand):
    help = "Rebuild the Thai-aware site search index."

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(f"Indexed {rebuild()} page(s)."))
