import io

from django.core.management import call_command

from partners import demo
from partners.models import MemberDocument, PartnerPage, Representative


def _snapshot():
    return (
        sorted(
            PartnerPage.objects.values_list("locale__language_code", "slug", "title", "latest_revision_id")
        ),
        sorted(Representative.objects.values_list("user__username", "partner__slug")),
        MemberDocument.objects.count(),
    )


def test_the_demo_builds_every_seed_partner_in_thai_and_english_and_is_idempotent(
    db, tmp_path, monkeypatch, client
):
    monkeypatch.setattr(demo, "ACCOUNTS_FILE", tmp_path / "demo-partners.txt")
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    first = _snapshot()
    thai = PartnerPage.objects.filter(locale__language_code="th")
    assert thai.filter(membership_status=PartnerPage.Membership.ACTIVE).count() == 16
    assert thai.count() == 21
    # Every seed partner in English, and the Cambodian partnership (seed 003), written in Khmer, in English too.
    assert PartnerPage.objects.filter(locale__language_code="en").count() == 21 + 3
    assert PartnerPage.objects.filter(locale__language_code="km").count() == 3
    assert set(thai.values_list("kind", flat=True)) >= {
        "community_network",
        "government",
        "private_company",
        "influencer",
    }
    chair = thai.get(slug="world-vision-foundation-of-thailand")
    assert chair.coalition_role == "chair"
    assert set(chair.pillars.values_list("slug", flat=True)) == {"child_protection", "anti_trafficking"}
    english_chair = chair.get_translation(
        PartnerPage.objects.filter(locale__language_code="en").first().locale
    )
    assert set(english_chair.specific.pillars.values_list("slug", flat=True)) == {
        "child_protection",
        "anti_trafficking",
    }
    assert Representative.objects.count() == 19  # every member, every second other partner
    assert MemberDocument.objects.count() == 3
    assert (tmp_path / "demo-partners.txt").stat().st_mode & 0o777 == 0o600
    assert "demo-partners.txt" in out.getvalue()

    call_command("load_demo_data", stdout=io.StringIO())
    assert _snapshot() == first

    assert client.get("/th/partners/").status_code == 200
    english = client.get("/en/partners/")
    assert english.status_code == 200
    assert "World Vision Foundation of Thailand" in english.content.decode()
    assert "International NGO" in english.content.decode()
    assert "องค์กรพัฒนาเอกชนระหว่างประเทศ" in client.get("/th/partners/").content.decode()
