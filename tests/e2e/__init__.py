"""Browser (end-to-end) tests for Phakhi.

These tests drive Debian's Chromium (``/usr/bin/chromium``, installed by
``bin/install-chromium``) through Playwright's sync API against pytest-django's
``live_server``, and check pages with axe-core.  Every test collected from this
package is marked ``browser`` automatically (see ``conftest.py``), so they can be
selected with ``-m browser`` or excluded with ``-m "not browser"``.
"""
