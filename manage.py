#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Production settings unless told otherwise: `make` targets choose dev or test explicitly.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
