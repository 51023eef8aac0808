"""Tests of the site project: settings, languages, page shell, chrome and demo content."""
