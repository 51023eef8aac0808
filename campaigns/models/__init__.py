"""Campaign themes, campaign pages and their index (``pages``), and RSVPs to campaign events (``rsvps``)."""

from .pages import CampaignIndexPage, CampaignPage, CampaignTheme, themes_by_key
from .rsvps import EventRSVP

__all__ = ["CampaignIndexPage", "CampaignPage", "CampaignTheme", "EventRSVP", "themes_by_key"]
