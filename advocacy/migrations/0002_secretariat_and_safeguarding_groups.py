"""The inbox's two groups: Secretariat (every submission but the sensitive ones) and Safeguarding (all of them).

Both may use the Wagtail admin. Permissions are made here if ``post_migrate`` has not made them yet (a fresh
database migrates every app before it creates any permission).
"""

from django.db import migrations

GROUPS = {
    "Secretariat": ["view_inboxitem", "change_inboxitem"],
    "Safeguarding": ["view_inboxitem", "change_inboxitem", "view_sensitive_inboxitem"],
}
NAMES = {
    "view_inboxitem": "Can view inbox item",
    "change_inboxitem": "Can change inbox item",
    "view_sensitive_inboxitem": "Can see sensitive submissions (stories)",
}


def create_groups(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    inbox_type, _ = ContentType.objects.get_or_create(app_label="advocacy", model="inboxitem")
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for group_name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=inbox_type, codename=codename, defaults={"name": NAMES[codename]}
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
