"""``make bench`` times the delivery dossier itself (``bench/dossier.py``) the way the worker makes it, and leaves
nothing behind."""

from advocacy.dossiers.models import Dossier
from bench import dossier as bench_dossier

from .conftest import confirmed


def test_the_bench_makes_the_largest_petitions_dossier_and_deletes_it_afterwards(petition, private_dossiers):
    for name in ("มาลี ทองคำ", "Anna Lee", "ဇော်ဇော်"):
        confirmed(petition, name=name, province="chiang-rai")

    result = bench_dossier.measure(bench_dossier.largest_petition())

    assert result["petition"] == petition.pk
    assert result["status"] == "ready" and result["met"] is True
    assert result["signatures"] == 3
    assert result["pdf_kib"] > 0
    assert not Dossier.objects.exists()
    assert not any(path.is_file() for path in private_dossiers.rglob("*"))


def test_the_bench_says_when_no_petition_has_signers(db):
    assert bench_dossier.measure(None) == {"reason": "no petition with signatures"}
