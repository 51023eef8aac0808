"""The coalition's mark: three partners joined in one circle of work, drawn from one set of shapes.

The same shapes give the favicon (``static/img/favicon.svg`` and the PNGs ``bin/draw-icons`` writes) and the
corner of every share card, so the tab, the home-screen icon and a shared link all look alike. Coordinates are on
a 64-unit square; colours are the site's (``static/css/site.css``: ``--brand``, ``--focus``).
"""

from PIL import Image, ImageDraw

BRAND = "#5b2a86"
BRAND_DARK = "#3f1d5e"
ACCENT = "#ffbf47"
WHITE = "#ffffff"
TINT = "#f4f1fa"

UNITS = 64
CORNER = 14
NODES = ((32, 20), (19, 43), (45, 43))  # the top partner first: it carries the accent colour
NODE_RADIUS = 8
LINK_WIDTH = 5


def mark_svg() -> str:
    """The mark as an SVG document (the favicon)."""
    (top_x, top_y), (left_x, left_y), (right_x, right_y) = NODES
    links = f"M{top_x} {top_y}L{left_x} {left_y}L{right_x} {right_y}Z"
    nodes = "".join(
        f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS}" fill="{ACCENT if index == 0 else WHITE}"/>'
        for index, (x, y) in enumerate(NODES)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {UNITS} {UNITS}">'
        f'<rect width="{UNITS}" height="{UNITS}" rx="{CORNER}" fill="{BRAND}"/>'
        f'<path d="{links}" fill="none" stroke="{WHITE}" stroke-width="{LINK_WIDTH}" stroke-linejoin="round"/>'
        f"{nodes}</svg>\n"
    )


def mark_image(size: int, *, background: str = BRAND, rounded: bool = True) -> Image.Image:
    """The mark as a ``size`` × ``size`` RGBA image, drawn four times larger and scaled down for smooth edges."""
    scale = size * 4 / UNITS
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    if rounded:
        draw.rounded_rectangle(
            (0, 0, size * 4 - 1, size * 4 - 1), radius=round(CORNER * scale), fill=background
        )
    else:
        draw.rectangle((0, 0, size * 4, size * 4), fill=background)
    points = [(x * scale, y * scale) for x, y in NODES]
    draw.line([*points, points[0]], fill=WHITE, width=round(LINK_WIDTH * scale), joint="curve")
    radius = NODE_RADIUS * scale
    for index, (x, y) in enumerate(points):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=ACCENT if index == 0 else WHITE)
    return big.resize((size, size), Image.Resampling.LANCZOS)
