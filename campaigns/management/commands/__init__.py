"""rebuild_site_search."""
