"""The ``<id:…>`` path converter: a database id, bounded before it reaches the database.

``<int:…>`` matches any run of digits, and an id past 2**63 - 1 made SQLite raise ``OverflowError`` (a 500)
instead of finding nothing. ``<id:…>`` matches 1 to 18 digits, or 19 up to the largest signed 64-bit
integer; anything else does not match, so the request is a 404 like any other unknown address.

Registered once, by ``SiteProjectConfig.ready``, before any URLconf is imported.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("id out of range")  # Django treats a ValueError here as "no match"
        return number

    def to_url(self, value) -> str:
        return str(int(value))


def register() -> None:
    register_converter(IdConverter, "id")
