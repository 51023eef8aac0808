"""Fixtures shared by every test: the page tree, the personas, and a clean cache.

Personas: ``admin_user`` (a superuser of the secretariat), ``english_admin`` (the same, reading the admin in
English), ``editor`` (communications staff in Wagtail's Editors group), ``outsider`` (a signed-in member of the
public with no rights).
"""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site
from wagtail.users.models import UserProfile

from partners.models import private_storage
from petitions.factories import DecisionMakerFactory, PetitionIndexPageFactory, PetitionPageFactory
from site_project import memo
from site_project.demo import tree_root
from site_project.factories import HomePageFactory, StandardPageFactory, publish_translation
from site_project.models import HomePage, SiteSettings
from site_project.public_url import site_address

# The test database is built once and reused by later runs, as the migrations left it (tests/database.py).
pytest_plugins = ["tests.database"]


@pytest.fixture(autouse=True)
def clean_cache():
    """An empty cache and an empty per-process memo: a rolled-back or flushed test may leave the content
    version at a value an earlier test's memo was kept under."""
    cache.clear()
    memo.forget()
    yield
    cache.clear()
    memo.forget()


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


# A script element that is neither a file nor JSON-LD: the pages' Content-Security-Policy forbids inline code.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*(src=|application/ld\+json))")

# The name the test modules import: ``translate(page, "en", title="...")``.
translate = publish_translation


@pytest.fixture
def english_home(home) -> HomePage:
    return publish_translation(home, "en", title="Phakhi")


def english_translation(name: str, *, title: str):
    """A fixture: the page of fixture ``name`` translated into English as ``title`` and published, under the
    English home page. In a conftest: ``english_story_index = english_translation("story_index", title="Stories")``.
    """

    @pytest.fixture
    def english_page(request, english_home):
        return publish_translation(request.getfixturevalue(name), "en", title=title)

    return english_page


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
def english_admin(admin_user):
    """``admin_user`` reading the Wagtail admin in English (without a preference it speaks Thai)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


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


@pytest.fixture
def private_files(settings, tmp_path):
    """Members' documents go to a temporary folder, not the developer's var/private: the folder."""
    settings.PARTNERS_PRIVATE_ROOT = str(tmp_path / "private")
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)
    yield tmp_path / "private"
    for name in ("base_location", "location"):
        private_storage.__dict__.pop(name, None)


@pytest.fixture
def signing_at_machine_speed(settings):
    """Forms posted at machine speed: no minimum time to fill in the sign form and no address spared the rate
    limit. A folder whose tests post forms uses it in an autouse fixture; the abuse tests set the minimum back."""
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []
    return settings


@pytest.fixture
def petition_index(home):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # as on a real site, settings exist
    return PetitionIndexPageFactory(parent=home, slug="petitions")


def publish_open_petition(index):
    """The nightlife petition under ``index``, open since yesterday, addressed to one decision maker, published."""
    page = PetitionPageFactory(
        parent=index,
        title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่",
        slug="nightlife",
        opens_at=timezone.now() - datetime.timedelta(days=1),
    )
    page.targets.set([DecisionMakerFactory()])
    page.save_revision().publish()
    return page


def assert_no_inline_script_or_style(html: str, where: str = "") -> None:
    """The page keeps to the CSP without 'unsafe-inline': no style attribute, no script but files and JSON-LD."""
    assert "style=" not in html, where
    assert not INLINE_SCRIPT.search(html), where


def queries_of_a_view(client, url: str) -> int:
    """The queries one view of ``url`` makes, counted after two views that make the image renditions and the
    site settings row."""
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def listing_queries_with_5_and_50(client, url: str, add_one) -> tuple[int, int]:
    """The queries one view of the listing at ``url`` makes with 5 items and with 50 (``add_one()`` publishes an
    item)."""
    for _ in range(5):
        add_one()
    with_five = queries_of_a_view(client, url)
    for _ in range(45):
        add_one()
    return with_five, queries_of_a_view(client, url)
