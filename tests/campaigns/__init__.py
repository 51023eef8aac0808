"""Campaigns: pages and blocks, RSVPs, copying to a new year, listings, feeds, search and SEO."""
