"""One painter per motif: each draws a flat illustration on a ``Canvas``, keeping what matters in the middle
(cards crop the sides to 16:9) and nothing that could be a real person's face."""

import math

from .shapes import (
    ACCENT,
    BLUE_HEART,
    BRAND,
    BRAND_DARK,
    FOCUS,
    INK,
    LEAF,
    ORANGE,
    PAPER,
    SKIN,
    TINT,
    WATER,
    Canvas,
    band,
    confetti,
    drop,
    hand,
    heart_points,
    jasmine,
    mix,
    person,
    smooth,
)


def november(canvas: Canvas):
    """25 November and the 16 Days: an orange ribbon among raised open hands, on a warm purple."""
    canvas.circle(600, 300, 270, mix(BRAND, ORANGE, 0.18))
    canvas.circle(600, 300, 200, mix(BRAND, ORANGE, 0.32))
    confetti(canvas, [ORANGE, FOCUS, mix(ORANGE, PAPER, 0.4)], 70, size=(3, 7))
    tones = [mix(ORANGE, PAPER, 0.25), ORANGE, mix(ORANGE, ACCENT, 0.35), mix(ORANGE, FOCUS, 0.4)]
    for index, x in enumerate((180, 320, 880, 1020)):
        tilt = (-0.25, -0.1, 0.1, 0.25)[index]
        sleeve = mix(BRAND_DARK, INK, 0.2)
        hand(
            canvas, x, 560 - (index in (1, 2)) * 50, 210, tones[index], tilt, sleeve=sleeve, mirror=index < 2
        )
    path = smooth([(505, 580), (610, 330), (660, 200), (600, 105), (540, 200), (590, 330), (695, 580)], 16)
    half = len(path) // 2
    band(canvas, list(reversed(path[: half + 1])), 62, mix(ORANGE, ACCENT, 0.3), notch=True)
    band(canvas, path[half:], 62, ORANGE, notch=True)
    band(canvas, path[half + 8 : half + 26], 10, mix(ORANGE, FOCUS, 0.45))


def songkran(canvas: Canvas):
    """Songkran: a silver water bowl, splashes and jasmine, and a raised hand saying "no" to groping."""
    canvas.circle(1090, 90, 70, mix(FOCUS, PAPER, 0.3))
    for row, y in enumerate((470, 520, 570)):
        points = [(x, y + 14 * math.sin(x / 70 + row)) for x in range(-20, 1240, 40)]
        canvas.polygon([*points, (1240, 640), (-20, 640)], mix(WATER, BRAND_DARK, row * 0.18))
    for x, y, size in ((330, 150, 16), (420, 95, 11), (250, 230, 12), (500, 180, 9), (380, 260, 8)):
        drop(canvas, x, y, size, mix(WATER, PAPER, 0.1))
    canvas.arc(390, 390, 190, 190, 200, 320, PAPER, 10)
    canvas.arc(390, 390, 150, 150, 215, 300, mix(WATER, PAPER, 0.5), 8)
    silver, shine = (176, 184, 196), (224, 230, 238)
    canvas.pieslice(390, 400, 190, 120, 0, 180, silver)
    canvas.ellipse(390, 400, 190, 34, shine)
    canvas.ellipse(390, 400, 165, 24, mix(WATER, PAPER, 0.2))
    for offset in (-110, -40, 30, 100):
        canvas.circle(390 + offset, 470, 14, shine)
    canvas.rect(330, 510, 450, 530, silver, radius=8)
    for x, y, size in ((220, 420, 28), (560, 430, 24), (470, 350, 18), (300, 355, 20)):
        jasmine(canvas, x, y, size, turn=x / 50)
    canvas.circle(850, 320, 180, PAPER, outline=ACCENT, width=24)
    hand(canvas, 845, 400, 230, ACCENT)


