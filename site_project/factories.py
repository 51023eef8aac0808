"""Factories for the cross-cutting models, shared by the tests and the demo content."""

import hashlib

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.db import transaction
from factory.django import DjangoModelFactory
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from .demo_illustrations import HEIGHT, ILLUSTRATED, WIDTH, draw_illustration
from .models import Footer, HelpLine, HomePage, MainMenu, StandardPage


def demo_image(title: str, colour: tuple[int, int, int], *, motif: str | None = None):
    """The demo's illustration for ``title`` (see ``demo_illustrations``): made in memory, so the demo needs no
    network and no photos of people, and found again by title. One drawn before the illustrations (striped) is
    redrawn in place, its renditions dropped; ``colour`` is the item's own, used by the coalition motif."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing is not None and ILLUSTRATED in existing.file.name:
        return existing
    picture = get_image_model()(title=title) if existing is None else existing
    if existing is not None:
        existing.renditions.all().delete()
        existing.file.delete(save=False)
    data = draw_illustration(title, motif=motif, colour=colour)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40]
    # Stored before the row is saved, so the upload hook does not re-encode a picture that has no metadata.
    picture.file.save(f"{slug}-{ILLUSTRATED}.png", ContentFile(data), save=False)
    picture.width, picture.height, picture.file_size = WIDTH, HEIGHT, len(data)
    picture.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    picture.save()
    return picture


def locale(language_code: str = "th") -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


@transaction.atomic
def publish_translation(page: Page, language_code: str, *, update: bool = True, **fields) -> Page:
    """Publish the translation of ``page`` in ``language_code`` with ``fields`` set, and return it (specific).

    A missing translation is copied from ``page`` (its missing parents become aliases, as in Wagtail's
    admin) and the language's locale is made if needed. An existing one is returned untouched when
    ``update`` is false; otherwise it gets the fields, and a new revision is published only if a field
    changed (or it is not live yet), so that loading the demo twice changes nothing. An alias given its own
    fields is first turned into an ordinary page, as wagtail-localize does, so that publishing the source
    again does not overwrite them.
    """
    translation = page.get_translation_or_none(locale(language_code))
    if translation is None:
        translation = page.copy_for_translation(locale(language_code), copy_parents=True)
    elif not update:
        return translation.specific
    translation = translation.specific
    if translation.alias_of_id is not None:
        ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
    before = {name: _stored(translation, name) for name in fields}
    for name, value in fields.items():
        setattr(translation, name, value)
    changed = any(_stored(translation, name) != before[name] for name in fields)
    if changed or not translation.live:
        translation.save_revision().publish()
        translation.refresh_from_db()  # publishing saves another instance, made from the revision
    return translation


def section_index(factory, slug: str, texts: dict[str, dict]) -> dict[str, Page]:
    """A section's index page under the Thai home page and its translations, by language code.

    The Thai page is made by ``factory`` with ``texts["th"]`` if there is none with ``slug`` yet, and each
    other language in ``texts`` (English, Khmer, Burmese) from its texts if it is missing; all are left alone
    once made. Empty while the site has no Thai home page.
    """
    thai_home = HomePage.objects.filter(locale__language_code="th").first()
    if thai_home is None:
        return {}
    thai = factory._meta.model.objects.child_of(thai_home).filter(slug=slug).first()
    if thai is None:
        thai = factory(parent=thai_home, slug=slug, **texts["th"])
    translated = {
        code: publish_translation(thai, code, update=False, **fields)
        for code, fields in texts.items()
        if code != "th"
    }
    return {"th": thai, **translated}


def _stored(page: Page, name: str):
    """The value of a page's field as it would be saved, to tell whether setting it changed anything."""
    field = page._meta.get_field(name)
    if not hasattr(field, "value_from_object"):  # a child relation: no cheap comparison, count it as changed
        return object()
    value = field.value_from_object(page)
    if isinstance(field, StreamField):
        return _without_block_ids(field.get_prep_value(value))
    return value


def _without_block_ids(data):
    """Stream data without the ids Wagtail gives each block and list item (new ones on every assignment)."""
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = {"type", "value"} <= data.keys()
        return {
            key: _without_block_ids(value) for key, value in data.items() if not (is_block and key == "id")
        }
    return data


class HomePageFactory(wagtail_factories.PageFactory):
    title = "ภาคี"
    slug = "home"
    intro = "เครือข่ายภาคีเพื่อยุติความรุนแรงต่อผู้หญิงและเด็ก"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"หน้า {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "ข้อมูลเกี่ยวกับภาคี"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = StandardPage


class HelpLineFactory(DjangoModelFactory):
    name = "ศูนย์ช่วยเหลือสังคม"
    number = "1300"
    description = "แจ้งเหตุความรุนแรงในครอบครัว การค้ามนุษย์ และขอความช่วยเหลือ"
    hours = "ตลอด 24 ชั่วโมง"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = HelpLine


class FooterFactory(DjangoModelFactory):
    organisation_name = "ภาคี"
    tagline = "ร่วมกันยุติความรุนแรง"
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Footer


class MainMenuFactory(DjangoModelFactory):
    items = factory.LazyFunction(list)
    locale = factory.LazyFunction(locale)

    class Meta:
        model = MainMenu
