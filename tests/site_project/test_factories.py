"""publish_translation: the one way the demo and the tests publish a page in another language."""

from wagtail.models import Locale

from site_project.factories import StandardPageFactory, publish_translation
from site_project.models import StandardPage


def body(text: str) -> list[tuple[str, str]]:
    return [("heading", "How we work"), ("paragraph", f"<p>{text}</p>")]


def test_it_publishes_a_new_translation_in_the_target_locale_with_the_fields(home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")

    english = publish_translation(about, "en", title="About us", body=body("Together."))

    assert isinstance(english, StandardPage)
    assert english.locale.language_code == "en"
    assert english.translation_key == about.translation_key
    assert english.live and english.title == "About us"
    assert english.body[1].value.source == "<p>Together.</p>"
    assert StandardPage.objects.live().get(pk=english.pk).title == "About us"


def test_it_makes_the_locale_of_a_new_language(home):
    Locale.objects.filter(language_code="km").delete()

    khmer = publish_translation(home, "km", title="ភាគី")

    assert khmer.live and khmer.locale.language_code == "km"


def test_publishing_the_same_fields_again_makes_no_new_revision(home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    english = publish_translation(about, "en", title="About us", body=body("Together."))
    revisions = english.revisions.count()

    again = publish_translation(about, "en", title="About us", body=body("Together."))

    assert again.pk == english.pk
    assert again.revisions.count() == revisions


def test_changing_a_field_publishes_a_new_revision(home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    english = publish_translation(about, "en", title="About us", body=body("Together."))
    revisions = english.revisions.count()

    changed = publish_translation(about, "en", title="About us", body=body("Together, we end violence."))

    assert changed.revisions.count() == revisions + 1
    assert StandardPage.objects.live().get(pk=english.pk).body[1].value.source == (
        "<p>Together, we end violence.</p>"
    )


def test_without_update_an_existing_translation_is_left_alone(home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    english = publish_translation(about, "en", title="About us")
    revisions = english.revisions.count()

    untouched = publish_translation(about, "en", update=False, title="Something else")

    assert untouched.pk == english.pk and isinstance(untouched, StandardPage)
    assert untouched.title == "About us"
    assert untouched.revisions.count() == revisions


def test_a_parent_copied_as_an_alias_keeps_its_own_fields_once_translated(home):
    about = StandardPageFactory(parent=home, title="เกี่ยวกับเรา", slug="about")
    publish_translation(about, "en", title="About us")  # the English home is made as an alias
    english_home = publish_translation(home, "en", title="Phakhi")

    home.save_revision().publish()  # publishing the Thai home updates its aliases

    english_home.refresh_from_db()
    assert english_home.alias_of_id is None
    assert english_home.title == "Phakhi"
