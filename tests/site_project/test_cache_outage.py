"""A cache outage costs speed, not the site: Redis on a closed port, hanging, or restarted, and the site
still renders, signs and counts.

Redis is tried on a closed port and as a real ``redis-server`` started here on a free port (never the
machine's own).
"""

import logging
import socket
import time

import pytest

from petitions import abuse
from petitions.models import QuarantineReason, Signature
from site_project import cache as fail_soft
from site_project.cache import FailSoftRedisCache
from tests.petitions.conftest import sign_data, sign_url

from .outages import free_port, redis_cache


def test_a_cache_on_a_closed_port_still_stores_counts_and_reads_in_process_memory():
    cache = redis_cache(free_port())
    cache.set("page", "<html>", 30)
    assert cache.get("page") == "<html>"
    assert cache.add("counter", 0, 60) is True
    assert cache.add("counter", 0, 60) is False
    assert cache.incr("counter") == 1
    assert cache.get_many(["page", "missing"]) == {"page": "<html>"}
    with pytest.raises(ValueError):
        cache.incr("never-set")


def test_an_outage_is_logged_once_not_once_per_call(caplog):
    cache = redis_cache(free_port())
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        for number in range(50):
            cache.set(f"key{number}", number)
            cache.get(f"key{number}")
    warnings = [record for record in caplog.records if record.name == "site_project.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()


def test_the_log_line_never_shows_the_redis_password(caplog):
    cache = FailSoftRedisCache(f"redis://phakhi:hunter2-secret@127.0.0.1:{free_port()}/0", {})
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        cache.get("anything")
    assert "hunter2-secret" not in caplog.text
    assert "redis://127.0.0.1:" in caplog.text


def test_a_redis_that_hangs_costs_one_request_half_a_second_not_every_request():
    with socket.socket() as silent:  # accepts connections and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(100)
        cache = redis_cache(silent.getsockname()[1])
        started = time.monotonic()
        assert cache.get("page") is None
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(200):
            cache.get("page")
        rest = time.monotonic() - started
    assert first < 2
    assert rest < 0.5  # the breaker is open: no request waits on Redis


def test_the_breaker_tries_redis_again_after_a_few_seconds(monkeypatch, redis_server):
    monkeypatch.setattr(fail_soft, "BREAKER_SECONDS", 0.2)
    cache = redis_cache(redis_server.port)
    redis_server.stop()
    cache.set("key", "kept in memory")
    redis_server.start()
    time.sleep(0.3)
    cache.set("key", "in redis")
    assert redis_cache(redis_server.port).get("key") == "in redis"  # another process sees it


def test_the_site_rides_out_a_redis_restart(monkeypatch, redis_server, caplog):
    monkeypatch.setattr(fail_soft, "BREAKER_SECONDS", 0.2)
    one, other = redis_cache(redis_server.port), redis_cache(redis_server.port)
    one.set("shared", "before")
    assert other.get("shared") == "before"
    with caplog.at_level(logging.WARNING, logger="site_project.cache"):
        redis_server.stop()
        one.set("during", "memory")
        assert one.get("during") == "memory"
        redis_server.start()  # empty: nothing was saved to disk
        time.sleep(0.3)
        one.set("after", "redis")
        assert other.get("after") == "redis"
        assert one.get("during") is None  # what was kept in memory is dropped, not mixed with Redis
    messages = [record.getMessage() for record in caplog.records if record.name == "site_project.cache"]
    assert len(messages) == 2
    assert "unreachable" in messages[0] and "is back" in messages[1]


def test_pages_and_the_api_render_while_redis_is_down(client, petition, redis_down):
    assert client.get("/th/").status_code == 200
    assert client.get(petition.url).status_code == 200
    assert client.get("/api/petitions/").status_code == 200
    assert client.get(f"/api/petitions/{petition.pk}/").status_code == 200


def test_signing_works_while_redis_is_down(client, petition, redis_down):
    response = client.post(sign_url(petition), sign_data(petition))
    assert response.status_code in (302, 303)
    signature = Signature.objects.get(petition=petition)
    assert signature.email == "somying@example.org"


def test_rate_limits_still_count_while_redis_is_down(redis_down, settings):
    settings.PETITION_RATE_LIMIT_BURST = "3/60"
    reasons = [abuse.rate_limit_reason(petition_id=7, ip_hash="a" * 64) for _ in range(4)]
    assert reasons == ["", "", "", QuarantineReason.RATE_BURST]
