"""Template context shared by every page."""

from . import holes


def csrf_hole(request) -> dict:
    """In a render for the shared page cache, ``{% csrf_token %}`` prints a hole filled per response.

    Listed after Django's own CSRF processor, whose lazy token it replaces only in such renders.
    """
    marker = holes.marker(request, holes.CSRF)
    return {"csrf_token": marker} if marker else {}
