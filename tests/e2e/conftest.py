"""Fixtures for Playwright browser tests (Debian Chromium + axe-core).

Usage in a test module under ``tests/e2e``::

    def test_home(live_server, page, axe_violations, format_violations):
        page.goto(live_server.url + "/")
        violations = axe_violations(page)
        assert not violations, format_violations(violations)

Set ``REQUIRE_BROWSER=1`` (e.g. in CI) to turn a missing ``/usr/bin/chromium``
into a failure instead of a skip.
"""

import os

# Playwright's sync API runs an asyncio event loop in the test thread (driven
# through greenlets), so Django's async-safety guard sees a "running event
# loop" and raises SynchronousOnlyOperation as soon as a test touches the ORM
# (transactional_db set-up for live_server, fixtures creating pages,
# assertions reading rows).  The calls really are synchronous, so it is safe to switch the
# guard off.  Django reads this variable at call time, so setting it here,
# before any test runs, is enough.  Note it applies to the whole pytest
# process once this conftest is loaded.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import weakref  # noqa: E402
from collections.abc import Callable, Iterable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps trying to reach Google services through
    # the closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM_REASON = "Debian chromium not installed (bin/install-chromium)"

CONTEXT_OPTIONS: dict[str, Any] = {"locale": "th-TH", "timezone_id": "Asia/Bangkok"}
DEFAULT_TIMEOUT_MS = 15_000

AXE_DEFAULT_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

E2E_DIR = Path(__file__).resolve().parent

# Browser contexts created with java_script_enabled=False (see run_axe).
_JS_DISABLED_CONTEXTS: weakref.WeakSet[Any] = weakref.WeakSet()

# With JavaScript disabled, Chromium never calls callbacks that go through
# Blink (setTimeout, queueMicrotask, ...), only V8's own promise reactions.
# axe.run() resolves its promise from setTimeout(..., 0), so page.evaluate()
# would wait forever.  Page scripts cannot run in such a page anyway, so give
# it a setTimeout that runs zero-delay callbacks as promise reactions and
# keeps longer timers inert (as they are now, which keeps axe's "timed out"
# fallbacks from firing early), and a promise-based queueMicrotask.
_AXE_TIMER_SHIM = """() => {
    if (window.__phakhiAxeTimerShim) return;
    const inert = window.setTimeout;
    const soon = (fn, args) => Promise.resolve().then(() => fn(...args));
    window.setTimeout = (fn, ms, ...args) => {
        if (typeof fn === "function" && !(ms > 1)) {
            soon(fn, args);
            return 0;
        }
        return inert(fn, ms, ...args);
    };
    window.queueMicrotask = (fn) => { soon(fn, []); };
    window.__phakhiAxeTimerShim = true;
}"""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test collected from this directory with ``browser``.

    Collection hooks in a conftest see *all* items of the session, hence the
    path check.
    """
    for item in items:
        if Path(item.path).resolve().is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------
# Browser and pages
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole session (per xdist worker)."""
    if not os.path.exists(CHROMIUM_PATH):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                f"REQUIRE_BROWSER=1 but {CHROMIUM_PATH} does not exist; run bin/install-chromium (as root).",
                pytrace=False,
            )
        pytest.skip(MISSING_CHROMIUM_REASON)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _new_page(browser: Any, **options: Any) -> Iterator[Any]:
    context = browser.new_context(**CONTEXT_OPTIONS, **options)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page in a fresh browser context (Thai locale) for each test."""
    yield from _new_page(browser)


PASSWORD = "correct horse battery staple"  # the password of tests/conftest.py's personas


def sign_in_to_admin(live_server: Any, page: Any, user: Any, password: str = PASSWORD) -> Any:
    """Sign ``user`` in to the Wagtail admin through its login form in ``page``; the page, on the dashboard."""
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.locator("form [type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    return page


@pytest.fixture
def js_disabled_page(browser: Any) -> Iterator[Any]:
    """Like ``page``, but with JavaScript disabled (progressive-enhancement checks).

    Playwright's own ``page.evaluate`` still works (but page timers never
    fire); ``axe_violations`` knows this and can be used on it.
    """
    for page in _new_page(browser, java_script_enabled=False):
        _JS_DISABLED_CONTEXTS.add(page.context)
        yield page


# --------------------------------------------------------------------------
# Accessibility (axe-core)
# --------------------------------------------------------------------------


def run_axe(
    page: Any,
    tags: Iterable[str] = AXE_DEFAULT_TAGS,
    context: Any = None,
    js_disabled: bool | None = None,
) -> list[dict[str, Any]]:
    """Run axe-core on ``page`` restricted to ``tags`` and return its violations.

    ``context`` is passed to ``axe.run`` as-is (e.g. ``"main"`` or
    ``{"exclude": [["#map"]]}``); keep it to strings, lists and dicts of
    strings because axe-playwright-python serialises it with ``repr``.

    ``js_disabled`` defaults to "was the page made by ``js_disabled_page``";
    pass True for other JavaScript-disabled pages, or axe will hang.
    """
    from axe_playwright_python.sync_playwright import Axe

    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": list(tags)},
        # Only violations are returned; also makes axe faster.
        "resultTypes": ["violations"],
    }
    if js_disabled is None:
        js_disabled = page.context in _JS_DISABLED_CONTEXTS
    if js_disabled:
        page.evaluate(_AXE_TIMER_SHIM)
        # axe cannot be injected into frames here and waits for their answer
        # on (inert) timers, so leave frames out.
        options["iframes"] = False
    results = Axe().run(page, context=context, options=options)
    return results.response["violations"]


def format_violations(violations: list[dict[str, Any]], max_html: int = 200) -> str:
    """Render axe violations as a readable block for assertion messages."""
    if not violations:
        return "No accessibility violations."
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"\n[{violation.get('impact') or 'n/a'}] {violation['id']}: {violation.get('help', '')}"
            f" ({len(nodes)} node(s))"
        )
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in nodes:
            target = ", ".join(str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            if len(html) > max_html:
                html = html[: max_html - 1] + "…"
            lines.append(f"  - {target}")
            lines.append(f"      html: {html}")
            summary = (node.get("failureSummary") or "").strip()
            for summary_line in summary.splitlines():
                lines.append(f"      {summary_line.rstrip()}")
    return "\n".join(lines)


@pytest.fixture
def axe_violations() -> Callable[..., list[dict[str, Any]]]:
    """``axe_violations(page, tags=AXE_DEFAULT_TAGS, context=None, js_disabled=None) -> violations``."""
    return run_axe


@pytest.fixture(name="format_violations")
def format_violations_fixture() -> Callable[..., str]:
    """``format_violations(violations) -> str`` for assertion messages."""
    return format_violations
