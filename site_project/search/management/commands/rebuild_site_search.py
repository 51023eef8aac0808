"""Rebuild the site search index from every live page of every registered page type."""

from django.core.management.base import BaseCommand

from site_project.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index (Thai, Khmer, Burmese and English) from every live page."

    def handle(self, *args, **options):
        self.stdout.write(self.style.SUCCESS(f"Indexed {rebuild()} page(s)."))
