"""Flat drawing primitives for the demo's illustrations, on a canvas drawn at twice the size and shrunk.

Coordinates are given at the final size (1200 × 630); the canvas scales them, so edges come out smooth.
"""

import functools
import math
import random

from PIL import Image, ImageChops, ImageDraw

WIDTH, HEIGHT = 1200, 630
SCALE = 2

# The site's palette (static/css/site.css) and the motifs' own colours.
INK = (29, 29, 31)
PAPER = (255, 255, 255)
TINT = (244, 241, 250)
BRAND = (91, 42, 134)
BRAND_DARK = (63, 29, 94)
ACCENT = (179, 38, 30)
FOCUS = (255, 191, 71)
ORANGE = (245, 130, 32)  # UN Women's "Orange the World"
BLUE_HEART = (31, 90, 166)  # the Blue Heart campaign against human trafficking
WATER = (42, 159, 214)
LEAF = (76, 140, 74)
SKIN = (200, 140, 100)

Colour = tuple[int, int, int]


def mix(colour: Colour, other: Colour, share: float) -> Colour:
    """``colour`` moved ``share`` (0 to 1) of the way towards ``other``."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


class Canvas:
    """A picture being drawn: flat shapes at final-size coordinates, finished with a soft paper grain."""

    def __init__(self, background: Colour, seed: str, accent: Colour = BRAND):
        self.accent = accent
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)
        self.random = random.Random(seed)  # noqa: S311  (a drawing, reproducible on purpose)

    @staticmethod
    def _xy(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def ellipse(self, cx, cy, rx, ry, fill, outline=None, width=0):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.draw.ellipse(box, fill=fill, outline=outline, width=width * SCALE)

    def circle(self, cx, cy, r, fill, outline=None, width=0):
        self.ellipse(cx, cy, r, r, fill, outline, width)

    def rect(self, x0, y0, x1, y1, fill, radius=0, outline=None, width=0):
        box = [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]
        self.draw.rounded_rectangle(
            box, radius=radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def line(self, points, fill, width):
        """A thick line with round ends and joints."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * SCALE), joint="curve")
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def arc(self, cx, cy, rx, ry, start, end, fill, width):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.draw.arc(box, start, end, fill=fill, width=round(width * SCALE))

    def pieslice(self, cx, cy, rx, ry, start, end, fill):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.draw.pieslice(box, start, end, fill=fill)

    def finish(self) -> Image.Image:
        """The picture at its final size, with a faint printed-dot texture over everything."""
        return ImageChops.multiply(self.image.reduce(SCALE), _texture())


@functools.cache
def _texture() -> Image.Image:
    """A grid of faint dots, every other row shifted, like a risograph print (made once, the same every time)."""
    tile = Image.new("L", (8, 8), 255)
    dots = ImageDraw.Draw(tile)
    dots.rectangle([1, 1, 2, 2], fill=236)
    dots.rectangle([5, 5, 6, 6], fill=236)
    texture = Image.new("L", (WIDTH, HEIGHT))
    for x in range(0, WIDTH, 8):
        for y in range(0, HEIGHT, 8):
            texture.paste(tile, (x, y))
    return Image.merge("RGB", (texture, texture, texture))


