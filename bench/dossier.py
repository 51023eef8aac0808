"""The delivery dossier itself, timed: ``python -m bench.dossier PK`` or ``python -m bench.dossier largest``.

Makes the dossier of petition ``PK`` (Thai and English, no signer annex: ``bench/annex.py`` times that) the way
the worker does (``advocacy.dossiers.services.build_dossier``: totals from the tallies, the keyed digest over every
signature, streamed, and the PDF through WeasyPrint), and prints one JSON line: signatures digested, seconds,
PDF size and memory, against the target ("in seconds at any size": ``TARGET_SECONDS``). The dossier row and
its file are deleted afterwards. Run with the site's settings, as ``bench/run.py`` runs ``bench.probe``.
"""

import json
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.base")
django.setup()

from advocacy.dossiers.models import Dossier  # noqa: E402
from advocacy.dossiers.services import build_dossier  # noqa: E402

from .annex import _PeakSampler, _rss_mib, largest_petition  # noqa: E402

TARGET_SECONDS = 30.0


def measure(pk: int | None) -> dict:
    if pk is None:
        return {"reason": "no petition with signatures"}
    dossier = Dossier.objects.create(petition_id=pk, languages=["th", "en"], with_annex=False)
    before = _rss_mib()
    sampler = _PeakSampler()
    sampler.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    built = build_dossier(dossier_id=dossier.pk)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    sampler.done.set()
    sampler.join()
    result = {
        "petition": pk,
        "status": built.status,
        "signatures": built.signature_count,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "pdf_kib": round(built.pdf.size / 1024) if built.pdf else None,
        "growth_mib": round(max(sampler.peak, _rss_mib()) - before, 1),
        "target": f"< {TARGET_SECONDS:g} s",
        "met": built.status == "ready" and seconds < TARGET_SECONDS,
    }
    if built.pdf:
        built.pdf.delete(save=False)
    built.delete()
    return result


def main(argv: list[str]) -> None:
    argument = argv[1] if len(argv) > 1 else "largest"
    print(json.dumps(measure(largest_petition() if argument == "largest" else int(argument))))


if __name__ == "__main__":
    main(sys.argv)
