"""The ceiling: a bare Django project with two views, served by the same gunicorn as the site.

``ok`` returns a constant; ``insert`` writes one row per request into ``bench_baseline_hit`` on the same
database engine as the site (a file of its own on SQLite, the bench database on PostgreSQL). No
middleware, no templates, no sessions: what is left is Django's request handling and one INSERT.
"""
