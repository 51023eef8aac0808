"""Create the four content locales: Thai (the default, made by Wagtail), English, Khmer and Burmese."""

from django.db import migrations

LANGUAGE_CODES = ("th", "en", "km", "my")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("site_project", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
