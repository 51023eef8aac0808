"""The inbox's "Open the submission" link works for the groups that see the item: both groups may look at event
RSVPs; only Safeguarding at shared stories, which it also reviews there (as in the inbox, Secretariat sees no
story)."""

from django.db import migrations

READS = {
    "Secretariat": [("campaigns", "eventrsvp", "view")],
    "Safeguarding": [
        ("campaigns", "eventrsvp", "view"),
        ("stories", "storysubmission", "view"),
        ("stories", "storysubmission", "change"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, reads in READS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, action in reads:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=READS):
        for app_label, model, action in READS[group.name]:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=f"{action}_{model}")
            )


class Migration(migrations.Migration):
    dependencies = [
        ("advocacy", "0004_data_sharing_log"),
        ("campaigns", "0001_initial"),
        ("stories", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