def mothers_day(canvas: Canvas):
    """Mother's Day: a jasmine garland above a mother holding her child, as simple shapes."""
    canvas.circle(600, 700, 420, mix(WATER, PAPER, 0.55))
    canvas.circle(600, 700, 330, mix(WATER, PAPER, 0.35))
    confetti(canvas, [PAPER, mix(WATER, PAPER, 0.6)], 50, size=(3, 6))
    garland = [(150 + step * 18, 45 + 95 * math.sin(math.pi * step / 50)) for step in range(51)]
    canvas.line(garland, LEAF, 4)
    for index, (x, y) in enumerate(garland[::2]):
        jasmine(canvas, x, y, 17 if index % 2 else 13, turn=index)
    for x, y in (garland[10], garland[40]):
        canvas.line([(x, y), (x, y + 70)], mix(LEAF, INK, 0.2), 4)
        canvas.ellipse(x - 16, y + 96, 14, 7, LEAF)
        canvas.ellipse(x + 16, y + 96, 14, 7, LEAF)
        canvas.circle(x, y + 88, 20, ACCENT)
        canvas.circle(x, y + 88, 12, mix(ACCENT, FOCUS, 0.35), outline=ACCENT, width=3)
        for step in range(4):
            canvas.ellipse(x - 9 + step * 6, y + 122 + step % 2 * 6, 5, 10, PAPER)
    mother, child = BRAND, mix(ACCENT, FOCUS, 0.25)
    canvas.polygon([(470, 640), (530, 400), (670, 400), (730, 640)], mother)
    canvas.circle(600, 380, 80, mother)
    canvas.circle(600, 275, 60, mix(SKIN, INK, 0.25))
    canvas.circle(600, 240, 52, mix(BRAND_DARK, INK, 0.5))
    canvas.circle(648, 218, 24, mix(BRAND_DARK, INK, 0.5))
    canvas.ellipse(640, 482, 74, 76, child)
    canvas.circle(640, 380, 42, mix(SKIN, PAPER, 0.1))
    canvas.arc(600, 480, 125, 75, 10, 170, mix(BRAND, PAPER, 0.2), 36)


def july_30(canvas: Canvas):
    """30 July: a blue heart over a river at a border, with the gate standing open."""
    canvas.polygon([(0, 380), (1200, 330), (1200, 630), (0, 630)], mix(LEAF, PAPER, 0.55))
    river = [(x, 470 + 30 * math.sin(x / 160)) for x in range(-20, 1241, 40)]
    canvas.polygon([*river, *[(x, y + 80) for x, y in reversed(river)]], mix(WATER, BLUE_HEART, 0.3))
    canvas.line(river[4:14], mix(WATER, PAPER, 0.5), 5)
    canvas.line([(x, y + 45) for x, y in river[18:28]], mix(WATER, PAPER, 0.5), 5)
    for x in range(60, 380, 70):
        canvas.rect(x, 300, x + 18, 440, mix(INK, TINT, 0.35), radius=4)
    for y in (330, 400):
        canvas.rect(40, y, 400, y + 12, mix(INK, TINT, 0.35), radius=4)
    for x in range(840, 1160, 70):
        canvas.rect(x, 300, x + 18, 440, mix(INK, TINT, 0.35), radius=4)
    for y in (330, 400):
        canvas.rect(820, y, 1180, y + 12, mix(INK, TINT, 0.35), radius=4)
    canvas.rect(440, 250, 470, 450, mix(INK, TINT, 0.2), radius=6)
    canvas.rect(760, 250, 790, 450, mix(INK, TINT, 0.2), radius=6)
    gate = mix(INK, TINT, 0.45)
    canvas.polygon([(470, 270), (560, 320), (560, 460), (470, 430)], gate)
    canvas.polygon([(760, 270), (670, 320), (670, 460), (760, 430)], gate)
    for x0, x1 in ((470, 560), (760, 670)):
        canvas.line([(x0, 330), (x1, 370)], mix(gate, PAPER, 0.35), 8)
    canvas.polygon(heart_points(615, 170, 250), BLUE_HEART)
    canvas.arc(615, 150, 80, 80, 200, 250, mix(BLUE_HEART, PAPER, 0.35), 12)
    confetti(canvas, [mix(BLUE_HEART, PAPER, 0.6), PAPER], 40, area=(0, 0, 1200, 260), size=(3, 6))


