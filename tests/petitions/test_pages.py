"""The public face: the page tree, the index, the petition page, the thank-you step."""

from petitions.factories import SignatureFactory
from petitions.models import PetitionIndexPage, PetitionPage
from site_project.models import HomePage


def test_petitions_live_under_their_index_which_lives_under_a_home_page():
    assert PetitionIndexPage.allowed_parent_page_models() == [HomePage]
    assert PetitionIndexPage.allowed_subpage_models() == [PetitionPage]
    assert PetitionPage.allowed_subpage_models() == []


def test_the_index_lists_petitions_with_their_counts(client, petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    html = client.get("/th/petitions/").content.decode()
    assert petition.title in html and "2 รายชื่อ" in html


def test_the_petition_page_announces_progress_and_offers_sharing(client, petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    html = client.get(f"/th/petitions/{petition.slug}/").content.decode()
    assert (
        'aria-live="polite"' in html
        and '<progress class="petition-progress__bar" max="1000" value="3"' in html
    )
    for host in ("social-plugins.line.me", "facebook.com/sharer", "twitter.com/intent", "wa.me"):
        assert host in html
    assert "data-share=" in html and "data-copy=" in html
    assert '<meta property="og:title"' in html


def test_the_goal_rises_when_reached_if_the_editor_chose_so(petition):
    assert petition.effective_goal(999) == 1000
    assert petition.effective_goal(1000) == 2000
    petition.raise_goal_automatically = False
    assert petition.effective_goal(5000) == 1000


def test_recent_signers_show_only_those_who_chose_to_with_name_and_province(client, petition):
    SignatureFactory(petition=petition, confirmed=True, name="แสดงชื่อ", show_name=True, province="nan")
    SignatureFactory(petition=petition, confirmed=True, name="ไม่แสดง", show_name=False)
    SignatureFactory(petition=petition, name="ยังไม่ยืนยัน", show_name=True)
    html = client.get(f"/th/petitions/{petition.slug}/").content.decode()
    assert "แสดงชื่อ, น่าน" in html
    assert "ไม่แสดง" not in html and "ยังไม่ยืนยัน" not in html
    assert "@example.org" not in html


def test_the_thank_you_page_offers_sharing(client, petition):
    html = client.get(f"/th/petitions/thanks/{petition.pk}/").content.decode()
    assert "social-plugins.line.me" in html


def test_the_source_comes_from_the_src_or_utm_parameters(client, petition):
    html = client.get(f"/th/petitions/{petition.slug}/?utm_source=LINE&utm_campaign=Nov 25").content.decode()
    assert 'name="source" value="line/nov-25"' in html
    html = client.get(f"/th/petitions/{petition.slug}/?src==cmd|calc").content.decode()
    assert 'name="source" value="cmd-calc"' in html


def test_a_sensitive_petition_shows_the_quick_exit(client, petition):
    petition.is_sensitive = True
    petition.save_revision().publish()
    assert "data-quick-exit" in client.get(f"/th/petitions/{petition.slug}/").content.decode()
    assert "data-quick-exit" in client.get(f"/th/petitions/thanks/{petition.pk}/").content.decode()
