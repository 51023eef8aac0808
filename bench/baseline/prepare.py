"""``python -m bench.baseline.prepare [count]``: create the baseline table, or print its row count."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.baseline.settings")
django.setup()

from bench.baseline import views  # noqa: E402

if __name__ == "__main__":
    if sys.argv[1:] == ["count"]:
        print(views.count_rows())
    else:
        views.create_table()
