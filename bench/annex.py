"""The signer annex of the delivery dossier, timed: ``python -m bench.annex petition PK`` or ``synthetic N``.

* ``petition PK`` (or ``petition largest``, the one with the most): the annex of petition ``PK``'s counted
  signatures, read from the database 2,000 rows at a time (``values_list("name", "province")`` with
  ``.iterator(chunk_size=2000)``), provinces named in Thai by the site's own helper, written to /dev/null;
* ``synthetic N``: the annex of N made-up signers (Thai, Latin, Burmese and Khmer names drawn from syllables, so
  most are distinct and the shaping cache does not hide the work), so the writer is measured at full size even
  when the database holds the demo's few signatures.

Each prints one JSON line: rows, pages, seconds, the resident memory before writing, its peak while writing
(sampled every 50 ms) and the growth between them, against the targets (``TARGET_SECONDS`` for 500,000 rows,
and "flat": less than ``TARGET_GROWTH_MIB`` of growth however many rows). Run with the site's settings, as
``bench/run.py`` runs ``bench.probe``; ``measure`` and ``synthetic_rows`` also work from a shell.
"""

import json
import os
import random
import sys
import threading
import time
from collections.abc import Iterable, Iterator

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
django.setup()

from django.apps import apps  # noqa: E402
from django.db.models import Count  # noqa: E402

from advocacy.dossiers.annex import write_annex  # noqa: E402
from site_project import provinces  # noqa: E402

TARGET_SECONDS = 120.0  # for the 500,000-signature annex (about 10,000 pages), on the bench machine
TARGET_GROWTH_MIB = 50.0  # "flat": resident memory grows less than this while writing, whatever the size
FULL_SIZE = 500_000
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
HEADING = "ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก"

THAI_SYLLABLES = [
    "สม",
    "ชาย",
    "หญิง",
    "มา",
    "ลี",
    "วิ",
    "ไล",
    "ประ",
    "เสริฐ",
    "กาญ",
    "จนา",
    "อรุ",
    "ณี",
    "ธน",
    "พล",
    "ศิ",
    "ริ",
    "พร",
    "ณัฐ",
    "วุฒิ",
    "น้ำ",
    "ฝน",
    "ทอง",
    "คำ",
    "แก้ว",
    "มณี",
    "บุญ",
    "ใจ",
    "ดี",
    "รัก",
    "ไทย",
    "ศรี",
    "สุข",
    "วงศ์",
    "ใหญ่",
    "สาย",
    "ปุ๋ย",
    "ฐิ",
    "ติ",
    "ญา",
    "ณิน",
    "เพ็ญ",
    "ศักดิ์",
    "จิ๋ว",
    "เกื้อ",
    "กูล",
    "ฤ",
    "ทัย",
]
LATIN_SYLLABLES = [
    "an",
    "na",
    "ma",
    "ri",
    "jo",
    "hn",
    "li",
    "sa",
    "tom",
    "ben",
    "el",
    "la",
    "kar",
    "en",
    "mül",
    "ler",
    "ste",
    "fan",
    "ro",
    "sé",
    "dav",
    "id",
    "no",
    "ah",
]
BURMESE_SYLLABLES = [
    "မြ",
    "န်",
    "မာ",
    "ကြေး",
    "အောင်",
    "ဆန်း",
    "စု",
    "ကြည်",
    "မင်း",
    "ထွန်း",
    "ခင်",
    "မြင့်",
    "သိ",
    "န်း",
    "ဝင်း",
    "နွယ်",
    "ဇော်",
    "ဦး",
]
KHMER_SYLLABLES = [
    "ស្រី",
    "ពេជ្រ",
    "សុ",
    "ខា",
    "ចាន់",
    "ធី",
    "វណ្ណ",
    "ដា",
    "រ៉ា",
    "សុខ",
    "គា",
    "ម៉ៅ",
    "ភ័ក្ត្រ",
    "បុប្ផា",
    "ច័ន្ទ",
]
PROVINCE_SAMPLE = ("chiang-rai", "bangkok", "chiang-mai", "khon-kaen", "songkhla", "outside-th")


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_SIZE / 1024 / 1024


