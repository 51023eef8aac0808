"""WSGI entry point for gunicorn: ``gunicorn site_project.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")

django_application = get_wsgi_application()  # sets Django up: the page cache's modules need the apps loaded

from site_project.lean import LeanPostRoutes  # noqa: E402
from site_project.pagecache.wsgi import PageCacheApplication  # noqa: E402

# Repeat anonymous reads are answered from the page cache before Django builds a request's response; signing
# and confirming take a handler with only the middleware they need (``lean``).
application = LeanPostRoutes(PageCacheApplication(django_application))

# What is loaded by now (Django, Wagtail, the apps and their models) lives as long as the process: keep it
# out of the collector's passes, which otherwise rescan all of it after a view that allocates a lot (the
# dashboard at full size lost about 90 ms on two requests in three to them, in the benchmark's profile).
gc.freeze()
