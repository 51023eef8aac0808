"""Tests for the petitions app: signing, confirming, counting under load, abuse defences, privacy, the API."""
