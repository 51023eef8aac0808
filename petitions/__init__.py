"""Petitions: pages, signing, confirmation, counting that survives a viral surge, and the signers' privacy."""