def smooth(points, steps=12):
    """A Catmull-Rom curve through ``points``, as many points along it."""
    padded = [points[0], *points, points[-1]]
    curve = []
    for index in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[index - 1 : index + 3]
        for step in range(steps):
            t = step / steps
            curve.append(
                tuple(
                    0.5
                    * (
                        2 * b
                        + (-a + c) * t
                        + (2 * a - 5 * b + 4 * c - d) * t * t
                        + (-a + 3 * b - 3 * c + d) * t**3
                    )
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    curve.append(points[-1])
    return curve


def heart_points(cx, cy, size):
    """A heart ``size`` wide, centred on (cx, cy)."""
    points = []
    for step in range(72):
        t = step / 72 * 2 * math.pi
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((cx + x * size / 34, cy - y * size / 34))
    return points


def hand(canvas: Canvas, cx, cy, size, fill, tilt=0.0, sleeve=None, mirror=False):
    """A raised open hand, palm towards us, ``size`` tall from wrist to fingertips, leaning ``tilt`` radians;
    its thumb to the right, or to the left if ``mirror``."""
    unit = size / 10

    def at(dx, dy):
        dx, dy = dx * unit * (-1 if mirror else 1), dy * unit
        return (
            cx + dx * math.cos(tilt) - dy * math.sin(tilt),
            cy + dx * math.sin(tilt) + dy * math.cos(tilt),
        )

    canvas.line([at(0, 0.4), at(0, 2.4)], fill, unit * 3.2)
    canvas.polygon([at(-2.0, 0.5), at(2.0, 0.5), at(2.45, -3.9), at(-2.45, -3.9)], fill)
    canvas.line([at(-1.5, 0.2), at(1.5, 0.2)], fill, unit * 1.2)
    for offset, length in ((-1.8, 3.2), (-0.6, 4.0), (0.6, 4.2), (1.8, 3.5)):
        canvas.line([at(offset, -3.6), at(offset * 1.12, -3.6 - length)], fill, unit * 1.12)
    canvas.line([at(1.7, -0.6), at(3.9, -3.4)], fill, unit * 1.2)
    if sleeve is not None:
        canvas.polygon([at(-2.1, 1.8), at(2.1, 1.8), at(2.6, 9), at(-2.6, 9)], sleeve)


def band(canvas: Canvas, points, width, fill, notch=False):
    """A flat ribbon ``width`` wide along ``points``, cut square at both ends (with a V notch if ``notch``)."""
    left, right = [], []
    for index, (x, y) in enumerate(points):
        (x0, y0), (x1, y1) = points[max(index - 1, 0)], points[min(index + 1, len(points) - 1)]
        length = math.hypot(x1 - x0, y1 - y0) or 1
        nx, ny = -(y1 - y0) / length * width / 2, (x1 - x0) / length * width / 2
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    ends = []
    if notch:
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = math.hypot(x1 - x0, y1 - y0) or 1
        ends = [(x1 - (x1 - x0) / length * width * 0.45, y1 - (y1 - y0) / length * width * 0.45)]
    canvas.polygon([*left, *ends, *reversed(right)], fill)


def drop(canvas: Canvas, cx, cy, size, fill):
    """A falling drop of water, point up."""
    canvas.circle(cx, cy, size, fill)
    canvas.polygon(
        [(cx - size * 0.92, cy - size * 0.4), (cx, cy - size * 2.4), (cx + size * 0.92, cy - size * 0.4)],
        fill,
    )


def jasmine(canvas: Canvas, cx, cy, size, turn=0.0):
    """A jasmine flower: five white petals round a pale green heart."""
    for petal in range(5):
        angle = turn + petal * 2 * math.pi / 5
        canvas.ellipse(
            cx + math.cos(angle) * size * 0.55,
            cy + math.sin(angle) * size * 0.55,
            size * 0.5,
            size * 0.5,
            PAPER,
        )
    canvas.circle(cx, cy, size * 0.28, (214, 226, 160))


def person(canvas: Canvas, cx, base, height, fill):
    """A person as two shapes, head and shoulders, seen from the front or behind (no face)."""
    head = height * 0.2
    canvas.pieslice(cx, base, height * 0.36, height * 0.55, 180, 360, fill)
    canvas.circle(cx, base - height * 0.55 - head * 1.15, head, fill)


def confetti(canvas: Canvas, colours, count, area=(0, 0, WIDTH, HEIGHT), size=(4, 9)):
    """Small dots scattered by the canvas's seed, so each item's picture differs a little from its siblings'."""
    x0, y0, x1, y1 = area
    for _ in range(count):
        colour = canvas.random.choice(colours)
        x, y = canvas.random.uniform(x0, x1), canvas.random.uniform(y0, y1)
        canvas.circle(x, y, canvas.random.uniform(*size), colour)
