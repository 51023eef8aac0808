"""Someone who scanned a dossier's QR code with a cheap phone, JavaScript off, reads its verify page: the totals,
the digest and whether it still matches, nothing wider than the screen, no accessibility violation."""

import datetime

import pytest
from django.utils import timezone

from advocacy.dossiers import services
from advocacy.dossiers.digest import grouped
from petitions.factories import PetitionIndexPageFactory, SignatureFactory
from petitions.identity import PAPER_SOURCE
from petitions.models import SignatureStatus, SignatureTally
from petitions.services import sum_province_totals

from ..conftest import publish_open_petition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def dossier(home, private_files):
    petition = publish_open_petition(PetitionIndexPageFactory(parent=home, slug="petitions"))
    for province in ("bangkok", "chiang-rai", "nakhon-ratchasima", "mae-hong-son"):
        SignatureFactory(
            petition=petition,
            province=province,
            status=SignatureStatus.CONFIRMED,
            confirmed_at=timezone.now(),
        )
    SignatureTally.objects.create(
        petition=petition,
        day=timezone.localdate() - datetime.timedelta(days=5),
        province="chiang-rai",
        source=PAPER_SOURCE,
        locale="th",
        count=120,
    )
    sum_province_totals()  # as the aggregator leaves them: the public count reads these
    made = services.make_dossier(petition=petition, languages=[], with_annex=False, user=None)
    made.refresh_from_db()
    assert made.status == "ready", made.error
    return made


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_verify_page_reads_on_a_360_pixel_phone_without_javascript(
    live_server, js_disabled_page, dossier, language, axe_violations, format_violations, tmp_path
):
    js_disabled_page.set_viewport_size({"width": 360, "height": 800})
    js_disabled_page.goto(f"{live_server.url}/{language}/verify/{dossier.code}/")
    main = js_disabled_page.locator("main").inner_text()
    assert " ".join(grouped(dossier.digest).split()[:4]) in " ".join(main.split())
    assert "124" in main
    overflow = js_disabled_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    js_disabled_page.screenshot(path=str(tmp_path / f"verify-{language}-360.png"), full_page=True)
    violations = axe_violations(js_disabled_page)
    assert not violations, format_violations(violations)
