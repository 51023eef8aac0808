"""A sort key that puts Thai names in dictionary order when a database sorts it as plain text.

Unicode already lists Thai consonants in alphabetical order, so code-point order is nearly right.
Two rules of the Royal Institute dictionary need help:

* a leading vowel (เ แ โ ใ ไ) is written first but sorted by the consonant that follows it, so
  ``เชียงราย`` files under ช, after ``ชุมพร``;
* tone marks and the silencer (่ ้ ๊ ๋ ์ ็) are ignored at the first level and only break ties.

``thai_sort_key`` returns a string: the first-level key, a separator, then the tone marks in order.
"""

LEADING_VOWELS = frozenset("เแโใไ")
TONE_MARKS = frozenset("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
# Below every printable character, so a name that is a prefix of another sorts first.
SEPARATOR = "\u0001"
MAX_LENGTH = 255


def thai_sort_key(text: str) -> str:
    """Return a key for ``text`` that sorts in Thai dictionary order as a plain string."""
    chars = list(text.strip().casefold())
    primary: list[str] = []
    tones: list[str] = []
    index = 0
    while index < len(chars):
        char = chars[index]
        if char in LEADING_VOWELS and index + 1 < len(chars) and "\u0e01" <= chars[index + 1] <= "\u0e2e":
            primary.extend((chars[index + 1], char))
            index += 2
            continue
        if char in TONE_MARKS:
            tones.append(char)
        else:
            primary.append(char)
        index += 1
    return ("".join(primary) + SEPARATOR + "".join(tones))[:MAX_LENGTH]