def dress(canvas: Canvas):
    """Clothes are no excuse: a washing line of different clothes and a speech bubble with a raised hand."""
    canvas.circle(1000, 120, 260, mix(ACCENT, PAPER, 0.85))
    line = smooth([(60, 130), (600, 200), (1140, 130)], 20)
    canvas.line(line, INK, 4)
    clothes = ((180, ACCENT), (390, FOCUS), (600, BRAND), (810, mix(WATER, BLUE_HEART, 0.4)))
    for index, (x, colour) in enumerate(clothes):
        top = 150 + 50 * math.sin(math.pi * (x - 60) / 1080)
        if index % 2 == 0:
            canvas.polygon([(x - 45, top), (x + 45, top), (x + 100, top + 260), (x - 100, top + 260)], colour)
            canvas.rect(x - 40, top - 10, x + 40, top + 70, colour, radius=18)
        else:
            canvas.polygon(
                [
                    (x - 90, top),
                    (x + 90, top),
                    (x + 125, top + 70),
                    (x + 75, top + 90),
                    (x + 70, top + 230),
                    (x - 70, top + 230),
                    (x - 75, top + 90),
                    (x - 125, top + 70),
                ],
                colour,
            )
        canvas.rect(x - 40, top - 16, x - 26, top + 12, mix(INK, TINT, 0.4), radius=4)
        canvas.rect(x + 26, top - 16, x + 40, top + 12, mix(INK, TINT, 0.4), radius=4)
    canvas.rect(900, 300, 1130, 540, PAPER, radius=40)
    canvas.polygon([(930, 520), (890, 600), (1000, 535)], PAPER)
    hand(canvas, 1015, 475, 150, ACCENT)
    confetti(canvas, [mix(BRAND, PAPER, 0.6), FOCUS], 30, area=(40, 470, 860, 630), size=(3, 6))


def voice(canvas: Canvas):
    """Speaking up: a microphone and a large speech bubble with the sound of many voices."""
    canvas.rect(120, 70, 760, 420, PAPER, radius=60)
    canvas.polygon([(260, 400), (200, 520), (360, 410)], PAPER)
    for index, width in enumerate((400, 320, 360)):
        y = 158 + index * 80
        canvas.circle(215, y, 30, (ORANGE, FOCUS, ACCENT)[index])
        person(canvas, 215, y + 30, 52, mix(BRAND_DARK, INK, 0.2))
        canvas.rect(270, y - 18, 270 + width, y + 18, mix(BRAND, PAPER, 0.2 + index * 0.2), radius=18)
    head = mix(INK, TINT, 0.25)
    canvas.rect(880, 130, 1020, 340, head, radius=70)
    for y in range(170, 320, 26):
        canvas.line([(905, y), (995, y)], mix(head, PAPER, 0.3), 5)
    canvas.arc(950, 290, 110, 110, 0, 180, FOCUS, 16)
    canvas.rect(942, 400, 958, 540, FOCUS)
    canvas.rect(880, 530, 1020, 556, FOCUS, radius=12)
    for radius in (170, 220):
        canvas.arc(950, 235, radius, radius, 300, 360, mix(FOCUS, PAPER, 0.3), 8)
        canvas.arc(950, 235, radius, radius, 0, 60, mix(FOCUS, PAPER, 0.3), 8)
    confetti(canvas, [FOCUS, mix(ACCENT, PAPER, 0.3)], 40, area=(0, 450, 800, 630))


def survivor(canvas: Canvas):
    """A survivor seen from behind, looking at a sunrise over the hills: never a face."""
    for index, radius in enumerate((430, 340, 250)):
        canvas.circle(600, 420, radius, mix(mix(ORANGE, FOCUS, 0.55), PAPER, 0.2 + index * 0.25))
    for index, (x, height) in enumerate(((150, 170), (520, 130), (950, 190))):
        canvas.ellipse(x, 560, 420, height, mix(BRAND, LEAF, 0.3 + index * 0.15))
    canvas.rect(0, 540, 1200, 630, mix(BRAND_DARK, LEAF, 0.2))
    body = mix(BRAND_DARK, INK, 0.35)
    canvas.pieslice(600, 640, 150, 220, 180, 360, body)
    canvas.rect(575, 380, 625, 440, body, radius=10)
    canvas.circle(600, 340, 66, body)
    canvas.circle(600, 272, 30, body)
    canvas.line([(470, 560), (420, 470), (450, 400)], body, 30)
    hand(canvas, 455, 395, 80, body, tilt=0.2)


def influencer(canvas: Canvas):
    """Speaking up online: a phone with a video, hearts and comments rising from it."""
    canvas.circle(600, 315, 260, mix(BRAND, PAPER, 0.82))
    canvas.rect(470, 60, 730, 600, INK, radius=40)
    canvas.rect(488, 100, 712, 560, mix(BRAND, ORANGE, 0.35), radius=18)
    canvas.circle(600, 270, 70, mix(FOCUS, PAPER, 0.2))
    person(canvas, 600, 560, 260, BRAND_DARK)
    canvas.polygon([(575, 240), (575, 300), (630, 270)], PAPER)
    for x, y, size, colour in ((800, 180, 70, ACCENT), (880, 330, 46, ORANGE), (780, 440, 36, ACCENT)):
        canvas.polygon(heart_points(x, y, size), colour)
    for x, y, width in ((170, 150, 230), (220, 290, 200), (150, 430, 240)):
        canvas.rect(x, y, x + width, y + 80, PAPER, radius=24)
        canvas.rect(x + 24, y + 22, x + width - 40, y + 38, mix(BRAND, PAPER, 0.4), radius=8)
        canvas.rect(x + 24, y + 48, x + width - 90, y + 62, mix(BRAND, PAPER, 0.6), radius=7)


