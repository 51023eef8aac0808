"""Fixtures shared by every test: the page tree, the personas, and a clean cache.

Personas: ``admin_user`` (a superuser of the secretariat), ``editor`` (communications staff in Wagtail's
Editors group), ``outsider`` (a signed-in member of the public with no rights).
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from site_project.demo import tree_root
from site_project.factories import HomePageFactory, StandardPageFactory, publish_translation
from site_project.models import HomePage
from site_project.public_url import site_address


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


@pytest.fixture
def home(db) -> HomePage:
    """The Thai home page as the default site's root, Wagtail's welcome page gone."""
    root = tree_root()
    for child in root.get_children():
        child.delete()
    page = HomePageFactory(parent=root, title="ภาคี", slug="home")
    hostname, port = site_address()  # PUBLIC_URL, as migrate and load_demo_data leave it
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": page, "hostname": hostname, "port": port}
    )
    return page


# The name the test modules import: ``translate(page, "en", title="...")``.
translate = publish_translation


@pytest.fixture
def english_home(home) -> HomePage:
    return publish_translation(home, "en", title="Phakhi")


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")


@pytest.fixture
def demo(db):
    """The whole demo site, as ``python manage.py load_demo_data`` builds it."""
    call_command("load_demo_data", stdout=io.StringIO())


def _user(username: str, **fields):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org", **fields)
    user.set_password("correct horse battery staple")
    user.save()
    return user


@pytest.fixture
def admin_user(db):
    return _user("secretariat", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    user = _user("comms-editor", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return user


@pytest.fixture
def outsider(db):
    return _user("outsider")


@pytest.fixture
def client_as():
    def make(user) -> Client:
        signed_in = Client(HTTP_HOST="127.0.0.1")
        signed_in.force_login(user)
        return signed_in

    return make
