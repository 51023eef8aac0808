"""Build the demo site from the source documents, in Thai and English (and the home pages in all four).

Each app that has demo content provides ``<app>/demo.py`` with ``load(stdout)`` and ``reset()``; this command
runs them in INSTALLED_APPS order (resets in reverse), so later apps can use what earlier ones made,
then each module's optional ``finish(stdout)`` (the menu, which links to what the others made).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from site_project.demo import ADMIN_USERNAME, admin_password


def demo_modules():
    modules = []
    for config in apps.get_app_configs():
        if not config.path.startswith(str(apps.get_app_config("site_project").path).rsplit("/", 1)[0]):
            continue  # only this project's own apps, not installed packages
        name = f"{config.name}.demo"
        if find_spec(name) is not None:
            modules.append(import_module(name))
    return modules


class Command(BaseCommand):
    help = "Create or update the demo content. Idempotent; --reset rebuilds it from scratch."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo content first, then rebuild it."
        )

    def handle(self, *args, reset: bool = False, **options):
        modules = demo_modules()
        with transaction.atomic():
            if reset:
                for module in reversed(modules):
                    module.reset()
            for module in modules:
                module.load(stdout=self.stdout)
            for module in modules:
                if hasattr(module, "finish"):
                    module.finish(stdout=self.stdout)
        names = ", ".join(module.__name__.removesuffix(".demo") for module in modules)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({names})."))
        self.stdout.write(f"Admin: username {ADMIN_USERNAME}, password {admin_password()}")