def petition(canvas: Canvas):
    """A policy demand: a document full of signatures in front of a ministry building with the Thai flag."""
    stone, shade = mix(TINT, FOCUS, 0.3), mix(BLUE_HEART, INK, 0.45)
    canvas.rect(600, 215, 1100, 485, mix(shade, PAPER, 0.2))
    canvas.polygon([(560, 190), (850, 80), (1140, 190)], stone)
    canvas.polygon([(640, 175), (850, 105), (1060, 175)], mix(stone, INK, 0.12))
    canvas.rect(580, 190, 1120, 220, shade)
    for x in range(610, 1100, 80):
        canvas.rect(x, 225, x + 36, 480, stone, radius=6)
    for index, y in enumerate((480, 505, 530)):
        canvas.rect(570 - index * 20, y, 1130 + index * 20, y + 25, mix(stone, INK, 0.08 * index))
    for index, colour in enumerate((ACCENT, PAPER, BLUE_HEART, BLUE_HEART, PAPER, ACCENT)):
        canvas.rect(850, 20 + index * 8, 930, 28 + index * 8, colour)
    canvas.line([(850, 20), (850, 90)], INK, 3)
    canvas.rect(120, 60, 520, 600, PAPER, radius=12)
    canvas.rect(160, 100, 420, 124, BRAND, radius=8)
    for y in range(150, 230, 28):
        canvas.rect(160, y, 480, y + 10, mix(INK, PAPER, 0.75), radius=5)
    colours = (BRAND, ACCENT, BLUE_HEART, INK, LEAF, BRAND_DARK)
    for row, y in enumerate(range(270, 560, 48)):
        start, loops, pace = 175 + canvas.random.randint(0, 70), 3 + row % 3, 6 + row % 3
        signature = [
            (start + pace * t - 12 * math.sin(t), y - (22 if t < math.pi else 11) * math.cos(t))
            for t in (step * 0.25 for step in range(int(loops * 2 * math.pi / 0.25)))
        ]
        canvas.line([*signature, (signature[-1][0] + 40, y - 20)], colours[row % len(colours)], 4)
        canvas.rect(160, y + 20, 480, y + 22, mix(INK, PAPER, 0.85))
    canvas.circle(470, 560, 60, ACCENT)
    canvas.line([(440, 560), (462, 582), (502, 536)], PAPER, 12)


def coalition(canvas: Canvas):
    """The coalition: people of many colours standing together under one heart."""
    canvas.circle(600, 330, 280, mix(BRAND, PAPER, 0.85))
    confetti(canvas, [FOCUS, mix(BRAND, PAPER, 0.5), ORANGE], 50)
    canvas.polygon(heart_points(600, 170, 150), canvas.accent)
    colours = (BRAND, ORANGE, mix(WATER, BLUE_HEART, 0.4), LEAF, FOCUS, ACCENT, BRAND_DARK)
    for index, x in enumerate(range(240, 1000, 120)):
        person(canvas, x, 640, 300 + 40 * (index % 2), colours[index % len(colours)])


MOTIFS = {
    "november": november,
    "songkran": songkran,
    "mothers_day": mothers_day,
    "july_30": july_30,
    "dress": dress,
    "voice": voice,
    "survivor": survivor,
    "influencer": influencer,
    "petition": petition,
    "coalition": coalition,
}

BACKGROUNDS = {
    "november": BRAND,
    "songkran": mix(WATER, PAPER, 0.78),
    "mothers_day": mix(WATER, PAPER, 0.8),
    "july_30": mix(BLUE_HEART, PAPER, 0.82),
    "dress": TINT,
    "voice": mix(BRAND, BRAND_DARK, 0.3),
    "survivor": mix(ORANGE, FOCUS, 0.55),
    "influencer": TINT,
    "petition": mix(BLUE_HEART, PAPER, 0.85),
    "coalition": TINT,
}