class _PeakSampler(threading.Thread):
    """Resident memory every 50 ms in the background: the peak while the annex is written."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = _rss_mib()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, _rss_mib())


def measure(rows: Iterable[tuple[str, str]], *, heading: str = HEADING, language: str = "th") -> dict:
    """Write the annex of ``rows`` to /dev/null: pages, seconds and memory, against the targets."""

    counted = _Counter(rows)
    before = _rss_mib()
    sampler = _PeakSampler()
    sampler.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    with open(os.devnull, "wb") as sink:
        pages = write_annex(counted, sink, heading=heading, language=language)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    sampler.done.set()
    sampler.join()
    peak = max(sampler.peak, _rss_mib())
    growth = peak - before
    rows = counted.count
    return {
        "rows": rows,
        "pages": pages,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(
            cpu_seconds, 1
        ),  # on a shared machine, the part of ``seconds`` that was this process
        "rows_per_s": round(rows / seconds) if seconds else None,
        # A few rows take the fonts' fixed cost: only a large run says much about 500,000.
        "seconds_at_500000": round(seconds * FULL_SIZE / rows, 1) if rows >= FULL_SIZE // 10 else None,
        "rss_before_mib": round(before, 1),
        "rss_peak_mib": round(peak, 1),
        "growth_mib": round(growth, 1),
        "target": f"< {TARGET_SECONDS:g} s for 500,000 rows, < {TARGET_GROWTH_MIB:g} MiB growth",
        "met": seconds < TARGET_SECONDS * max(1.0, rows / FULL_SIZE) and growth < TARGET_GROWTH_MIB,
    }


class _Counter:
    def __init__(self, rows: Iterable[tuple[str, str]]):
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for row in self.rows:
            self.count += 1
            yield row


def synthetic_rows(count: int, *, seed: int = 13) -> Iterator[tuple[str, str]]:
    """``count`` made-up (name, province label) pairs: 70% Thai, 15% Latin, 8% Burmese, 7% Khmer names."""

    rng = random.Random(seed)
    labels = [provinces.name(code, "th") for code in PROVINCE_SAMPLE]
    for _ in range(count):
        draw = rng.random()
        if draw < 0.70:
            parts, space = THAI_SYLLABLES, " "
        elif draw < 0.85:
            parts, space = LATIN_SYLLABLES, " "
        elif draw < 0.93:
            parts, space = BURMESE_SYLLABLES, " "
        else:
            parts, space = KHMER_SYLLABLES, " "
        first = "".join(rng.choice(parts) for _ in range(rng.randint(1, 3)))
        last = "".join(rng.choice(parts) for _ in range(rng.randint(2, 3)))
        name = f"{first}{space}{last}"
        yield (name.title() if parts is LATIN_SYLLABLES else name), rng.choice(labels)


def petition_rows(pk: int, *, language: str = "th") -> tuple[int, Iterator[tuple[str, str]]]:
    """The counted signatures of petition ``pk`` as (name, province label), 2,000 rows a database round trip."""

    signature = apps.get_model("petitions", "Signature")
    counted = signature.objects.confirmed().filter(petition_id=pk).order_by("pk")
    labels = provinces.names_in(language)
    rows = counted.values_list("name", "province").iterator(chunk_size=2000)
    return counted.count(), ((name, labels.get(code, code)) for name, code in rows)


def largest_petition() -> int | None:
    """The petition with the most counted signatures, or None if nobody has signed."""
    signature = apps.get_model("petitions", "Signature")
    largest = (
        signature.objects.confirmed()
        .values("petition")
        .annotate(signers=Count("pk"))
        .order_by("-signers", "petition")
        .first()
    )
    return largest["petition"] if largest else None


def petition(pk: int | None) -> dict:
    if pk is None:
        return {"reason": "no petition with signatures"}

    page = apps.get_model("petitions", "PetitionPage").objects.filter(pk=pk).first()
    if page is None:
        return {"reason": f"no petition {pk}"}
    expected, rows = petition_rows(pk)
    result = measure(rows, heading=page.title)
    return {"petition": pk, "counted_signatures": expected, **result}


def main(argv: list[str]) -> None:
    command, argument = argv[1], argv[2]
    if command == "petition":
        result = petition(largest_petition() if argument == "largest" else int(argument))
    elif command == "synthetic":
        result = measure(synthetic_rows(int(argument)))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
