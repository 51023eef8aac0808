"""The site search: Thai, Khmer, Burmese and English, matched and ranked by the database.

Each domain registers the page types it contributes in its ``AppConfig.ready()`` (``registry.py``); ``text.py``
normalises text and cuts it into index keys; ``index.py`` keeps the index in step (``signals.py``, and the
``rebuild_site_search`` command); ``fulltext.py`` matches and ranks in SQLite FTS5 or PostgreSQL;
``query.py`` reads a query and pages through its results; ``views.py`` serves ``/<language>/search/?q=``.
"""
