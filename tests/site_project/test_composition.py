"""The ground floor lets the apps above contribute without naming them: each app's demo registers itself, and
an app shows its content on another app's pages by contributing it."""

import io

import pytest
from django.core.management import call_command

from site_project import demo_loaders, related


@pytest.fixture
def recorded_loaders(monkeypatch):
    """Three fake apps' demo loaders in place of the real ones, recording what the command asks of them."""
    demo_loaders.discover()  # the real demo modules are imported (and registered) once, before the swap
    calls = []

    def loader(app):
        return {
            "load": lambda stdout=None: calls.append(("load", app)),
            "reset": lambda: calls.append(("reset", app)),
            "finish": lambda stdout=None: calls.append(("finish", app)),
        }

    monkeypatch.setattr(demo_loaders, "_registry", {})
    for app in ("stories", "site_project", "partners"):  # registered out of order on purpose
        demo_loaders.register(app, **loader(app))
    return calls


def test_the_demo_command_builds_lower_apps_first_and_resets_higher_apps_first(db, recorded_loaders):
    out = io.StringIO()
    call_command("load_demo_data", "--reset", stdout=out)
    assert recorded_loaders == [
        ("reset", "stories"),
        ("reset", "partners"),
        ("reset", "site_project"),
        ("load", "site_project"),
        ("load", "partners"),
        ("load", "stories"),
        ("finish", "site_project"),
        ("finish", "partners"),
        ("finish", "stories"),
    ]
    assert "Demo content ready (site_project, partners, stories)." in out.getvalue()


def test_every_app_with_demo_content_is_found_without_being_named():
    assert [loader.app for loader in demo_loaders.discover()] == [
        "site_project",
        "partners",
        "petitions",
        "campaigns",
        "stories",
        "advocacy",
    ]


def test_the_main_menu_lists_the_sections_in_the_order_the_apps_asked_for():
    demo_loaders.discover()
    assert demo_loaders.menu_sections() == ["campaigns", "petitions", "stories", "partners"]


def test_a_page_type_nothing_is_contributed_to_gets_nothing(about):
    assert related.collect(about) == {}


def test_what_an_app_contributes_is_shown_on_every_page_of_that_type(about, monkeypatch):
    monkeypatch.setattr(related, "_contributors", {})
    related.contribute("site_project.StandardPage", "related_notes", lambda page: [f"about {page.title}"])
    assert related.collect(about) == {"related_notes": ["about เกี่ยวกับเรา"]}
