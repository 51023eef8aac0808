"""Every app's demo content, found without naming the apps: each app's ``demo`` module registers its loader.

An app with demo content has ``<app>/demo.py`` ending with::

    demo_loaders.register("stories", load=load, reset=reset, menu_section="stories", menu_position=3)

``load_demo_data`` imports every installed app's ``demo`` module (Django's ``autodiscover_modules``, as the
admin finds ``admin.py``), then runs the loaders in ``INSTALLED_APPS`` order, so an app can use what the apps
below it made, the resets in reverse, and last every ``finish`` (the menu, which links to what the others
made). ``menu_section`` is the slug of the section page an app's demo makes under the Thai home page; the
main menu lists the sections by ``menu_position``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class DemoLoader:
    app: str
    load: Callable
    reset: Callable
    finish: Callable | None = None
    menu_section: str = ""
    menu_position: int = 0


_registry: dict[str, DemoLoader] = {}


def register(
    app: str,
    *,
    load: Callable,
    reset: Callable,
    finish: Callable | None = None,
    menu_section: str = "",
    menu_position: int = 0,
) -> None:
    """Record ``app``'s demo loader (``load(stdout)``, ``reset()``, optional ``finish(stdout)``)."""
    _registry[app] = DemoLoader(app, load, reset, finish, menu_section, menu_position)


def discover() -> list[DemoLoader]:
    """Import every installed app's ``demo`` module; its loaders, in ``INSTALLED_APPS`` order."""
    autodiscover_modules("demo")
    order = {config.label: position for position, config in enumerate(apps.get_app_configs())}
    return sorted(_registry.values(), key=lambda loader: order.get(loader.app, len(order)))


def menu_sections() -> list[str]:
    """The slugs of the sections the demos made, in the main menu's order."""
    registered = sorted(_registry.values(), key=lambda loader: loader.menu_position)
    return [loader.menu_section for loader in registered if loader.menu_section]
