"""Click-to-load video: a plain link until the reader asks for the player.

Nothing is requested from YouTube or Vimeo when the page loads. The page shows a link to the video (which
works without JavaScript); ``static/js/video.js`` swaps in a privacy-enhanced player when clicked. A page
that shows a video adds these hosts as frame sources to its Content-Security-Policy (``allow_players``).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from csp.decorators import csp_update

EMBED_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
PLAYER_CSP = {"frame-src": list(EMBED_HOSTS)}
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@dataclass(frozen=True)
class Video:
    url: str
    provider: str
    embed_url: str

    @property
    def can_embed(self) -> bool:
        return bool(self.embed_url)


def youtube_id(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    candidate = ""
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if _YOUTUBE_ID.match(candidate or "") else ""


def vimeo_id(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    if host not in {"vimeo.com", "player.vimeo.com"}:
        return ""
    digits = [segment for segment in parts.path.split("/") if segment.isdigit()]
    return digits[0] if digits else ""


def video_for(url: str) -> Video | None:
    """What the template needs to show a video: the link, who hosts it, and the player address if known."""
    if not url:
        return None
    if video_id := youtube_id(url):
        return Video(url, "YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1")
    if video_id := vimeo_id(url):
        return Video(url, "Vimeo", f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1")
    host = urlsplit(url).netloc.removeprefix("www.")
    return Video(url, host, "")


def allow_players(response):
    """Let this response frame the players: django-csp's ``csp_update`` for a page that shows a video.

    A page decides only as it serves whether it shows one, so the decorator is applied to its response here.
    """
    return csp_update(PLAYER_CSP)(lambda: response)()
