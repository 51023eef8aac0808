"""The Phakhi test suite: plain pytest functions, personas and fixtures from conftest.py."""
