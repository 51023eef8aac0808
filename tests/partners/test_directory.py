import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from partners.factories import PartnerPageFactory
from partners.models import PartnerContacts, PartnerPage, Pillar, Service, WorkingLanguage

from ..conftest import translate


def _names(response) -> list[str]:
    return [partner.title for partner in response.context["partners"]]


@pytest.fixture
def mixed_directory(directory):
    partners = [
        (
            "เครือข่ายชุมชนแม่สาย",
            "mae-sai",
            "community_network",
            {
                "pillars": [Pillar.objects.get(slug="anti_trafficking")],
                "services": [Service.objects.get(slug="legal_aid")],
                "working_languages": [WorkingLanguage.objects.get(slug="akha")],
                "provinces": ["chiang-rai"],
            },
        ),
        (
            "กระทรวงพัฒนาสังคม",
            "ministry",
            "government",
            {"pillars": [Pillar.objects.get(slug="gender_based_violence")], "provinces": ["bangkok"]},
        ),
        (
            "ชุมชนบ้านใหม่",
            "ban-mai",
            "community_network",
            {"services": [Service.objects.get(slug="shelter")], "provinces": ["chiang-rai"]},
        ),
    ]
    for title, slug, kind, terms in partners:
        PartnerPageFactory(parent=directory, title=title, slug=slug, kind=kind, terms=terms)
    return directory


def test_the_directory_lists_partners_in_thai_dictionary_order_with_leading_vowels_under_their_consonant(
    client, mixed_directory
):
    response = client.get("/th/partners/")
    assert response.status_code == 200
    assert _names(response) == ["กระทรวงพัฒนาสังคม", "เครือข่ายชุมชนแม่สาย", "ชุมชนบ้านใหม่"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=community_network", ["เครือข่ายชุมชนแม่สาย", "ชุมชนบ้านใหม่"]),
        ("pillar=anti_trafficking", ["เครือข่ายชุมชนแม่สาย"]),
        ("province=chiang-rai", ["เครือข่ายชุมชนแม่สาย", "ชุมชนบ้านใหม่"]),
        ("province=bangkok", ["กระทรวงพัฒนาสังคม"]),
        ("service=shelter", ["ชุมชนบ้านใหม่"]),
        ("language=akha", ["เครือข่ายชุมชนแม่สาย"]),
        ("kind=community_network&province=chiang-rai&service=legal_aid", ["เครือข่ายชุมชนแม่สาย"]),
        ("kind=government&province=chiang-rai", []),
    ],
)
def test_each_filter_narrows_the_list_and_filters_combine(client, mixed_directory, query, expected):
    response = client.get(f"/th/partners/?{query}")
    assert response.status_code == 200
    assert _names(response) == expected


def test_an_unknown_filter_value_shows_everyone_rather_than_an_error(client, mixed_directory):
    response = client.get("/th/partners/?kind=spaceship")
    assert response.status_code == 200
    assert len(_names(response)) == 3


def test_the_filters_are_a_plain_get_form_that_works_without_javascript(client, mixed_directory):
    html = client.get("/th/partners/").content.decode()
    assert '<form class="partner-filters" method="get"' in html
    assert 'type="submit"' in html
    assert 'name="province"' in html and 'name="language"' in html


def test_pages_keep_the_filters_in_their_links(client, directory):
    for number in range(30):
        PartnerPageFactory(parent=directory, title=f"มูลนิธิ {number:02d}", kind="ngo")
    response = client.get("/th/partners/?kind=ngo")
    assert len(_names(response)) == 24
    assert "?kind=ngo&amp;page=2" in response.content.decode()
    second = client.get("/th/partners/?kind=ngo&page=2")
    assert len(_names(second)) == 6


def test_the_english_directory_lists_the_english_translations(client, mixed_directory, english_home):
    translate(mixed_directory, "en", title="Partners")
    for page in PartnerPage.objects.filter(locale__language_code="th"):
        translate(page, "en", title=f"EN {page.slug}")
    response = client.get("/en/partners/?province=chiang-rai")
    assert response.status_code == 200
    assert _names(response) == ["EN ban-mai", "EN mae-sai"]
    assert "Chiang Rai" in response.content.decode()


def _fill(directory, count: int) -> None:
    pillars = list(Pillar.objects.all()[:3])
    services = list(Service.objects.all()[:2])
    languages = list(WorkingLanguage.objects.all()[:2])
    for number in range(count):
        PartnerPageFactory(
            parent=directory,
            title=f"องค์กร {number:03d}",
            logo=ImageFactory(),
            terms={
                "pillars": pillars,
                "services": services,
                "working_languages": languages,
                "provinces": ["chiang-rai", "bangkok"],
            },
        )


def _count_queries(client, path: str) -> int:
    client.get(path)  # the first visit makes the logo renditions
    cache.clear()  # so both counts include the site chrome, which is cached between requests
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_directory_makes_the_same_number_of_queries_for_5_and_50_partners(client, directory, settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure the view, not the anonymous page cache
    _fill(directory, 5)
    with_five = _count_queries(client, "/th/partners/?province=chiang-rai")
    _fill(directory, 45)
    with_fifty = _count_queries(client, "/th/partners/?province=chiang-rai")
    assert with_five == with_fifty
    assert with_fifty <= 30


def test_a_partner_page_shows_the_public_profile_but_never_the_referral_contacts(client, partner_a):
    partner_a.contacts.create(name="คุณสมศรี", email="somsri@example.org")
    PartnerContacts.objects.create(translation_key=partner_a.translation_key, public_email="info@example.org")
    html = client.get("/th/partners/a/").content.decode()
    assert "มูลนิธิเอ" in html and "info@example.org" in html
    assert "somsri@example.org" not in html


def test_a_partner_page_lists_nothing_co_organised_when_no_app_points_at_it(client, partner_a):
    response = client.get("/th/partners/a/")
    assert response.context["co_organised"] == {"petitions": [], "campaigns": []}


def test_the_page_tree_puts_partners_under_one_directory_under_the_home_page(db):
    from wagtail.models import Page

    from partners.models import PartnerIndexPage
    from site_project.models import HomePage

    assert PartnerIndexPage.parent_page_types == ["site_project.HomePage"]
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]
    assert PartnerPage.allowed_parent_page_models() == [PartnerIndexPage]
    assert PartnerPage.allowed_subpage_models() == []
    assert PartnerIndexPage in HomePage.allowed_subpage_models()
    assert not PartnerPage.can_create_at(Page())


def test_a_partner_page_makes_a_bounded_number_of_queries(
    client, partner_a, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/th/partners/a/")
    cache.clear()
    with django_assert_max_num_queries(30):
        assert client.get("/th/partners/a/").status_code == 200
