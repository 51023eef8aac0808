"""Fixtures for the site's own tests: a Redis that is down or one of our own, and a petition to read and sign."""

import shutil

import pytest

from petitions.factories import PetitionIndexPageFactory, PetitionPageFactory

from .outages import RedisServer, free_port


@pytest.fixture
def redis_down(settings):
    """The site's cache is a Redis on a port where nothing listens."""
    port = free_port()
    settings.CACHES = {
        "default": {
            "BACKEND": "site_project.cache.FailSoftRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "phakhi",
        }
    }
    return port


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def petition(home, settings):
    settings.PETITION_MIN_SECONDS_TO_SUBMIT = 0
    settings.PETITION_RATE_LIMIT_ALLOWLIST = []
    index = PetitionIndexPageFactory(parent=home, slug="petitions")
    page = PetitionPageFactory(parent=index, title="ยกเลิกการเปิดสถานบันเทิงถึงตีสี่", slug="nightlife")
    page.save_revision().publish()
    return page
