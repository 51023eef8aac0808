"""Build the demo site from the source documents, in Thai and English (and the home pages in all four).

Each app that has demo content registers its loader from ``<app>/demo.py`` (``site_project.demo_loaders``);
this command finds them without naming the apps, runs them in INSTALLED_APPS order (resets in reverse), so
later apps can use what earlier ones made, then each optional ``finish`` (the menu, which links to what the
others made).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from site_project import demo_loaders
from site_project.demo import ADMIN_USERNAME, admin_password


class Command(BaseCommand):
    help = "Create or update the demo content. Idempotent; --reset rebuilds it from scratch."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo content first, then rebuild it."
        )

    def handle(self, *args, reset: bool = False, **options):
        loaders = demo_loaders.discover()
        with transaction.atomic():
            if reset:
                for loader in reversed(loaders):
                    loader.reset()
            for loader in loaders:
                loader.load(stdout=self.stdout)
            for loader in loaders:
                if loader.finish is not None:
                    loader.finish(stdout=self.stdout)
        names = ", ".join(loader.app for loader in loaders)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({names})."))
        self.stdout.write(f"Admin: username {ADMIN_USERNAME}, password {admin_password()}")
