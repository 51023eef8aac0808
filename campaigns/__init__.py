"""Campaigns: yearly campaigns on key dates, their events and RSVPs, and the Thai-aware site search."""
