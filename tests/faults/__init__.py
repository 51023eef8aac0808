"""Fault tests (issue 10): the site on its own PostgreSQL, Redis and SMTP sink, each stopped on purpose."""
