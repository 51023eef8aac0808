"""Phakhi: the site project and its cross-cutting app (home and standard pages, site settings, chrome)."""
