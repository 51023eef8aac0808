"""Full-size pages for ``bench.scale_data``: partners, campaigns, stories and petitions, written as raw rows.

Page rows get their tree paths computed here and go in with one multi-row INSERT per table (a page model's
own table and each table above it), without Wagtail's page API. Import after ``django.setup()``.
"""

import datetime
import sys
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

LANGUAGES = ("th", "en", "km", "my")
THAI_NAMES = ("สมชาย", "สมหญิง", "มาลี", "วิไล", "ประเสริฐ", "กาญจนา", "อรุณี", "ธนพล", "ศิริพร", "ณัฐวุฒิ")
THAI_SURNAMES = ("ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "แก้วมณี", "บุญมา", "ทองคำ", "สายใจ")
TITLES = {
    "th": "ร่วมกันยุติความรุนแรงต่อผู้หญิงและเด็ก",
    "en": "Together to end violence against women and children",
    "km": "រួមគ្នាបញ្ចប់អំពើហិង្សាលើស្ត្រី និងកុមារ",
    "my": "အမျိုးသမီးနှင့် ကလေးများအပေါ် အကြမ်းဖက်မှု အဆုံးသတ်ရန်",
}


def log(message: str) -> None:
    print(f"scale_data: {message}", file=sys.stderr, flush=True)


def page_model(app_label: str, wanted: str, unwanted: tuple = ("index",)):
    if not apps.is_installed(app_label):
        return None
    for model in apps.get_app_config(app_label).get_models():
        name = model.__name__.lower()
        if issubclass(model, Page) and wanted in name and not any(word in name for word in unwanted):
            return model
    return None


def index_pages(model) -> dict:
    """The live parent page of ``model`` in each language, from its ``parent_page_types``."""
    parents = {}
    for parent_model in model.allowed_parent_page_models():
        if parent_model is Page:
            continue
        for page in parent_model.objects.live().select_related("locale"):
            parents.setdefault(page.locale.language_code, page)
    return parents


def synthetic_value(field, number: int, title: str):
    """A plausible value for a required field nobody set: its default, else something of its type."""
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, StreamField):
        return []
    if isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if target is None:
            raise ValueError(f"{field.model.__name__}.{field.name} needs a {field.related_model.__name__}")
        return target
    if isinstance(field, models.DateTimeField):
        return timezone.now() - datetime.timedelta(days=number % 365)
    if isinstance(field, models.DateField):
        return timezone.localdate() - datetime.timedelta(days=number % 365)
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
        return 0
    if isinstance(field, models.EmailField):
        return f"contact{number}@example.org"
    if isinstance(field, models.URLField):
        return f"https://example.org/{number}"
    if isinstance(field, models.SlugField):
        return f"item-{number}"
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.CharField | models.TextField):
        text = f"{title} {number}"
        return text[: field.max_length] if field.max_length else text
    raise ValueError(
        f"cannot make up a value for {field.model.__name__}.{field.name} ({type(field).__name__})"
    )


def next_page_id() -> int:
    return (Page.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


def insert_rows(model, objects: list) -> None:
    """One multi-row INSERT per concrete table of ``model`` (Page, then each subclass), in chunks."""
    chain = [*reversed(model._meta.get_parent_list()), model]
    for table_model in chain:
        fields = list(table_model._meta.local_concrete_fields)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {connection.ops.quote_name(table_model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        rows = []
        for obj in objects:
            rows.append([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields])
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 2000):
                cursor.executemany(sql, rows[start : start + 2000])


def reset_sequence(model) -> None:
    if connection.vendor == "postgresql":
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
            )


def make_pages(model, count: int, *, languages: tuple, extra=None) -> list[int]:
    """Create ``count`` live pages of ``model``, as translation groups over ``languages``; return their ids."""
    if count <= 0:
        return []
    parents = index_pages(model)
    languages = tuple(code for code in languages if code in parents)
    if not languages:
        raise LookupError(f"no live parent page for {model.__name__}")
    content_type = ContentType.objects.get_for_model(model)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    now = timezone.now()
    page_id = next_page_id()
    objects, ids = [], []
    next_child = {}
    for code in languages:
        parent = Page.objects.get(pk=parents[code].pk)
        next_child[code] = (parent, parent.numchild)
    groups = max(count // len(languages), 1)
    for group in range(groups):
        key = uuid.uuid4()
        for code in languages:
            parent, used = next_child[code]
            used += 1
            next_child[code] = (parent, used)
            title = f"{TITLES[code]} #{group + 1}"
            slug = f"bench-{model.__name__.lower()}-{group + 1}"
            page = model(
                id=page_id,
                path=model._get_path(parent.path, parent.depth + 1, used),
                depth=parent.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale=locales[code],
                translation_key=key,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - datetime.timedelta(minutes=group),
                last_published_at=now - datetime.timedelta(minutes=group),
            )
            for table_model in (*model._meta.get_parent_list(), model):
                setattr(page, table_model._meta.pk.attname, page_id)  # every parent link, not just Page.id
            for field_name, value in (extra(group) if extra else {}).items():
                setattr(page, field_name, value)
            for field in model._meta.local_concrete_fields:
                if field.primary_key or field.is_relation and field.name.endswith("_ptr"):
                    continue
                if getattr(page, field.attname, None) in (None, "") and not field.null and not field.blank:
                    setattr(page, field.attname, synthetic_value(field, group, title))
            objects.append(page)
            ids.append(page_id)
            page_id += 1
    with transaction.atomic():
        insert_rows(model, objects)
        for code in languages:
            parent, used = next_child[code]
            Page.objects.filter(pk=parent.pk).update(numchild=used)
        reset_sequence(Page)
    return ids
