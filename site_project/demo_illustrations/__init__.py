"""The demo's illustrations: a flat picture for each campaign and story, drawn with Pillow from its title.

``draw_illustration(title)`` picks a motif from words in the (English) title — 25 November, Songkran, Mother's
Day, 30 July, a story's voice, a petition — or takes ``motif=``, and falls back to the coalition. The same title
always gives the same bytes; ``demo_alt(title)`` describes the drawing in Thai and English for people who cannot
see it (the image's title is not a description).
"""

import hashlib
import io

from .motifs import BACKGROUNDS, MOTIFS
from .shapes import BRAND, HEIGHT, WIDTH, Canvas, Colour

__all__ = ["HEIGHT", "ILLUSTRATED", "MOTIFS", "WIDTH", "demo_alt", "draw_illustration", "motif_for"]

FALLBACK = "coalition"
# In the file name of every stored illustration, to tell it from a picture made before them.
ILLUSTRATED = "illustration"

# Words in a title (lower case) and the motif they call for, the first match winning.
KEYWORDS = (
    (("25 november", "16 days", "orange the world", "elimination of violence"), "november"),
    (("songkran",), "songkran"),
    (("mother",), "mothers_day"),
    (("30 july", "trafficking", "border"), "july_30"),
    (("dress", "clothes"), "dress"),
    (("survivor", "healing", "recover"), "survivor"),
    (("influencer", "tiktok", "online", "social media"), "influencer"),
    (("voice", "speak", "story", "stories"), "voice"),
    (("petition", "policy", "ministry", "ban", "law", "sign"), "petition"),
)

ALT_TEXT = {
    "november": {
        "th": "ภาพวาด ริบบิ้นสีส้มกลางวงมือที่ยกขึ้นแบมือสีส้ม บนพื้นสีม่วง สัญลักษณ์ 16 วันแห่งการรณรงค์ยุติความรุนแรงต่อผู้หญิง",
        "en": "Drawing: an orange ribbon among raised open orange hands on purple, the sign of the 16 Days of "
        "Activism against violence against women.",
    },
    "songkran": {
        "th": "ภาพวาด ขันน้ำเงิน ละอองน้ำ และดอกมะลิ ข้างมือที่ยกห้ามในวงกลมสีแดง หมายถึงเล่นน้ำได้ ลวนลามไม่ได้",
        "en": "Drawing: a silver water bowl, splashes and jasmine beside a raised hand in a red no-sign: splash "
        "water, not hands.",
    },
    "mothers_day": {
        "th": "ภาพวาด พวงมาลัยดอกมะลิเหนือแม่ที่โอบกอดลูก เป็นรูปทรงเรียบง่ายบนพื้นสีฟ้า",
        "en": "Drawing: a jasmine garland above a mother holding her child, in simple shapes on light blue.",
    },
    "july_30": {
        "th": "ภาพวาด หัวใจสีน้ำเงินเหนือแม่น้ำชายแดนและรั้วที่ประตูเปิดอยู่ สัญลักษณ์การต่อต้านการค้ามนุษย์",
        "en": "Drawing: a blue heart over a border river and a fence with its gate open, the sign of the fight "
        "against human trafficking.",
    },
    "dress": {
        "th": "ภาพวาด ราวตากผ้าที่มีเสื้อผ้าหลายแบบหลายสี กับกรอบคำพูดที่มีมือยกห้าม เสื้อผ้าไม่ใช่ข้ออ้าง",
        "en": "Drawing: a washing line of clothes of every kind and colour, and a speech bubble with a raised "
        "hand: clothes are no excuse.",
    },
    "voice": {
        "th": "ภาพวาด กรอบคำพูดขนาดใหญ่ข้างไมโครโฟน บนพื้นสีม่วง การส่งเสียงของผู้รอดพ้น",
        "en": "Drawing: a large speech bubble beside a microphone on purple, for survivors speaking up.",
    },
    "survivor": {
        "th": "ภาพวาด เงาคนมองจากด้านหลังยกมือทักทายแสงอาทิตย์ยามเช้าเหนือเนินเขา ไม่เห็นใบหน้า",
        "en": "Drawing: a person seen from behind, hand raised to a sunrise over the hills; no face is shown.",
    },
    "influencer": {
        "th": "ภาพวาด โทรศัพท์มือถือที่เปิดวิดีโอ มีหัวใจและความคิดเห็นลอยขึ้นมา การส่งเสียงทางออนไลน์",
        "en": "Drawing: a phone playing a video, with hearts and comments rising from it: speaking up online.",
    },
    "petition": {
        "th": "ภาพวาด เอกสารข้อเสนอที่มีลายมือชื่อเต็มหน้าพร้อมเครื่องหมายถูก หน้าอาคารกระทรวงที่มีธงชาติไทย",
        "en": "Drawing: a demand covered in signatures with a tick, in front of a ministry building flying the "
        "Thai flag.",
    },
    "coalition": {
        "th": "ภาพวาด ผู้คนหลากสียืนเรียงกันใต้รูปหัวใจ ภาคีเครือข่ายที่ทำงานร่วมกัน",
        "en": "Drawing: people of many colours standing side by side under a heart: partners working together.",
    },
}


def motif_for(title: str) -> str:
    """The motif a title calls for, by its words; the coalition when none matches."""
    words = title.lower()
    for keywords, motif in KEYWORDS:
        if any(keyword in words for keyword in keywords):
            return motif
    return FALLBACK


def draw_illustration(title: str, *, motif: str | None = None, colour: Colour = BRAND) -> bytes:
    """A 1200 × 630 PNG of ``motif`` (or the title's), varied a little by the title, with ``colour`` where the
    motif has no colour of its own (the coalition's heart); the same bytes every time."""
    motif = motif or motif_for(title)
    seed = hashlib.sha256(title.encode()).hexdigest()
    canvas = Canvas(BACKGROUNDS[motif], seed, accent=colour)
    MOTIFS[motif](canvas)
    output = io.BytesIO()
    canvas.finish().save(output, format="PNG", compress_level=1)
    return output.getvalue()


def demo_alt(title: str, *, motif: str | None = None) -> dict[str, str]:
    """The drawing for ``title`` (or ``motif``) described in Thai and English, by language code."""
    return dict(ALT_TEXT[motif or motif_for(title)])
